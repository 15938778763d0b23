import { CsvSyntaxError, parseCsv, type ParsedCsv } from './csv-reader.ts';

/** About this many characters of a file are parsed between two yields to the event loop. */
const SLICE_CHARS = 64 * 1024;

/**
 * Parses a CSV file slice by slice, yielding to the event loop between slices, so a 200,000-row
 * import does not stall every other request while it is read. Slices end at a line break outside
 * quotes (an even number of `"` so far: doubled quotes keep the count even), so each slice is whole
 * records; each is parsed after the header with its line numbers moved back to the file's own.
 */
export async function parseCsvYielding(text: string, onSlice: (parsedRecords: number) => void = () => {}): Promise<ParsedCsv> {
  const headerEnd = recordBoundary(text, 0, 0);
  if (headerEnd < 0) return parseCsv(text);
  const headerText = text.slice(0, headerEnd);
  const headerLines = countLineBreaks(headerText) + 1;
  const parsed: ParsedCsv = { header: parseCsv(headerText).header, records: [] };
  let start = headerEnd + 1;
  let firstLine = headerLines + 1;
  while (start < text.length) {
    const boundary = recordBoundary(text, start, Math.min(text.length, start + SLICE_CHARS));
    const end = boundary < 0 ? text.length : boundary + 1;
    const slice = text.slice(start, end);
    const shift = firstLine - headerLines - 1;
    try {
      for (const record of parseCsv(`${headerText}\n${slice}`).records) parsed.records.push({ line: record.line + shift, cells: record.cells });
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new CsvSyntaxError(error.line + shift, error.message);
      throw error;
    }
    firstLine += countLineBreaks(slice);
    start = end;
    onSlice(parsed.records.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return parsed;
}

/** The first line break at or after `from` that is outside quotes, or -1; `start` begins a record (outside quotes). */
function recordBoundary(text: string, start: number, from: number): number {
  let quotes = 0;
  for (let index = start; index < from; index++) if (text.charCodeAt(index) === 34) quotes++;
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) quotes++;
    else if (code === 10 && quotes % 2 === 0) return index;
  }
  return -1;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) count++;
  return count;
}
