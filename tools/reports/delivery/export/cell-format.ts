import type { ReportCell, ReportColumn, ReportResult } from '../../report-result.ts';

/**
 * How a column's numbers are shown: money (to cents), unit money (amounts under one unit, such as a
 * cost per stream, to 4 places), a 0-1 ratio, a change (a signed 0-1 ratio: run_report's
 * `<metric>_change`), a percent figure (already x100), a whole number or a plain number.
 */
export type NumberKind = 'money' | 'unit_money' | 'ratio' | 'change' | 'percent' | 'integer' | 'number';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Metric and comparison columns hold figures; period and dimension columns say what a row is. */
export function isFigureColumn(column: ReportColumn): boolean {
  return column.role === 'metric' || column.role === 'comparison';
}

export function numberKind(column: ReportColumn): NumberKind {
  if (column.type === 'currency' || (column.unit !== null && /^[A-Z]{3}$/.test(column.unit))) return 'money';
  if (column.unit === 'ratio') return column.type === 'percent' ? 'change' : 'ratio';
  if (column.unit === 'percent' || column.type === 'percent') return 'percent';
  if (column.type === 'integer') return 'integer';
  return 'number';
}

/** Each figure column's kind; a money column whose every amount is under one unit is unit money (0.0254 per stream is not 0.03). */
export function columnKinds(result: ReportResult): Map<string, NumberKind> {
  const kinds = new Map<string, NumberKind>();
  for (const column of result.columns.filter(isFigureColumn)) {
    const kind = numberKind(column);
    const amounts = [...result.rows.map((row) => row[column.key]), result.totals[column.key]].filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    const small = amounts.some((value) => value !== 0) && amounts.every((value) => Math.abs(value) < 1);
    kinds.set(column.key, kind === 'money' && small ? 'unit_money' : kind);
  }
  return kinds;
}

/**
 * The column's label with its unit when the label does not say it: "Spend (EUR)"; on paper ratios
 * show as percentages, so "CTR (%)", while a spreadsheet keeps the 0-1 ratio and the bare label.
 */
export function columnHeading(column: ReportColumn, currency: string, medium: 'csv' | 'paper' = 'paper'): string {
  const kind = numberKind(column);
  const percentShown = kind === 'percent' || ((kind === 'ratio' || kind === 'change') && medium === 'paper');
  const unit = kind === 'money' ? (column.unit && /^[A-Z]{3}$/.test(column.unit) ? column.unit : currency) : percentShown ? '%' : null;
  if (!isFigureColumn(column) || !unit || column.label.includes(unit)) return column.label;
  return `${column.label} (${unit})`;
}

/**
 * A figure as a spreadsheet reads it: no grouping, a dot for decimals, money to cents (unit money to
 * 4 places), ratios to 4 places (0.0342 for 3.42%), other numbers to at most 4 places without
 * trailing zeros.
 */
export function csvNumber(value: number, kind: NumberKind): string {
  if (!Number.isFinite(value)) return '';
  if (kind === 'money' || kind === 'unit_money') return fixed(value, kind === 'money' ? 2 : 4);
  if (kind === 'integer') return String(Math.round(value) + 0);
  return String(Math.round(value * 10_000) / 10_000 + 0);
}

/** A figure as people read it on paper: grouped thousands, money to cents, ratios as percentages. */
export function displayNumber(value: number, kind: NumberKind): string {
  if (!Number.isFinite(value)) return '–';
  const grouped = (digits: number, number: number) => groupThousands(fixed(number, digits));
  switch (kind) {
    case 'money':
      return grouped(2, value);
    case 'unit_money':
      return grouped(4, value);
    case 'ratio':
      return `${grouped(2, value * 100)}%`;
    case 'change':
      return `${value > 0 ? '+' : ''}${grouped(1, value * 100)}%`;
    case 'percent':
      return `${value > 0 ? '+' : ''}${grouped(1, value)}%`;
    case 'integer':
      return grouped(0, value);
    default:
      return Number.isInteger(value) ? grouped(0, value) : grouped(Math.abs(value) >= 100 ? 1 : 2, value);
  }
}

/** Rounded half away from zero at `digits` places, as people round -2.5 to -3; `+ 0` drops -0. */
function fixed(value: number, digits: number): string {
  const scale = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale) / scale + 0).toFixed(digits);
}

function groupThousands(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A cell of any column as shown in the PDF; `kind` is the column's (columnKinds), `grain` the report's time grain. */
export function displayCell(value: ReportCell | undefined, column: ReportColumn, kind: NumberKind = numberKind(column), grain: string | null = null): string {
  if (value === null || value === undefined || value === '') return isFigureColumn(column) ? '–' : '(none)';
  if (typeof value === 'number') return isFigureColumn(column) || column.type !== 'string' ? displayNumber(value, kind) : String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (column.role === 'period') return displayPeriod(value, grain);
  if (column.type === 'date') return displayDate(value);
  return value;
}

/** A period by its first day, as people name it: "Nov 2026", "Q4 2026", "Week of 2 Nov 2026", "3 Nov 2026 14:00". */
export function displayPeriod(value: string, grain: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return displayDate(value);
  if (grain === 'month') return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
  if (grain === 'quarter') return `Q${Math.ceil(Number(match[2]) / 3)} ${match[1]}`;
  if (grain === 'week') return `Week of ${displayDate(value)}`;
  return displayDate(value);
}

/** 2026-11-03 -> 3 Nov 2026; a local timestamp (2026-11-03T14:00:00+01:00) -> 3 Nov 2026 14:00; anything else as it is. */
export function displayDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}${match[4] ? ` ${match[4]}` : ''}`;
}

/** The date range in words: "1 Nov 2026 – 30 Nov 2026", or one day. */
export function displayDateRange(range: { from: string; to: string }): string {
  return range.from === range.to ? displayDate(range.from) : `${displayDate(range.from)} – ${displayDate(range.to)}`;
}
