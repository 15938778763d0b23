import type { ToolCatalogue } from '../../tools/registry/catalogue.ts';
import { answersQuestions } from '../../tools/registry/define-tool.ts';

/** Verbs a read tool's title may start with that "Looking up" already says. */
const LOOKUP_VERBS = /^(get|list|show|find)\s+/i;

/**
 * What the agent is doing while a tool runs, in words from the tool's own title: a read tool
 * "Looking up vendor performance…", a write "Working on: Pay a vendor…". Unknown names (a tool
 * the catalogue no longer has) still say something true.
 */
export function toolActivity(catalogue: ToolCatalogue, toolName: string): string {
  const tool = catalogue.get(toolName);
  if (!tool) return 'Working on it…';
  if (!answersQuestions(tool)) return `Working on: ${tool.title}…`;
  const subject = tool.title.replace(LOOKUP_VERBS, '');
  return `Looking up ${lowerFirstWord(subject)}…`;
}

/** "Vendor performance" -> "vendor performance", but "ROAS summary" keeps its acronym. */
function lowerFirstWord(text: string): string {
  const [first = '', ...rest] = text.split(' ');
  const lowered = first.length > 1 && first === first.toUpperCase() ? first : first.charAt(0).toLowerCase() + first.slice(1);
  return [lowered, ...rest].join(' ');
}
