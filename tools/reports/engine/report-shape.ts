import { money, rate } from '../../common/format.ts';
import type { AttributionModel } from '../../attribution/models.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { MetricLibrary } from '../metrics/metric-library.ts';
import type { MetricSpec } from '../metrics/metric-spec.ts';
import type { ReportRequest, TimeGrain } from '../report-request.ts';
import type { ReportCell, ReportColumn, ReportResult } from '../report-result.ts';
import type { DimensionRef } from './dimensions.ts';
import { isSubDay, periodLabel } from './periods.ts';
import { metricValue, type ReportPlan } from './report-plan.ts';
import { describeRange, type ReportRange } from './report-range.ts';

export interface ComputedRows {
  rows: Array<{ period: string | null; dimensions: (string | null)[]; values: Map<string, number | null> }>;
  totals: Map<string, number | null>;
  /** Per base metric: whether a row without data shows 0 (sums, counts) or empty (averages). */
  emptyAsZero: Map<string, boolean>;
}

interface ShapeInput {
  ctx: ToolContext;
  request: ReportRequest;
  plan: ReportPlan;
  library: MetricLibrary;
  dimensions: DimensionRef[];
  range: ReportRange;
  grain: ReportRequest['time_grain'] | null;
  periods: string[] | null;
  current: ComputedRows;
  comparison: ComputedRows | null;
  model: AttributionModel | null;
  notes: string[];
}

type Row = Record<string, ReportCell>;

/** Rounds for display only: money to cents, ratios to 4 places, counts to whole numbers. */
function present(spec: MetricSpec, value: number | null): number | null {
  if (value === null) return null;
  if (spec.dataType === 'currency') return money(value);
  if (spec.dataType === 'integer') return Math.round(value) + 0;
  return rate(value);
}

const change = (current: number | null, previous: number | null): number | null =>
  current === null || previous === null || previous === 0 ? null : (current - previous) / Math.abs(previous);

/** Turns computed rows into the result: every period present, formulas evaluated, comparison, sort, limit, columns. */
export function shapeResult(input: ShapeInput): ReportResult {
  const { request, plan, library, dimensions, grain, periods, current, comparison } = input;
  const timeZone = input.ctx.org.timeZone;
  const rows = densify(current, dimensions.length, periods);
  const previousByKey = comparison ? indexComparison(comparison, periods, input.dimensions.length) : null;
  const evaluate = (values: Map<string, number | null>, key: string) => metricValue(key, values, plan, library, current.emptyAsZero);
  const shaped = rows.map((row) => {
    const out: Row = {};
    if (grain) out.period = periodLabel(grain, row.period!, timeZone);
    dimensions.forEach((dimension, index) => (out[dimension.key] = row.dimensions[index] ?? null));
    const previousValues = previousByKey?.get(comparisonKey(row, periods)) ?? new Map<string, number | null>();
    for (const { asked, spec } of plan.requested) {
      const value = evaluate(row.values, spec.key);
      out[asked] = present(spec, value);
      if (comparison) {
        const previous = evaluate(previousValues, spec.key);
        out[`${asked}_previous`] = present(spec, previous);
        out[`${asked}_change`] = rate(change(value, previous));
      }
    }
    return out;
  });
  sortRows(shaped, request, plan, dimensions, grain);
  const totals: Record<string, number | null> = {};
  for (const { asked, spec } of plan.requested) {
    const value = evaluate(current.totals, spec.key);
    totals[asked] = present(spec, value);
    if (comparison) {
      const previous = evaluate(comparison.totals, spec.key);
      totals[`${asked}_previous`] = present(spec, previous);
      totals[`${asked}_change`] = rate(change(value, previous));
    }
  }
  const notes = [...input.notes];
  if (grain && isSubDay(grain)) notes.push('Figures dated by day (spend, streams, payouts) fall in the first period of their day.');
  if (shaped.length > request.limit) notes.push(`Showing ${request.limit} of ${shaped.length} rows (limit); totals cover them all.`);
  return {
    columns: columns(input),
    rows: shaped.slice(0, request.limit),
    totals,
    currency: input.ctx.org.baseCurrency,
    time_zone: timeZone,
    date_range: describeRange(input.range),
    time_grain: grain ?? null,
    attribution_model: input.model,
    total_rows: shaped.length,
    notes,
  };
}

/** The most rows a report with a time grain may fill in (periods x dimension combinations). */
export const MAX_DENSE_ROWS = 250_000;

/**
 * With a grain, every period appears for every dimension combination seen in the range (charts
 * need every series at every period); without dimensions, a report always has its one row.
 */
