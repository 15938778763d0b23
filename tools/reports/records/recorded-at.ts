import { zonedInstant } from '../../common/format.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Offsets in use run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

export interface RecordedAt {
  at: Date;
  /** The UTC offset the time was written with, in minutes; null when it had none (organisation's local time). */
  offsetMinutes: number | null;
}

/**
 * An ISO 8601 date-time: with `Z` or an offset it is that instant and the offset is kept; without
 * one it is the organisation's local time (a bare date is local midnight). Null when it is not one.
 */
export function parseRecordedAt(value: string, timeZone: string): RecordedAt | null {
  const text = value.trim();
  const dateOnly = DATE.exec(text);
  if (dateOnly) {
    const day = utcDay(dateOnly[1]!, dateOnly[2]!, dateOnly[3]!);
    return day === null ? null : { at: zonedInstant(day, timeZone), offsetMinutes: null };
  }
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const day = utcDay(match[1]!, match[2]!, match[3]!);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  const milliseconds = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
  const local = day + ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds;
  const zone = match[8];
  if (!zone) return { at: zonedInstant(local, timeZone), offsetMinutes: null };
  if (zone.toUpperCase() === 'Z') return { at: new Date(local), offsetMinutes: 0 };
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (minutes > 59) return null;
  const offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return null;
  return { at: new Date(local - offsetMinutes * 60_000), offsetMinutes: offsetMinutes + 0 };
}

export const RECORDED_AT_HINT = 'use ISO 8601, e.g. 2026-11-03T14:05:00+01:00 (without an offset it is the organisation\'s local time)';

/** UTC milliseconds of a valid calendar date in years 1900-2999, else null. */
function utcDay(year: string, month: string, day: string): number | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || y > 2999) return null;
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? time : null;
}
