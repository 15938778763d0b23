import type { ChartType, ReportFilter, ReportRequest } from './report-types.ts';

export type DateRange = ReportRequest['date_range'];

/** The ranges people pick most; anything else is a custom from/to. */
export const DATE_PRESETS: ReadonlyArray<{ value: string; label: string; range: DateRange }> = [
  { value: 'last-7-days', label: 'Last 7 days', range: { last: 7, unit: 'day' } },
  { value: 'last-30-days', label: 'Last 30 days', range: { last: 30, unit: 'day' } },
  { value: 'last-90-days', label: 'Last 90 days', range: { last: 90, unit: 'day' } },
  { value: 'this-month', label: 'This month', range: { last: 1, unit: 'month' } },
  { value: 'last-12-months', label: 'Last 12 months', range: { last: 12, unit: 'month' } },
];

export function presetOf(range: DateRange): string {
  if ('from' in range) return 'custom';
  return DATE_PRESETS.find((preset) => 'last' in preset.range && preset.range.last === range.last && preset.range.unit === range.unit)?.value ?? 'custom';
}

/** What the builder edits: run_report's input, and how the report is drawn. */
export interface ReportDraft {
  metrics: string[];
  dimensions: string[];
  filters: ReportFilter[];
  date_range: DateRange;
  time_grain?: ReportRequest['time_grain'];
  attribution_model?: ReportRequest['attribution_model'];
  compare_to?: 'previous_period';
  chart: ChartType;
}

export const EMPTY_DRAFT: ReportDraft = { metrics: [], dimensions: [], filters: [], date_range: { last: 30, unit: 'day' }, chart: 'bar' };

/** The run_report input a draft stands for (unset options left out, incomplete filters skipped). */
export function toRequest(draft: ReportDraft): ReportRequest {
  return {
    metrics: draft.metrics,
    dimensions: draft.dimensions,
    filters: draft.filters.filter((filter) => filter.field.trim() && (Array.isArray(filter.value) ? filter.value.length : String(filter.value).trim() !== '')),
    date_range: draft.date_range,
    ...(draft.time_grain ? { time_grain: draft.time_grain } : {}),
    ...(draft.attribution_model ? { attribution_model: draft.attribution_model } : {}),
    ...(draft.compare_to ? { compare_to: draft.compare_to } : {}),
  };
}

/** A saved report's or template's definition back into a draft. */
export function fromDefinition(definition: ReportRequest, chart: ChartType | undefined): ReportDraft {
  return {
    metrics: [...definition.metrics],
    dimensions: [...(definition.dimensions ?? [])],
    filters: [...(definition.filters ?? [])],
    date_range: definition.date_range,
    time_grain: definition.time_grain,
    attribution_model: definition.attribution_model,
    compare_to: definition.compare_to,
    chart: chart ?? (definition.time_grain ? 'line' : definition.dimensions?.length ? 'bar' : 'kpi'),
  };
}

/** The chart a saved report stores: its type, the x column and the metrics plotted. */
export function toChartSpec(draft: ReportDraft) {
  return { type: draft.chart, ...(draft.time_grain ? { x: 'period' } : draft.dimensions[0] ? { x: draft.dimensions[0] } : {}), y: draft.metrics.slice(0, 10) };
}

/** Issues from an invalid_input answer that concern one field (its path or paths under it). */
export function issuesFor(issues: ReadonlyArray<{ path: string; message: string }>, prefix: string): Array<{ path: string; message: string }> {
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}[`) || issue.path.startsWith(`${prefix}.`));
}
