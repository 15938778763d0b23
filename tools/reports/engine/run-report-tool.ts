import { defineTool } from '../../registry/define-tool.ts';
import { reportRequest } from '../report-request.ts';
import { reportResult } from '../report-result.ts';
import { runReport } from './run-report.ts';

export const runReportTool = defineTool({
  name: 'run_report',
  title: 'Run a report',
  description:
    'Any metrics (list_metrics) split by dimensions and period over a date range, with filters and an optional previous-period comparison. Use it for questions no dedicated tool answers; say which metrics and filters you used. Ratios are ratios of sums; revenue split by channel, campaign or artist is attributed revenue. Base currency, organisation time zone.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  keywords: ['custom report', 'breakdown', 'click through rate', 'cost per click', 'cost per mille', 'average order value', 'customer acquisition cost', 'conversion rate', 'each week', 'each month', 'weekly', 'monthly', 'daily', 'trend', 'metric', 'kpi', 'ctr', 'cpc', 'cpm', 'aov', 'cac', 'month over month', 'compare with previous period'],
  input: reportRequest,
  output: reportResult,
  example: { metrics: ['spend', 'clicks', 'ctr'], dimensions: ['channel'], date_range: { last: 30, unit: 'day' } },
  handler: (ctx, input) => runReport(ctx, input),
});
