/**
 * Text Postgres can store. A `text` or `jsonb` value may not hold the NUL character, and UTF-8 has
 * no encoding for half of a UTF-16 surrogate pair, so either one makes the database refuse the
 * write (or the audit row of a read). Inputs are checked for them before anything runs.
 */

// Without the `u` flag a regular expression sees UTF-16 code units, so a lone half is visible.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** What a lossy UTF-8 decoder leaves where it met bytes that are not UTF-8. */
export const REPLACEMENT_CHARACTER = '\ufffd';

export interface UnstorableCharacter {
  /** 1-based line of the text the character is on. */
  line: number;
  /** e.g. `a NUL character (U+0000)`. */
  what: string;
}

/** The first character of `text` the database cannot store, or null when there is none. */
export function findUnstorableCharacter(text: string): UnstorableCharacter | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const what = code === 0 ? 'a NUL character (U+0000)' : `half of a UTF-16 surrogate pair (U+${code.toString(16).toUpperCase()}) without its other half`;
  return { line: lineAt(text, match.index), what };
}

/** A person-readable reason for a field holding such a character; the line is named for multi-line text such as a file. */
export function unstorableMessage(text: string, found: UnstorableCharacter): string {
  const where = text.includes('\n') ? ` on line ${found.line}` : '';
  return `contains ${found.what}${where}, which cannot be stored; remove it or send the text as valid UTF-8`;
}

/** `text` with every unstorable character replaced by U+FFFD, for records of what was sent (the audit log). */
export function replaceUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, REPLACEMENT_CHARACTER);
}

/** 1-based line of the character at `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line++;
  return line;
}

/**
 * A file's text was not UTF-8 when it was read: a lossy decoder (Node's `readFileSync(path,
 * 'utf8')`, a browser upload) leaves U+FFFD where it met such bytes, so the original text is
 * already lost. Import files refuse it, with its line, instead of storing the damage.
 */
export function findEncodingDamage(text: string): { line: number } | null {
  const index = text.indexOf(REPLACEMENT_CHARACTER);
  return index === -1 ? null : { line: lineAt(text, index) };
}

export const NOT_UTF8_MESSAGE =
  'is not valid UTF-8 (it holds U+FFFD where bytes could not be read, as when a Latin-1 or Windows-1252 file is read as UTF-8); save it as UTF-8 and import it again';
