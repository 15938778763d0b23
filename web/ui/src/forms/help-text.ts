import type { FieldSpec } from './schema-fields.ts';

/**
 * Schema descriptions are written for every caller (models, the CLI); a form says the same in a
 * marketer's words: no tool names or ids, no date syntax beside a date picker, "empty" for null.
 */
export function helpText(field: FieldSpec): string | undefined {
  if (!field.description || field.kind === 'record') return undefined;
  if (field.kind === 'enum' && field.options!.every((option) => field.description!.includes(option))) return undefined;
  const text = field.description
    .replace(/\s*\((?:YYYY-MM-DD)\)/g, '')
    .replace(/\s*\([^()]*\b[a-z]+_[a-z_]+\b[^()]*\)/g, '')
    .replace(/;?\s*null clears (?:it|them)\.?/gi, '. Empty it to clear it.')
    .replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, (name) => name.replaceAll('_', ' '))
    .replace(/\[((?:"[^"]*",?\s*)+)\]/g, (_list, items: string) => items.replaceAll('"', ''))
    .replace(/\.\./g, '.')
    .trim();
  return text || undefined;
}

/** A tool's description as a page subtitle: its first sentence without the parenthesised detail. */
export function pageSubtitle(description: string): string {
  const first = /^(.+?[.!?])(\s|$)/s.exec(description)?.[1] ?? description;
  return first.replace(/\s*\([^()]*\)/g, '').replace(/;[^.]*\./, '.').trim();
}
