import { SLACK_LIMITS } from './slack-limits.ts';

type Cell = string | number | null;

const NUMERIC = /^[-+]?[$€£]?\s?[\d,]+(\.\d+)?\s?(%|[A-Z]{3})?$/;

/**
 * A table as a monospaced code block, numbers right-aligned, cut to fit one section (rows past
 * the limit are counted in a last line). Columns wider than `maxColumn` are truncated.
 */
export function tableCodeBlock(columns: string[], rows: Cell[][], options: { maxColumn?: number; maxChars?: number } = {}): string {
  const maxColumn = options.maxColumn ?? 32;
  const maxChars = (options.maxChars ?? SLACK_LIMITS.sectionText) - 8; // the fences and newlines
  const text = (cell: Cell) => {
    const value = cell === null || cell === undefined ? '–' : typeof cell === 'number' ? cell.toLocaleString('en', { maximumFractionDigits: 2 }) : cell;
    return value.length > maxColumn ? `${value.slice(0, maxColumn - 1)}…` : value;
  };
  const body = rows.map((row) => columns.map((_, column) => text(row[column] ?? null)));
  const head = columns.map((column) => text(column));
  const widths = head.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column]!.length)));
  const numeric = widths.map((_, column) => body.length > 0 && body.every((row) => row[column] === '–' || NUMERIC.test(row[column]!)));
  const format = (row: string[]) => row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const lines = [format(head), widths.map((width) => '-'.repeat(width)).join('  ')];
  let used = lines.join('\n').length;
  let shown = 0;
  for (const row of body) {
    const line = format(row);
    if (used + line.length + 40 > maxChars) break;
    lines.push(line);
    used += line.length + 1;
    shown += 1;
  }
  if (shown < body.length) lines.push(`… ${body.length - shown} more rows`);
  return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}
