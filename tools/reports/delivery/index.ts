import type { AnyTool } from '../../registry/define-tool.ts';
import { exportReport } from './export-report.ts';
import { listReportSchedules } from './list-report-schedules.ts';
import { runScheduledReport } from './run-scheduled-report.ts';
import { scheduleReport } from './schedule-report.ts';
import { unscheduleReport } from './unschedule-report.ts';

export { describeCadence, latestDueOccurrence, nextOccurrence } from './cadence.ts';

/** Exports and scheduled delivery of saved reports to Slack and email (issue 19). */
export const DELIVERY_TOOLS: AnyTool[] = [exportReport, scheduleReport, listReportSchedules, unscheduleReport, runScheduledReport];
