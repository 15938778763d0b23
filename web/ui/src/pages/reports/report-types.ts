import type { ToolInput, ToolOutput } from '../../api/tool-types.ts';

/** run_report's answer and request, as the registry types them (a changed tool breaks the build, not the page). */
export type ReportResult = ToolOutput<'run_report'>;
export type ReportColumn = ReportResult['columns'][number];
export type ReportRow = ReportResult['rows'][number];
export type ReportRequest = ToolInput<'run_report'>;
export type ReportFilter = NonNullable<ReportRequest['filters']>[number];
export type ChartType = 'line' | 'bar' | 'area' | 'table' | 'kpi';
export type SavedReport = ToolOutput<'get_report'>;
export type MetricGroup = ToolOutput<'list_metrics'>['groups'][number];
export type ListedMetric = MetricGroup['metrics'][number];

export const CATEGORY_LABELS: Record<string, string> = {
  campaign_performance: 'Campaign performance',
  asset_roi: 'Asset ROI',
  customer_journey: 'Customer journey',
  roas_analysis: 'ROAS analysis',
};

export const VISIBILITY_LABELS: Record<string, string> = { private: 'Private', team: 'Team', organization: 'Organisation' };
