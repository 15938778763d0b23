import { findEncodingDamage, findUnstorableCharacter, NOT_UTF8_MESSAGE } from '../common/storable-text.ts';

/** One data record of a CSV file, with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  records: CsvRecord[];
}

/** The file cannot be read as CSV at all (as opposed to one bad row). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Text that was not UTF-8, or that the database cannot store, is refused with its line before any row is read. */
function checkText(text: string): void {
  const damage = findEncodingDamage(text);
  if (damage) throw new CsvSyntaxError(damage.line, `the file ${NOT_UTF8_MESSAGE}`);
  const unstorable = findUnstorableCharacter(text);
  if (unstorable) throw new CsvSyntaxError(unstorable.line, `the line contains ${unstorable.what}, which cannot be stored; remove it`);
}

/**
 * RFC 4180 reading: comma separated, fields optionally double-quoted with `""` for a quote, quoted
 * fields may span lines, CRLF or LF line ends, a UTF-8 byte-order mark is ignored, and blank lines
 * are skipped. Line numbers are physical lines, so they match what a person sees in an editor.
 */
export function parseCsv(text: string): ParsedCsv {
  checkText(text);
  const records: CsvRecord[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[position] === '"') {
        position++;
        for (;;) {
          if (position >= text.length) throw new CsvSyntaxError(startLine, 'a quoted field is never closed (missing ")');
          const char = text[position]!;
          if (char === '"') {
            if (text[position + 1] === '"') {
              cell += '"';
              position += 2;
              continue;
            }
            position++;
            break;
          }
          if (char === '\n') line++;
          cell += char;
          position++;
        }
        const next = text[position];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'unexpected text after a closing quote (quotes inside a field must be doubled)');
        }
      }
      while (position < text.length && text[position] !== ',' && text[position] !== '\n' && text[position] !== '\r') {
        if (text[position] === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
        cell += text[position];
        position++;
      }
      cells.push(cell);
      cell = '';
      const separator = text[position];
      if (separator === ',') {
        position++;
        continue;
      }
      if (separator === '\r') position++;
      if (text[position] === '\n') position++;
      line++;
      endOfRecord = true;
    }
    if (cells.length === 1 && cells[0] === '') continue;
    records.push({ line: startLine, cells });
  }
  const [headerRecord, ...data] = records;
  if (!headerRecord) throw new CsvSyntaxError(1, 'the file is empty (expected a header row)');
  return { header: headerRecord.cells.map((name) => name.trim().toLowerCase()), records: data };
}
