import { readFileSync } from 'node:fs';

/** The README glossary, shared by the MCP resource crescendo://glossary and the agent prompt: read once, so neither drifts from the docs. */
const README = new URL('../README.md', import.meta.url);

let cached: string | undefined;

/** The README's "## Glossary" section up to the next level-2 heading, as markdown. */
export function glossaryMarkdown(): string {
  cached ??= extractSection(readFileSync(README, 'utf8'), 'Glossary');
  return cached;
}

export function extractSection(markdown: string, title: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return `${lines.slice(start, end < 0 ? undefined : end).join('\n').trim()}\n`;
}
