import type { KnownBlock } from '../bolt.ts';
import type { ChartSpec } from '../charts/render-chart.ts';
import { splitMarkdownTables, type TextTable } from './markdown-tables.ts';
import { markdownToMrkdwn } from './mrkdwn.ts';
import { capBlocks, section, sections, SLACK_LIMITS, truncate } from './slack-limits.ts';
import { tableCodeBlock } from './table-text.ts';

/** A message ready for chat.postMessage, plus charts to upload beside it. */
export interface RenderedMessage {
  /** The notification and accessibility text. */
  text: string;
  blocks: KnownBlock[];
  charts: ChartSpec[];
}

/** A table earns a chart when it compares one figure across at least this many labelled rows. */
const CHART_MIN_ROWS = 3;
const CHART_MAX_ROWS = 31;

/**
 * The agent's answer as Block Kit: prose in sections (mrkdwn, split at Slack's 3000 characters),
 * each table as an aligned code block, and a bar chart for a table that compares one figure
 * across labelled rows (3 to 31 of them), since a chart reads faster than the numbers there.
 */
export function renderAnswer(markdown: string): RenderedMessage {
  const blocks: KnownBlock[] = [];
  const charts: ChartSpec[] = [];
  for (const segment of splitMarkdownTables(markdown)) {
    if (segment.kind === 'text') {
      blocks.push(...sections(markdownToMrkdwn(segment.text)));
      continue;
    }
    blocks.push(section(tableCodeBlock(segment.table.columns, segment.table.rows)));
    const chart = chartOfTable(segment.table);
    if (chart) charts.push(chart);
  }
  if (blocks.length === 0) blocks.push(section('_(no answer text)_'));
  return { text: truncate(markdown.trim() || 'Answer', SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks), charts };
}

/** The first numeric column against the first column's labels, when the table is chartable. */
export function chartOfTable(table: TextTable): ChartSpec | null {
  if (table.rows.length < CHART_MIN_ROWS || table.rows.length > CHART_MAX_ROWS || table.columns.length < 2) return null;
  for (let column = 1; column < table.columns.length; column++) {
    const values = table.rows.map((row) => parseFigure(row[column] ?? ''));
    if (values.every((value): value is number => value !== null)) {
      return { title: `${table.columns[column]} by ${table.columns[0]}`, kind: 'bar', labels: table.rows.map((row) => row[0] ?? ''), series: [{ name: table.columns[column]!, values }] };
    }
  }
  return null;
}

/** "1,234.5", "$1,234", "12%", "1 234 USD" -> a number; anything else -> null. */
function parseFigure(cell: string): number | null {
  const cleaned = cell.replace(/[,\s$€£%]|[A-Z]{3}$/g, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
