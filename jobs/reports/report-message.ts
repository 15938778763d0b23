import type { EmailMessage } from '../../tools/common/email/index.ts';
import type { ReportColumn, ReportResult } from '../../tools/reports/report-result.ts';
import { columnHeading, displayNumber, isFigureColumn, numberKind } from '../../tools/reports/delivery/export/cell-format.ts';
import type { NotificationMessage } from '../notifier.ts';

/** Rows shown in Slack and the email body; the attached file has them all. */
const TOP_ROWS = 10;

export interface ReportDigest {
  reportName: string;
  /** The cadence in words ("every Monday at 09:00 (Europe/Paris)"). */
  cadence: string;
  result: ReportResult;
  /** The attached file's name, when the format attaches one. */
  filename: string | null;
}

/** "1–7 Dec 2026" style range text: the resolved dates as they are, from and to. */
const rangeText = (result: ReportResult) => (result.date_range.from === result.date_range.to ? result.date_range.from : `${result.date_range.from} to ${result.date_range.to}`);

function cellText(column: ReportColumn, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number' && isFigureColumn(column)) return displayNumber(value, numberKind(column));
  return String(value);
}

/** Each metric's total over every row, as "Spend (EUR): 1,234.50". */
export function totalLines(result: ReportResult): string[] {
  return result.columns
    .filter((column) => column.role === 'metric' && result.totals[column.key] !== undefined)
    .map((column) => `${columnHeading(column, result.currency)}: ${cellText(column, result.totals[column.key])}`);
}

function topTable(result: ReportResult) {
  return {
    columns: result.columns.map((column) => columnHeading(column, result.currency)),
    rows: result.rows.slice(0, TOP_ROWS).map((row) => result.columns.map((column) => cellText(column, row[column.key]))),
  };
}

function summaryOf(digest: ReportDigest): string {
  const { result } = digest;
  const rows = result.total_rows === 1 ? '1 row' : `${result.total_rows} rows`;
  const shown = result.total_rows > TOP_ROWS ? `, the top ${TOP_ROWS} below` : '';
  const file = digest.filename ? `; all of it in ${digest.filename}` : '';
  return `${rangeText(result)} (${result.time_zone}): ${rows}${shown}${file}. Delivered ${digest.cadence}.`;
}

/** The Slack message: name, range, totals and the top rows. */
export function reportNotification(digest: ReportDigest): NotificationMessage {
  const totals = totalLines(digest.result);
  const table = topTable(digest.result);
  return {
    title: digest.reportName,
    summary: summaryOf(digest),
    sections: totals.length ? [{ heading: 'Totals', lines: totals }] : [],
    ...(table.rows.length ? { tables: [{ heading: digest.result.total_rows > TOP_ROWS ? `Top ${TOP_ROWS} rows` : 'Rows', columns: table.columns, rows: table.rows }] } : {}),
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The email: the same summary, totals and top rows, as text and as a small HTML table. */
export function reportEmail(digest: ReportDigest, to: readonly string[]): Omit<EmailMessage, 'attachments'> {
  const summary = summaryOf(digest);
  const totals = totalLines(digest.result);
  const table = topTable(digest.result);
  const widths = table.columns.map((heading, index) => Math.max(heading.length, ...table.rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  const text = [
    digest.reportName,
    '',
    summary,
    ...(totals.length ? ['', 'Totals', ...totals.map((total) => `  ${total}`)] : []),
    ...(table.rows.length ? ['', line(table.columns), ...table.rows.map(line)] : []),
    '',
    '— Crescendo',
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(digest.reportName)}</h2>`,
    `<p>${escapeHtml(summary)}</p>`,
    ...(totals.length ? [`<ul>${totals.map((total) => `<li>${escapeHtml(total)}</li>`).join('')}</ul>`] : []),
    ...(table.rows.length
      ? [`<table cellpadding="4" style="border-collapse:collapse"><tr>${table.columns.map((heading) => `<th align="left">${escapeHtml(heading)}</th>`).join('')}</tr>${table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</table>`]
      : []),
  ].join('\n');
  return { to, subject: `${digest.reportName}: ${rangeText(digest.result)}`, text, html };
}
