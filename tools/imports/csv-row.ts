import { zonedInstant } from '../common/format.ts';
import { isIsoCurrency, NOT_ISO_CURRENCY } from '../money/currency.ts';

/** One bad cell or row: the message names the column and says what was expected. */
export class RowError extends Error {}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_TEXT = 500;
/** Decimal(18,4) columns hold 14 digits before the point and 4 after. */
const MAX_INTEGER_DIGITS = 14;
const MAX_FRACTION_DIGITS = 4;

/**
 * Typed, validated access to one CSV record's cells. Each reader throws a `RowError` naming the
 * column and the expected form, which the importer reports with the file name and line number.
 */
export class CsvRow {
  constructor(
    readonly line: number,
    private readonly cells: ReadonlyMap<string, string>,
    private readonly timeZone: string,
  ) {}

  /** Trimmed text; empty cells are null for optional columns and an error for required ones. */
  text(column: string, options: { optional: true }): string | null;
  text(column: string, options?: { optional?: false }): string;
  text(column: string, options: { optional?: boolean } = {}): string | null {
    const value = (this.cells.get(column) ?? '').trim();
    if (!value) {
      if (options.optional) return null;
      throw new RowError(`${column} is empty`);
    }
    if (value.length > MAX_TEXT) throw new RowError(`${column} is longer than ${MAX_TEXT} characters`);
    return value;
  }

  /** A calendar date YYYY-MM-DD, as a Date at UTC midnight. */
  date(column: string): Date {
    const value = this.text(column);
    const match = DATE.exec(value);
    const date = match ? checkedDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    if (!date) throw new RowError(`${column} "${value}" is not a date (use YYYY-MM-DD)`);
    return new Date(date);
  }

  /**
   * An instant: ISO date-time with `Z` or an offset; without one it is the organisation's local
   * time, and a bare date means local midnight.
   */
  instant(column: string): Date {
    const value = this.text(column);
    const dateOnly = DATE.exec(value);
    if (dateOnly) {
      const day = checkedDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
      if (day !== null) return zonedInstant(day, this.timeZone);
    }
    const match = DATE_TIME.exec(value);
    const day = match ? checkedDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    const [hour, minute, second] = match ? [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)] : [99, 99, 99];
    if (!match || day === null || hour > 23 || minute > 59 || second > 59) {
      throw new RowError(`${column} "${value}" is not a date-time (use ISO 8601, e.g. 2026-11-03T14:05:00Z)`);
    }
    const milliseconds = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
    const local = day + ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds;
    const zone = match[8];
    if (!zone) return zonedInstant(local, this.timeZone);
    if (zone.toUpperCase() === 'Z') return new Date(local);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return new Date(local - sign * offsetMinutes * 60_000);
  }

  /** A money amount or other Decimal(18,4), kept as exact text. */
  decimal(column: string, options: { optional: true; min?: number }): string | null;
  decimal(column: string, options?: { optional?: false; min?: number }): string;
  decimal(column: string, options: { optional?: boolean; min?: number } = {}): string | null {
    const value = options.optional ? this.text(column, { optional: true }) : this.text(column);
    if (value === null) return null;
    if (!DECIMAL.test(value)) throw new RowError(`${column} "${value}" is not a number (digits with an optional "." for decimals)`);
    const [whole = '', fraction = ''] = value.replace(/^[+-]/, '').split('.');
    if (whole.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) throw new RowError(`${column} "${value}" is too large`);
    if (fraction.length > MAX_FRACTION_DIGITS) throw new RowError(`${column} "${value}" has more than ${MAX_FRACTION_DIGITS} decimal places`);
    if (options.min !== undefined && Number(value) < options.min) throw new RowError(`${column} "${value}" must be at least ${options.min}`);
    return value.replace(/^\+/, '');
  }

  /** A whole number within the 32-bit range the tables use. */
  integer(column: string, options: { min?: number } = {}): number {
    const value = this.text(column);
    if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2_147_483_647) throw new RowError(`${column} "${value}" is not a whole number`);
    const number = Number(value);
    if (options.min !== undefined && number < options.min) throw new RowError(`${column} "${value}" must be at least ${options.min}`);
    return number;
  }

  /** An ISO 4217 code such as USD (a made-up code could never be converted); `fallback` when the column is absent or empty. */
  currency(column: string, fallback?: string): string {
    const value = fallback === undefined ? this.text(column) : (this.text(column, { optional: true }) ?? fallback);
    const code = value.toUpperCase();
    if (!CURRENCY.test(code) || !isIsoCurrency(code)) throw new RowError(`${column} "${value}" ${NOT_ISO_CURRENCY}`);
    return code;
  }

  /** Every column of the record with its raw cell, in header order (for kinds that keep any column). */
  cellsByColumn(): ReadonlyMap<string, string> {
    return this.cells;
  }

  has(column: string): boolean {
    return (this.cells.get(column) ?? '').trim() !== '';
  }
}

/** UTC milliseconds of a valid calendar date in years 1900-2999, else null. */
function checkedDate(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 2999) return null;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}
