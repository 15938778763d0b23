/**
 * What a Slack answer must not contain: Slack shows markdown tables, headings and [text](url) links
 * as raw characters. Returns the problems found (empty when the text suits Slack).
 */
export function slackFormatProblems(text: string): string[] {
  const problems: string[] = [];
  if (/^\s*\|.*\|\s*$/m.test(text) && /^\s*\|?\s*:?-{3,}/m.test(text)) problems.push('contains a markdown table');
  if (/^#{1,6}\s/m.test(text)) problems.push('contains a markdown heading');
  if (/\[[^\]]+\]\(https?:\/\/[^)]+\)/.test(text)) problems.push('contains a markdown link');
  return problems;
}
