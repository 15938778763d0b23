import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes fields with a comma, quote or line break and doubles the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Foo, Bar')).toBe('"Foo, Bar"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes empty cells for null, a header row and CRLF line ends', () => {
    const content = toCsv([{ header: 'Name', value: (row: { name: string; n: number | null }) => row.name }, { header: 'N', value: (row) => row.n }], [
      { name: 'a', n: 1 },
      { name: 'b', n: null },
    ]);
    expect(content).toBe('Name,N\r\na,1\r\nb,\r\n');
  });
});
