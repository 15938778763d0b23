import type { AnyTool } from '../registry/define-tool.ts';
import { ACCOUNT_TOOLS } from './accounts/index.ts';
import { ALERT_TOOLS } from './alerts/index.ts';
import { BIGQUERY_TOOLS } from './bigquery/index.ts';
import { recordMetaLead } from './leads/record-meta-lead.ts';
import { PERFORMANCE_TOOLS } from './performance/index.ts';

/** Ad accounts (issue 22): connections and syncs, daily campaign metrics, budget alerts and pacing, BigQuery. */
export const AD_TOOLS: AnyTool[] = [...ACCOUNT_TOOLS, ...PERFORMANCE_TOOLS, ...ALERT_TOOLS, ...BIGQUERY_TOOLS, recordMetaLead];
