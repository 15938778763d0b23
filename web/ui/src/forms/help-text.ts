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
  // A date-and-time picker needs no ISO 8601 syntax beside it, as a date picker needs no YYYY-MM-DD.
  const described = field.kind === 'datetime' ? field.description.replace(/\s*\(ISO 8601[^()]*\)/g, '') : field.description;
  // A yes/no field's answers are Yes and No, not the API's true and false.
  const description = field.kind === 'choice' ? described.replace(/\btrue\b/g, 'Yes').replace(/\bfalse\b/g, 'No') : described;
  const text = plainNames(description
    .replace(/\s*\((?:YYYY-MM-DD)\)/g, '')
    .replace(/^YYYY-MM-DD[;.]\s*/, '')
    .replace(/\s*\([^()]*\b[a-z]+_[a-z_]+\b[^()]*\)/g, '')
    .replace(/;?\s*null clears (?:it|them)\.?/gi, '. Empty it to clear it.')
    // "null for nobody" is the API's way; an edit's empty field may also mean "leave it" (an owner it could not show).
    .replace(/;\s*null for [a-z]+\b/gi, '')
    .replace(/`([^`]+)`/g, '$1'))
    .replace(/\[((?:"[^"]*",?\s*)+)\]/g, (_list, items: string) => items.replaceAll('"', ''))
    .replace(/\.\./g, '.')
    .replace(/^[.;\s]+/, '')
    .trim();
  return text || undefined;
}

/** A tool's description as a page subtitle: its first sentence without the parenthesised detail. */
export function pageSubtitle(description: string): string {
  const first = /^(.+?[.!?])(\s|$)/s.exec(description)?.[1] ?? description;
  return plainNames(first.replace(/\s*\([^()]*\)/g, '').replace(/;[^.]*\./, '.').trim());
}
