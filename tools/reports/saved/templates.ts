import type { ReportCategory } from '../../../db/generated/prisma/enums.ts';
import type { ReportRequestInput } from '../report-request.ts';
import type { ChartSpec } from './report-fields.ts';

/** A starting point in the template library: a run_report definition, or another report tool's input. */
export interface ReportTemplate {
  key: string;
  name: string;
  description: string;
  category: ReportCategory;
  /** The tool the template runs: run_report (copyable with save_report) or a specialised one. */
  tool: 'run_report' | 'cohort_report';
  /** run_report templates: the definition a copy stores. */
  definition: ReportRequestInput | null;
  /** Other tools' templates: their input. */
  input: Record<string, unknown> | null;
  chart: ChartSpec;
}

/**
 * The template library. Ranges count the current unit (`last 7 days` ends today), as run_report does;
 * copies may override the name, category, definition and chart.
 */
export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  {
    key: 'weekly_campaign_performance',
    name: 'Weekly campaign performance',
    description: 'Spend, impressions, clicks, CTR, CPC, conversions, revenue and ROAS per campaign and day over the last 7 days.',
    category: 'CAMPAIGN_PERFORMANCE',
    tool: 'run_report',
    definition: {
      metrics: ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'conversions', 'revenue', 'roas'],
      dimensions: ['campaign'],
      date_range: { last: 7, unit: 'day' },
      time_grain: 'day',
    },
    input: null,
    chart: { type: 'line', x: 'period', y: ['spend', 'revenue'] },
  },
  {
    key: 'roas_by_channel_and_model',
    name: 'ROAS by channel and model',
    description: 'Spend, attributed revenue, ROAS and ROI per channel over the last month under a chosen attribution model (linear here; change attribution_model in the copy).',
    category: 'ROAS_ANALYSIS',
    tool: 'run_report',
    definition: {
      metrics: ['spend', 'revenue', 'roas', 'roi'],
      dimensions: ['channel'],
      date_range: { last: 1, unit: 'month' },
      attribution_model: 'linear',
      sort: [{ key: 'roas', direction: 'desc' }],
    },
    input: null,
    chart: { type: 'bar', x: 'channel', y: ['roas'] },
  },
  {
    key: 'cohort_ltv_by_first_touch_channel',
    name: 'Cohort LTV by first-touch channel',
    description: "Customers grouped by the channel of their first touchpoint, with each cohort's lifetime value over time (runs cohort_report with this input).",
    category: 'CUSTOMER_JOURNEY',
    tool: 'cohort_report',
    definition: null,
    input: { cohort_by: 'first_touch_channel', measure: 'ltv' },
    chart: { type: 'line' },
  },
  {
    key: 'asset_roi_by_artist',
    name: 'Asset ROI by artist',
    description: 'Streams, estimated earnings, spend and ROI per artist and month over the last 3 months.',
    category: 'ASSET_ROI',
    tool: 'run_report',
    definition: {
      metrics: ['streams', 'estimated_earnings', 'spend', 'roi'],
      dimensions: ['artist'],
      date_range: { last: 3, unit: 'month' },
      time_grain: 'month',
    },
    input: null,
    chart: { type: 'bar', x: 'period', y: ['estimated_earnings', 'spend'], stacked: false },
  },
];

export const TEMPLATE_KEYS = REPORT_TEMPLATES.map((template) => template.key) as [string, ...string[]];

export function findTemplate(key: string): ReportTemplate | undefined {
  return REPORT_TEMPLATES.find((template) => template.key === key);
}
