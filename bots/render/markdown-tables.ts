/** A table found in text: a header row and body rows of cells. */
export interface TextTable {
  columns: string[];
  rows: string[][];
}

export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'table'; table: TextTable };

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const SEPARATOR_LINE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits Markdown into prose and pipe tables (a header row, a `---` separator row, body rows). */
export function splitMarkdownTables(markdown: string): AnswerSegment[] {
  const lines = markdown.split('\n');
  const segments: AnswerSegment[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    const text = prose.join('\n').trim();
    if (text) segments.push({ kind: 'text', text });
    prose = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    if (TABLE_LINE.test(line) && next !== undefined && SEPARATOR_LINE.test(next)) {
      const body: string[][] = [];
      let end = index + 2;
      while (end < lines.length && TABLE_LINE.test(lines[end]!)) body.push(cells(lines[end++]!));
      flushProse();
      segments.push({ kind: 'table', table: { columns: cells(line), rows: body } });
      index = end - 1;
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return segments;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim().replace(/\*\*/g, ''));
}
