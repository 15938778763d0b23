import { displayName } from '../../../../../tools/common/display-names.ts';
import { DASH, formatCompact, formatDay, formatMoney, formatNumber, formatRatio, formatShare } from '../../components/format.ts';

/** Return on ad spend reads as a multiple (3.51×) on every other page of the UI; the result types it a plain float. */
const MULTIPLES = new Set(['roas', 'roas_previous']);
import type { ReportColumn, ReportResult } from './report-types.ts';

type Cell = string | number | boolean | null | undefined;

/** A column holds figures (right-aligned) rather than names or periods. */
export function isNumeric(column: ReportColumn): boolean {
  return column.role === 'metric' || column.role === 'comparison';
}

/** A period's first day, written for its grain: "Nov 2026" for months, "3 Nov" for days and weeks. */
export function formatPeriod(value: Cell, grain: string | null): string {
  if (typeof value !== 'string') return value === null || value === undefined ? DASH : String(value);
  if (grain === 'month') return new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (grain === 'quarter') {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
  }
  if (grain === 'hour' || grain === 'quarter_hour') return value.length > 10 ? value.slice(5, 16).replace('T', ' ') : value;
  return formatDay(value, { short: true });
}

/**
 * Two periods in time order: by instant, since hours and quarter hours carry their offset (east of
 * UTC, 02:00+02:00 comes before 02:00+01:00 on the day clocks go back); as text otherwise.
 */
export function periodOrder(a: string, b: string): number {
  const [first, second] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(first) || Number.isNaN(second) ? a.localeCompare(b) : first - second;
}

/**
 * One cell as a marketer reads it: money with its currency, 0-1 ratios as percentages, changes as
 * signed percentages, counts with separators, decimals with two places.
 */
export function formatCell(value: Cell, column: ReportColumn, result: Pick<ReportResult, 'currency' | 'time_grain'>, options: { compact?: boolean } = {}): string {
  // A record without the field (the notes say so): a group of its own, named rather than a dash.
  if ((value === null || value === undefined || value === '') && column.role === 'dimension') return 'Not set';
  if (value === null || value === undefined) return DASH;
  if (column.role === 'period') return formatPeriod(value, result.time_grain);
  if (typeof value === 'string' && (column.key === 'channel' || column.key === 'platform')) return displayName(value);
  if (typeof value !== 'number') return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  if (column.type === 'currency') return formatMoney(value, column.unit ?? result.currency, { compact: options.compact });
  if (column.unit === 'percent' || column.type === 'percent') return `${value > 0 ? '+' : ''}${formatShare(value)}`;
  if (column.unit === 'ratio') return formatShare(value);
  if (MULTIPLES.has(column.key)) return options.compact ? `${Number(value.toFixed(1))}×` : formatRatio(value);
  if (options.compact) return formatCompact(value);
  if (column.type === 'integer' || Number.isInteger(value)) return formatNumber(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A value as a number for a chart (null and text count as nothing). */
export function numeric(value: Cell): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The name of a row in a chart: its dimension values joined, or its period. */
export function rowName(row: Record<string, Cell>, columns: readonly ReportColumn[], result: Pick<ReportResult, 'currency' | 'time_grain'>): string {
  const names = columns.filter((column) => column.role === 'dimension' || column.role === 'period').map((column) => formatCell(row[column.key], column, result));
  return names.join(' · ') || 'All';
}
