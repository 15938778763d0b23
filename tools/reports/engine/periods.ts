import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay, startOfDayIn } from '../../common/format.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { TimeGrain } from '../report-request.ts';
import { monthStart, quarterStart, weekStart, type ReportRange } from './report-range.ts';

/** Most periods one report may have (a year of hours is 8,760). */
export const MAX_PERIODS = 10_000;

const SUB_DAY_STEP_MS: Partial<Record<TimeGrain, number>> = { quarter_hour: 900_000, hour: 3_600_000 };

export const isSubDay = (grain: TimeGrain): boolean => grain in SUB_DAY_STEP_MS;

/** The wall-clock time at `at` in `timeZone`, written as if it were UTC (ms). */
export function wallClockMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/**
 * SQL giving a row's period: the date of the period's first local day for day and longer grains
 * (weeks start on Monday); for sub-day grains the bucket's start instant, buckets counted from the
 * range's first local midnight, so hours stay local hours in zones with half-hour offsets and a
 * DST day has 23 or 25 of them. Typed values, not text: formatting a million keys in SQL costs
 * more than the grouping. `instant` is a timestamptz expression; `day` a date expression for rows
 * dated by day (they fall in the day's first bucket). periodKey turns a value into its key.
 */
export function periodSql(grain: TimeGrain, timeZone: string, range: ReportRange, at: { instant: Prisma.Sql } | { day: Prisma.Sql }): Prisma.Sql {
  const step = SUB_DAY_STEP_MS[grain];
  if (step) {
    const instant = 'instant' in at ? at.instant : Prisma.sql`(${at.day}::timestamp AT TIME ZONE ${timeZone})`;
    return Prisma.sql`date_bin(${`${step / 60_000} minutes`}::interval, ${instant}, ${range.start.toISOString()}::timestamptz)`;
  }
  if ('day' in at && grain === 'day') return Prisma.sql`${at.day}::date`;
  const local = 'instant' in at ? Prisma.sql`(${at.instant} AT TIME ZONE ${timeZone})` : Prisma.sql`${at.day}::timestamp`;
  return Prisma.sql`(date_trunc(${grain}, ${local}))::date`;
}

/** The key of a period value periodSql gave (a Date from the driver, or its text on some paths). */
export function periodKey(grain: TimeGrain, value: unknown): string {
  const date = value instanceof Date ? value : new Date(isSubDay(grain) ? String(value) : `${String(value).slice(0, 10)}T00:00:00Z`);
  return isSubDay(grain) ? date.toISOString().replace('.000Z', 'Z') : isoDay(date);
}

/** Every period key of the range, in order (the same keys periodSql gives). */
export function enumeratePeriods(grain: TimeGrain, range: ReportRange): string[] {
  const step = SUB_DAY_STEP_MS[grain];
  const keys: string[] = [];
  if (step) {
    for (let at = range.start.getTime(); at < range.end.getTime(); at += step) {
      keys.push(new Date(at).toISOString().replace('.000Z', 'Z'));
      if (keys.length > MAX_PERIODS) break;
    }
  } else {
    const first = grain === 'week' ? weekStart(range.fromDay) : grain === 'month' ? monthStart(range.fromDay) : grain === 'quarter' ? quarterStart(range.fromDay) : range.fromDay;
    for (let day = first; day <= range.toDay; day = nextPeriod(grain, day)) {
      keys.push(isoDay(day));
      if (keys.length > MAX_PERIODS) break;
    }
  }
  if (keys.length > MAX_PERIODS) {
    throw invalidInput('time_grain', `${grain} over this date range gives more than ${MAX_PERIODS.toLocaleString('en-US')} periods; use a longer grain or a shorter range`);
  }
  return keys;
}

export function nextPeriod(grain: TimeGrain, day: Date): Date {
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  switch (grain) {
    case 'week': return new Date(Date.UTC(year, month, date + 7));
    case 'month': return new Date(Date.UTC(year, month + 1, 1));
    case 'quarter': return new Date(Date.UTC(year, month + 3, 1));
    default: return new Date(Date.UTC(year, month, date + 1));
  }
}

/**
 * How a period is shown: YYYY-MM-DD for day and longer grains; for sub-day grains the local time
 * with its offset (2026-11-01T01:00:00-04:00 and 2026-11-01T01:00:00-05:00 are two hours).
 */
export function periodLabel(grain: TimeGrain, key: string, timeZone: string): string {
  if (!isSubDay(grain)) return key;
  const at = new Date(key);
  const local = wallClockMs(at, timeZone);
  const offsetMinutes = Math.round((local - at.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const [hours, minutes] = [Math.floor(Math.abs(offsetMinutes) / 60), Math.abs(offsetMinutes) % 60];
  return `${new Date(local).toISOString().slice(0, 19)}${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The instants a period key covers, and where the period before it starts. */
export function periodBounds(grain: TimeGrain, key: string, timeZone: string): { start: Date; end: Date; previousStart: Date } {
  const step = SUB_DAY_STEP_MS[grain];
  if (step) {
    const start = new Date(key);
    return { start, end: new Date(start.getTime() + step), previousStart: new Date(start.getTime() - step) };
  }
  const day = new Date(`${key}T00:00:00Z`);
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  const previous = grain === 'week' ? Date.UTC(year, month, date - 7) : grain === 'month' ? Date.UTC(year, month - 1, 1) : grain === 'quarter' ? Date.UTC(year, month - 3, 1) : Date.UTC(year, month, date - 1);
  return { start: startOfDayIn(day, timeZone), end: startOfDayIn(nextPeriod(grain, day), timeZone), previousStart: startOfDayIn(new Date(previous), timeZone) };
}
