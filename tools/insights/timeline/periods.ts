import { isoDay, parseDay, todayIn } from '../../common/format.ts';
import { invalidInput } from '../../registry/errors.ts';
import { weekOf } from '../../spend/weekly/week-range.ts';
import type { DayRange } from '../series/by-day.ts';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const DEFAULT_DAYS = 90;
/** Two years, leap day included: enough for year-over-year charts, small enough to answer quickly. */
export const MAX_DAYS = 731;

const DAY_MS = 86_400_000;
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/**
 * The range asked for: `to` defaults to yesterday in the organisation's time zone (today is not
 * over yet), `from` to the DEFAULT_DAYS days ending at `to`.
 */
export function resolveRange(input: { from?: string; to?: string }, timeZone: string, now: Date): DayRange {
  const to = input.to ? parseDay(input.to, 'to') : addDays(todayIn(timeZone, now), -1);
  const from = input.from ? parseDay(input.from, 'from') : addDays(to, 1 - DEFAULT_DAYS);
  if (from > to) throw invalidInput('from', `${isoDay(from)} is after to (${isoDay(to)})`);
  const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
  if (days > MAX_DAYS) throw invalidInput('from', `${isoDay(from)}..${isoDay(to)} spans ${days} days; at most ${MAX_DAYS} (use a later from or an earlier to)`);
  return { from, to };
}

/** The periods covering the range, oldest first: Monday-Sunday weeks or calendar months, the first and last clipped to it. */
export function periodsOf(range: DayRange, granularity: Granularity): DayRange[] {
  const periods: DayRange[] = [];
  for (let from = range.from; from <= range.to; ) {
    const natural = periodEnd(from, granularity);
    const to = natural < range.to ? natural : range.to;
    periods.push({ from, to });
    from = addDays(to, 1);
  }
  return periods;
}

/** Every calendar day of a range, as YYYY-MM-DD. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(isoDay(day));
  return days;
}

function periodEnd(day: Date, granularity: Granularity): Date {
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return weekOf(day).end;
    case 'month':
      return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  }
}