function densify(computed: ComputedRows, dimensionCount: number, periods: string[] | null): ComputedRows['rows'] {
  const seen = new Map(computed.rows.map((row) => [JSON.stringify([row.period, ...row.dimensions]), row]));
  if (!periods) {
    if (dimensionCount === 0 && computed.rows.length === 0) return [{ period: null, dimensions: [], values: new Map() }];
    return computed.rows;
  }
  const combinations = new Map<string, (string | null)[]>();
  for (const row of computed.rows) combinations.set(JSON.stringify(row.dimensions), row.dimensions);
  if (combinations.size === 0 && dimensionCount === 0) combinations.set('[]', []);
  // Every period for every combination is built in memory before the limit applies: refuse a report
  // that would not fit rather than exhaust the process.
  const dense = periods.length * combinations.size;
  if (dense > MAX_DENSE_ROWS) {
    throw invalidInput('time_grain', `this report would have ${dense.toLocaleString('en-US')} rows (${periods.length.toLocaleString('en-US')} periods x ${combinations.size.toLocaleString('en-US')} combinations of its dimensions), over the ${MAX_DENSE_ROWS.toLocaleString('en-US')} a report can hold: use a coarser time_grain, a shorter date_range, a filter, or fewer dimensions`);
  }
  const rows: ComputedRows['rows'] = [];
  for (const period of periods) {
    for (const dimensions of combinations.values()) {
      rows.push(seen.get(JSON.stringify([period, ...dimensions])) ?? { period, dimensions, values: new Map() });
    }
  }
  return rows;
}

/** Previous-period rows match current ones by dimension values and, with a grain, by the period's position. */
function comparisonKey(row: { period: string | null; dimensions: (string | null)[] }, periods: string[] | null): string {
  return JSON.stringify([periods && row.period ? periods.indexOf(row.period) : null, ...row.dimensions]);
}

function indexComparison(comparison: ComputedRows, currentPeriods: string[] | null, _dimensionCount: number): Map<string, Map<string, number | null>> {
  const previousPeriods = currentPeriods ? [...new Set(comparison.rows.map((row) => row.period!).filter(Boolean))].sort() : null;
  // The previous range has the same number of periods (or one more or less for months): align from the end.
  const offset = currentPeriods && previousPeriods ? currentPeriods.length - previousPeriods.length : 0;
  return new Map(comparison.rows.map((row) => {
    const position = previousPeriods && row.period ? previousPeriods.indexOf(row.period) + offset : null;
    return [JSON.stringify([position, ...row.dimensions]), row.values];
  }));
}

function sortRows(rows: Row[], request: ReportRequest, plan: ReportPlan, dimensions: DimensionRef[], grain: TimeGrain | null | undefined): void {
  const hasPeriod = Boolean(grain);
  // Sub-day periods are local times with their offset: ordered by the instant, not the text (east of
  // UTC, 02:00+02:00 comes before 02:00+01:00 on the day clocks go back).
  const byInstant = grain ? isSubDay(grain) : false;
  const known = new Set([...(hasPeriod ? ['period'] : []), ...dimensions.map((dimension) => dimension.key), ...plan.requested.flatMap(({ asked }) => [asked, `${asked}_previous`, `${asked}_change`])]);
  const order = request.sort ?? [
    ...(hasPeriod ? [{ key: 'period', direction: 'asc' as const }] : []),
    { key: plan.requested[0]!.asked, direction: 'desc' as const },
    ...dimensions.map((dimension) => ({ key: dimension.key, direction: 'asc' as const })),
  ];
  order.forEach((entry, index) => {
    if (!known.has(entry.key)) throw invalidInput(`sort[${index}].key`, `"${entry.key}" is not a column of this report (${[...known].join(', ')})`);
  });
  rows.sort((a, b) => {
    for (const { key, direction } of order) {
      const compared = byInstant && key === 'period' ? compareInstants(a.period ?? null, b.period ?? null) : compareCells(a[key] ?? null, b[key] ?? null);
      if (compared !== 0) return direction === 'asc' ? compared : -compared;
    }
    return 0;
  });
}

function compareInstants(a: ReportCell, b: ReportCell): number {
  return a === null || b === null ? compareCells(a, b) : Date.parse(String(a)) - Date.parse(String(b));
}

/** Empty values sort last whichever the direction would put first. */
function compareCells(a: ReportCell, b: ReportCell): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function columns(input: ShapeInput): ReportColumn[] {
  const currency = input.ctx.org.baseCurrency;
  const list: ReportColumn[] = [];
  if (input.grain) list.push({ key: 'period', label: 'Period', role: 'period', type: isSubDay(input.grain) ? 'timestamp' : 'date', unit: null });
  for (const dimension of input.dimensions) list.push({ key: dimension.key, label: dimension.label, role: 'dimension', type: 'string', unit: null });
  for (const { asked, spec } of input.plan.requested) {
    const type = spec.dataType === 'currency' ? 'currency' : spec.dataType === 'integer' ? 'integer' : 'float';
    const unit = spec.dataType === 'currency' ? currency : spec.display === 'ratio' ? 'ratio' : null;
    list.push({ key: asked, label: spec.label, role: 'metric', type, unit });
    if (input.comparison) {
      list.push({ key: `${asked}_previous`, label: `${spec.label} (previous period)`, role: 'comparison', type, unit });
      list.push({ key: `${asked}_change`, label: `${spec.label} change`, role: 'comparison', type: 'percent', unit: 'ratio' });
    }
  }
  return list;
}
