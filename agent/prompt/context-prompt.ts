import type { QuestionPlace } from '../context/resolve-context.ts';
import type { Display, RecordType } from '../context/question-context.ts';
import type { DataEnvelope } from '../guardrails/data-envelope.ts';

/**
 * What each place does to an answer. Slack and the web chat both start from Markdown (the Slack
 * app converts it to mrkdwn and turns tables into code blocks and charts; the web chat shows the
 * text as written), so the advice is about length and shape; a terminal prints it raw.
 */
const FORMATTING: Record<Display, string> = {
  web: 'the web UI\'s chat. Write Markdown that reads well as plain text (the chat shows it as written): short paragraphs, "-" bullets, small pipe tables; no HTML.',
  slack: 'Slack. Keep it short: a few lines, "-" bullets, **bold** and [label](url) links (converted to Slack\'s mrkdwn); a table becomes a monospaced block with a chart, so keep tables to a few columns; no headings or nested lists.',
  terminal: 'a terminal (the crescendo command line). Write plain text: no Markdown emphasis, headings or [label](url) links (give the URL itself); tables as aligned columns under 100 characters wide.',
};

const RECORD_WORDS: Record<RecordType, string> = {
  campaign: 'this campaign', client: 'this client', vendor: 'this vendor', playlist: 'this playlist',
  company: 'this company', contact: 'this contact', deal: 'this deal', creator: 'this creator',
};

/**
 * The "# Where the question comes from" section of the session prompt: the surface and its
 * formatting, the Slack thread, the page, and the record the page shows. The record's name is
 * outside data (anyone who can name a campaign writes it), so it goes inside a data envelope, and
 * the page's path and title are quoted as JSON strings.
 */
export function contextSection(place: QuestionPlace, envelope: DataEnvelope): string {
  const lines = ['# Where the question comes from', `- The answer is read in ${FORMATTING[place.display]}`];
  if (place.slack) {
    const where = place.slack.channelId.startsWith('D') ? 'a direct message' : `channel ${place.slack.channelId}`;
    lines.push(`- Asked in Slack, in ${where}, thread ${place.slack.threadTs}: this conversation is that thread, and "this thread" or "above" mean its earlier messages.`);
  }
  if (place.page) {
    const title = place.page.title ? ` (${JSON.stringify(place.page.title)})` : '';
    lines.push(`- The person is on the page ${JSON.stringify(place.page.path)}${title}.`);
  }
  if (place.record) {
    const { type, id } = place.record;
    lines.push(
      `- The page shows the ${type} with id ${id}, described in the data below. "${RECORD_WORDS[type]}", "this one", "it" and "here" mean it: use this id without asking which ${type} (ask only if the question clearly names another).`,
      envelope.wrap('current_page', { type, id, name: place.record.name }),
    );
  }
  return lines.join('\n');
}
