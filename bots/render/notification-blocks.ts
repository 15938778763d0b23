import type { NotificationMessage } from '../../jobs/notifier.ts';
import type { KnownBlock } from '../bolt.ts';
import type { RenderedMessage } from './answer-blocks.ts';
import { capBlocks, context, escapeMrkdwn, header, section, sections, SLACK_LIMITS, truncate } from './slack-limits.ts';
import { tableCodeBlock } from './table-text.ts';

/**
 * A digest or alert as Block Kit: title as header, the summary, each section as a bulleted list,
 * two-column tables of up to ten rows as fields (label: value) and wider ones as code blocks,
 * the link as a context line. Charts are returned for upload as images.
 */
export function renderNotification(message: NotificationMessage): RenderedMessage {
  const blocks: KnownBlock[] = [header(message.title), ...sections(escapeMrkdwn(message.summary))];
  for (const part of message.sections) {
    blocks.push({ type: 'divider' });
    blocks.push(...sections(`*${escapeMrkdwn(part.heading)}*\n${part.lines.map((line) => `• ${escapeMrkdwn(line)}`).join('\n')}`));
  }
  for (const table of message.tables ?? []) {
    blocks.push({ type: 'divider' });
    if (table.columns.length === 2 && table.rows.length <= SLACK_LIMITS.fieldsPerSection) {
      blocks.push(section(`*${escapeMrkdwn(table.heading)}*`));
      blocks.push({
        type: 'section',
        fields: table.rows.map((row) => ({ type: 'mrkdwn' as const, text: truncate(`*${escapeMrkdwn(String(row[0] ?? '–'))}*\n${escapeMrkdwn(String(row[1] ?? '–'))}`, SLACK_LIMITS.fieldText) })),
      });
    } else {
      blocks.push(section(`*${escapeMrkdwn(table.heading)}*\n${tableCodeBlock(table.columns, table.rows, { maxChars: SLACK_LIMITS.sectionText - table.heading.length - 4 })}`));
    }
  }
  if (message.link) blocks.push(context(`<${message.link}|Open in Crescendo>`));
  return { text: truncate(`${message.title}: ${message.summary}`, SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks), charts: message.charts ?? [] };
}
