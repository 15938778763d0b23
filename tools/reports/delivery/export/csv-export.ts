import type { ReportCell, ReportResult } from '../../report-result.ts';
import { columnHeading, columnKinds, csvNumber, isFigureColumn, type NumberKind } from './cell-format.ts';

/** Excel reads a UTF-8 file as UTF-8 (accents intact) only when it starts with this mark. */
const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';
/** A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The report as RFC 4180 CSV: a header of column labels (with their unit), one line per row, then
 * a totals line; CRLF line ends, UTF-8 with a byte order mark. Text that a spreadsheet would run as
 * a formula (dimension values come from outside data) is prefixed with an apostrophe.
 */
export function renderCsv(result: ReportResult): string {
  const kinds = columnKinds(result);
  const lines = [result.columns.map((column) => textField(columnHeading(column, result.currency, 'csv')))];
  for (const row of result.rows) lines.push(result.columns.map((column) => cellField(row[column.key], kinds.get(column.key) ?? 'number')));
  const totals = totalsLine(result, kinds);
  if (totals) lines.push(totals);
  return BYTE_ORDER_MARK + lines.map((fields) => fields.join(',')).join(LINE_END) + LINE_END;
}

/**
 * Totals under the figures, labelled in the first column that is not one; none when every column is
 * a figure (the one row is already the total).
 */
function totalsLine(result: ReportResult, kinds: Map<string, NumberKind>): string[] | null {
  const labelColumn = result.columns.find((column) => !isFigureColumn(column));
  if (!labelColumn) return null;
  return result.columns.map((column) => {
    if (column === labelColumn) return textField(totalLabel(result));
    if (!isFigureColumn(column)) return '';
    const value = result.totals[column.key];
    return value === null || value === undefined ? '' : csvNumber(value, kinds.get(column.key) ?? 'number');
  });
}

/** "Total", or "Total (all 1234 rows)" when the rows shown stop short of what the totals cover. */
export function totalLabel(result: ReportResult, formatCount: (count: number) => string = String): string {
  return result.total_rows > result.rows.length ? `Total (all ${formatCount(result.total_rows)} rows)` : 'Total';
}

/** `kind` is the column's when it holds figures, else 'number' (a numeric dimension value). */
function cellField(value: ReportCell | undefined, kind: NumberKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value, kind);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return textField(value);
}

function textField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
