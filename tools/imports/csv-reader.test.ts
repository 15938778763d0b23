import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv-reader.ts';
import { CsvRow, RowError } from './csv-row.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and blank lines, with physical line numbers', () => {
    const text = '\uFEFFCustomer_ID,Note\r\n"c-1","He said ""hi"", twice"\r\n\r\nc-2,"two\nlines"\nc-3,\n';
    expect(parseCsv(text)).toEqual({
      header: ['customer_id', 'note'],
      records: [
        { line: 2, cells: ['c-1', 'He said "hi", twice'] },
        { line: 4, cells: ['c-2', 'two\nlines'] },
        { line: 6, cells: ['c-3', ''] },
      ],
    });
  });

  it('reads a last line without a line break', () => {
    expect(parseCsv('a,b\n1,2').records).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('names the line of broken quoting', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed (missing ")'));
    expect(() => parseCsv('a,b\n1,2\n3,x"y\n')).toThrowError(/quote inside an unquoted field/);
    try {
      parseCsv('a,b\n1,2\n3,x"y\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv('')).toThrowError(/empty/);
  });
});

describe('CsvRow', () => {
  const row = (cells: Record<string, string>, timeZone = 'UTC') => new CsvRow(2, new Map(Object.entries(cells)), timeZone);

  it('reads instants with Z, offsets, local times and bare dates in the organisation time zone', () => {
    expect(row({ t: '2026-10-01T09:15:00Z' }).instant('t').toISOString()).toBe('2026-10-01T09:15:00.000Z');
    expect(row({ t: '2026-10-01T09:15:00+02:00' }).instant('t').toISOString()).toBe('2026-10-01T07:15:00.000Z');
    expect(row({ t: '2026-10-01 09:15' }, 'America/New_York').instant('t').toISOString()).toBe('2026-10-01T13:15:00.000Z');
    expect(row({ t: '2026-01-15' }, 'Europe/Berlin').instant('t').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(row({ t: '2026-10-01T09:15:00.250Z' }).instant('t').toISOString()).toBe('2026-10-01T09:15:00.250Z');
  });

  it('says which column is wrong and what it expects', () => {
    expect(() => row({ t: '2026-02-30' }).instant('t')).toThrow(new RowError('t "2026-02-30" is not a date-time (use ISO 8601, e.g. 2026-11-03T14:05:00Z)'));
    expect(() => row({ d: '01/10/2026' }).date('d')).toThrow(new RowError('d "01/10/2026" is not a date (use YYYY-MM-DD)'));
    expect(() => row({ amount: '12,50' }).decimal('amount')).toThrowError(/amount "12,50" is not a number/);
    expect(() => row({ amount: '1.23456' }).decimal('amount')).toThrowError(/more than 4 decimal places/);
    expect(() => row({ amount: '-3' }).decimal('amount', { min: 0 })).toThrowError(/must be at least 0/);
    expect(() => row({ currency: 'dollars' }).currency('currency')).toThrowError(/not an ISO 4217 currency code/);
    expect(() => row({ name: '  ' }).text('name')).toThrow(new RowError('name is empty'));
    expect(() => row({ n: '1.5' }).integer('n')).toThrowError(/not a whole number/);
  });

  it('normalises what it accepts', () => {
    expect(row({ amount: '+0012.5' }).decimal('amount')).toBe('0012.5');
    expect(row({ currency: 'eur' }).currency('currency')).toBe('EUR');
    expect(row({ currency: '' }).currency('currency', 'USD')).toBe('USD');
    expect(row({ cost: '' }).decimal('cost', { optional: true })).toBeNull();
  });
});
