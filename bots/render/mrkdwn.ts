import { escapeMrkdwn } from './slack-limits.ts';

/**
 * The agent writes Markdown; Slack reads mrkdwn. Converts what answers use: bold, headings,
 * links, bullets, strikethrough; code spans and fences are kept (escaped only). Tables are
 * handled before this (see markdown-tables.ts).
 */
export function markdownToMrkdwn(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]+`)/g)
    .map((part, index) => (index % 2 === 1 ? escapeMrkdwn(part) : convertProse(part)))
    .join('');
}

function convertProse(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_match, label: string, url: string) => `<${url}|${label}>`)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/__([^_\n]+)__/g, '*$1*')
    .replace(/~~([^~\n]+)~~/g, '~$1~')
    .replace(/^#{1,6}\s+(.+?)\s*#*$/gm, '*$1*')
    .replace(/^(\s*)[-*+]\s+/gm, '$1• ');
}
