import type { ChartSpec } from '../../../../bots/charts/render-chart.ts';
import type { ReportColumn, ReportResult } from '../../report-result.ts';
import { columnHeading, columnKinds, type NumberKind } from './cell-format.ts';

export const EXPORT_CHART_TYPES = ['line', 'bar', 'area', 'table', 'kpi'] as const;

/** How a saved report is drawn (ReportView.chart); `y` names metric keys, `x` a period or dimension key. */
export interface ExportChart {
  type: (typeof EXPORT_CHART_TYPES)[number];
  x?: string;
  y?: string[];
}

type Row = ReportResult['rows'][number];

/**
 * Bars lying on their side (long names) get 34 px each: past about ten, the chart no longer fits
 * half a page with labels large enough to print, so the first ten in the report's order are drawn.
 */
const MOST_BARS = 10;
/** Lines beyond this many dimension values tangle: the largest are drawn. */
const MOST_SERIES = 5;
/** A series whose largest value is under this share of the first one's would be a flat line at zero. */
const VISIBLE_SHARE = 0.02;

/**
 * The chart the PDF draws, in the shape the Slack charts use (bots/charts): none for a table or
 * KPI view or a report without figures. Without a saved chart, a report with periods gets a line
 * over time and one split by a dimension gets bars (area is drawn as a line). Only metrics of the
 * first one's kind and unit and of a visible size beside it share its value axis; ratios are drawn
 * as percentages. A period column, when there is one, is the x axis.
 */
export function chartFor(result: ReportResult, chart: ExportChart | undefined): ChartSpec | null {
  const metrics = result.columns.filter((column) => column.role === 'metric');
  const period = result.columns.find((column) => column.role === 'period');
  const dimensions = result.columns.filter((column) => column.role === 'dimension');
  const type = chart?.type ?? (period ? 'line' : dimensions.length ? 'bar' : 'kpi');
  if (type === 'table' || type === 'kpi' || result.rows.length === 0) return null;
  const kinds = columnKinds(result);
  const wanted = chart?.y?.length ? chart.y.map((key) => metrics.find((column) => column.key === key)).filter((column) => column !== undefined) : [];
  const first = wanted[0] ?? metrics[0];
  const xColumn = period ?? dimensions.find((column) => column.key === chart?.x) ?? dimensions[0];
  if (!first || !xColumn) return null;
  const kind = type === 'bar' ? 'bar' : 'line';
  const unit = unitOf(first, result.currency);
  const plot = (column: ReportColumn) => (value: unknown) => plotted(value, kinds.get(column.key));
  if (period && dimensions.length > 0) return seriesByDimension(result, period, dimensions, first, kind, unit, plot(first));

  const rows = period ? [...result.rows].sort((a, b) => periodOrder(String(a[period.key] ?? ''), String(b[period.key] ?? ''))) : result.rows.slice(0, MOST_BARS);
  const largest = (column: ReportColumn) => Math.max(0, ...rows.map((row) => Math.abs(Number(row[column.key]) || 0)));
  const ys = [first, ...wanted.slice(1).filter((column) => kinds.get(column.key) === kinds.get(first.key) && column.unit === first.unit && largest(column) >= largest(first) * VISIBLE_SHARE)];
  const shown = rows.length < result.rows.length ? ` (first ${rows.length} of ${result.rows.length})` : '';
  return {
    title: `${ys.map((column) => column.label).join(', ')} ${period ? `per ${grainName(result.time_grain)}` : `by ${lowerFirst(xColumn.label)}`}${shown}`,
    kind,
    labels: rows.map((row) => labelOf(row[xColumn.key], xColumn, result.time_grain)),
    series: ys.map((column) => ({ name: column.label, values: rows.map((row) => plot(column)(row[column.key])) })),
    unit,
  };
}

/** Periods along x, one line per dimension value (the largest few by the metric's sum). */
function seriesByDimension(result: ReportResult, period: ReportColumn, dimensions: ReportColumn[], metric: ReportColumn, kind: 'bar' | 'line', unit: string | undefined, plot: (value: unknown) => number): ChartSpec {
  const periods = [...new Set(result.rows.map((row) => String(row[period.key] ?? '')))].sort(periodOrder);
  const nameOf = (row: Row) => dimensions.map((column) => labelOf(row[column.key], column, null)).join(' · ');
  const sums = new Map<string, number>();
  for (const row of result.rows) sums.set(nameOf(row), (sums.get(nameOf(row)) ?? 0) + (Number(row[metric.key]) || 0));
  const names = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, MOST_SERIES).map(([name]) => name);
  // A missing period is nothing spent or streamed, but a ratio there is unknown: a gap, not a zero.
  const missing = metric.unit === 'ratio' ? Number.NaN : 0;
  const series = names.map((name) => ({
    name,
    values: periods.map((at) => {
      const row = result.rows.find((candidate) => String(candidate[period.key] ?? '') === at && nameOf(candidate) === name);
      return row ? plot(row[metric.key]) : missing;
    }),
  }));
  const more = sums.size > names.length ? ` (largest ${names.length} of ${sums.size})` : '';
  return {
    title: `${metric.label} per ${grainName(result.time_grain)} by ${dimensions.map((column) => lowerFirst(column.label)).join(' and ')}${more}`,
    kind,
    labels: periods.map((at) => labelOf(at, period, result.time_grain)),
    series,
    unit,
  };
}

/**
 * Periods in time order whatever the table's sort: by instant, since sub-day periods carry their
 * offset (east of UTC, 02:00+02:00 comes before 02:00+01:00 when clocks go back); text otherwise.
 */
function periodOrder(a: string, b: string): number {
  const [first, second] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(first) || Number.isNaN(second) ? a.localeCompare(b) : first - second;
}

function grainName(grain: string | null): string {
  return grain ? grain.replace('_', ' ') : 'period';
}

/** The unit the heading shows ("Spend (EUR)" -> EUR, "CTR (%)" -> %). */
function unitOf(column: ReportColumn, currency: string): string | undefined {
  return /\(([^)]+)\)$/.exec(columnHeading(column, currency))?.[1];
}

function plotted(value: unknown, kind: NumberKind | undefined): number {
  const number = typeof value === 'number' ? value : Number.NaN;
  return kind === 'ratio' || kind === 'change' ? number * 100 : number;
}

/**
 * Axis labels stay short and date-like, so the chart keeps them upright and thins them evenly:
 * 2026-11-03 for days and weeks, 2026-11 for months, 2026 Q4 for quarters, 2026-11-03 14:00 within a day.
 */
function labelOf(value: unknown, column: ReportColumn, grain: string | null): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const text = String(value);
  if (column.role !== 'period') return text;
  if (grain === 'month') return text.slice(0, 7);
  if (grain === 'quarter') return `${text.slice(0, 4)} Q${Math.ceil(Number(text.slice(5, 7)) / 3)}`;
  return text.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
