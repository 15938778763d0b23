import type { FieldSpec } from './schema-fields.ts';

/** Tool and field names as words: `list_clients` -> "the clients list", `start_date` -> "start date". */
function plainNames(text: string): string {
  return text
    .replace(/\blist_([a-z_]+)\b/g, (_name, what: string) => `the ${what.replaceAll('_', ' ')} list`)
    .replace(/\bget_([a-z_]+)\b/g, (_name, what: string) => `the ${what.replaceAll('_', ' ')} page`)
    .replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (name) => name.replaceAll('_', ' '));
}

/**
 * Schema descriptions are written for every caller (models, the CLI); a form says the same in a
 * marketer's words: no tool names or ids, no date syntax beside a date picker, "empty" for null.
 */
export function helpText(field: FieldSpec): string | undefined {
  if (!field.description || field.kind === 'record') return undefined;
  if (field.kind === 'enum' && field.options!.every((option) => field.description!.includes(option))) return undefined;
  const text = plainNames(field.description
    .replace(/\s*\((?:YYYY-MM-DD)\)/g, '')
    .replace(/\s*\([^()]*\b[a-z]+_[a-z_]+\b[^()]*\)/g, '')
    .replace(/;?\s*null clears (?:it|them)\.?/gi, '. Empty it to clear it.'))
    .replace(/\[((?:"[^"]*",?\s*)+)\]/g, (_list, items: string) => items.replaceAll('"', ''))
    .replace(/\.\./g, '.')
    .trim();
  return text || undefined;
}

/** A tool's description as a page subtitle: its first sentence without the parenthesised detail. */
export function pageSubtitle(description: string): string {
  const first = /^(.+?[.!?])(\s|$)/s.exec(description)?.[1] ?? description;
  return plainNames(first.replace(/\s*\([^()]*\)/g, '').replace(/;[^.]*\./, '.').trim());
}
