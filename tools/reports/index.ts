import type { AnyTool } from '../registry/define-tool.ts';
import { COHORTS_TOOLS } from './cohorts/index.ts';
import { DELIVERY_TOOLS } from './delivery/index.ts';
import { ENGINE_TOOLS } from './engine/index.ts';
import { METRICS_TOOLS } from './metrics/index.ts';
import { RECORDS_TOOLS } from './records/index.ts';
import { SAVED_TOOLS } from './saved/index.ts';

/** Reports (issue 19): unified records, the metric library, run_report, saved reports, dashboards, delivery, cohorts. */
export const REPORT_TOOLS: AnyTool[] = [...ENGINE_TOOLS, ...METRICS_TOOLS, ...RECORDS_TOOLS, ...SAVED_TOOLS, ...DELIVERY_TOOLS, ...COHORTS_TOOLS];
