import { isoDay, parseDay, startOfDayIn, todayIn, zonedInstant } from '../../common/format.ts';
import { wallClockMs } from './periods.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { DateRangeInput, RangeUnit } from '../report-request.ts';

/** A report's time span: calendar days for display and day-dated rows, instants for timestamped ones. */
export interface ReportRange {
  /** First and last calendar day (UTC-midnight Dates standing for local days). */
  fromDay: Date;
  toDay: Date;
  /** First instant included and first instant after the range, in the organisation's time zone. */
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);
const addMonths = (day: Date, months: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));

/** The local day `day` as the range of instants it covers. */
function dayRange(fromDay: Date, toDay: Date, timeZone: string): ReportRange {
  return { fromDay, toDay, start: startOfDayIn(fromDay, timeZone), end: startOfDayIn(addDays(toDay, 1), timeZone) };
}

/** Monday of the ISO week `day` is in. */
export function weekStart(day: Date): Date {
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

export function monthStart(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
}

export function quarterStart(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1));
}

/**
 * {from, to} as given; {last: N, unit} ends today (or this hour) and starts N units back, the
 * current unit included: last 7 days = the 6 days before today and today; last 3 months = the
 * first of the month two months ago to today; weeks start on Monday.
 */
export function resolveRange(input: DateRangeInput, timeZone: string, now: Date): ReportRange {
  if ('from' in input) {
    const [fromDay, toDay] = [parseDay(input.from, 'date_range.from'), parseDay(input.to, 'date_range.to')];
    if (fromDay > toDay) throw invalidInput('date_range.to', `${input.to} is before from (${input.from})`);
    return dayRange(fromDay, toDay, timeZone);
  }
  const today = todayIn(timeZone, now);
  return lastUnits(input.last, input.unit, today, timeZone, now);
}

function lastUnits(count: number, unit: RangeUnit, today: Date, timeZone: string, now: Date): ReportRange {
  switch (unit) {
    case 'hour': {
      // Whole hours back from the end of the current local hour: absolute hours, so a DST change inside is counted right.
      const end = zonedInstant(Math.floor(wallClockMs(now, timeZone) / 3_600_000) * 3_600_000 + 3_600_000, timeZone);
      const start = new Date(end.getTime() - count * 3_600_000);
      return { fromDay: todayIn(timeZone, start), toDay: todayIn(timeZone, new Date(end.getTime() - 1)), start, end };
    }
    case 'day':
      return dayRange(addDays(today, -(count - 1)), today, timeZone);
    case 'week':
      return dayRange(addDays(weekStart(today), -7 * (count - 1)), today, timeZone);
    case 'month':
      return dayRange(addMonths(monthStart(today), -(count - 1)), today, timeZone);
    case 'quarter':
      return dayRange(addMonths(quarterStart(today), -3 * (count - 1)), today, timeZone);
    case 'year':
      return dayRange(new Date(Date.UTC(today.getUTCFullYear() - (count - 1), 0, 1)), today, timeZone);
  }
}

/**
 * The period just before, for compare_to: the same number of days ending the day before; for whole
 * calendar months (a {from, to} from a 1st to a month's last day, or last N months, quarters,
 * years) the same number of whole months before: October compares with September.
 */
export function previousRange(input: DateRangeInput, range: ReportRange, timeZone: string): ReportRange {
  if ('last' in input && input.unit !== 'day' && input.unit !== 'hour') {
    const months = input.unit === 'month' ? input.last : input.unit === 'quarter' ? 3 * input.last : input.unit === 'year' ? 12 * input.last : 0;
    const fromDay = months ? addMonths(range.fromDay, -months) : addDays(range.fromDay, -7 * input.last);
    return dayRange(fromDay, addDays(range.fromDay, -1), timeZone);
  }
  if ('last' in input && input.unit === 'hour') {
    const span = range.end.getTime() - range.start.getTime();
    const start = new Date(range.start.getTime() - span);
    return { fromDay: todayIn(timeZone, start), toDay: todayIn(timeZone, new Date(range.start.getTime() - 1)), start, end: range.start };
  }
  // Whole calendar months (October, or Q3) compare with the same number of whole months before (September).
  const afterTo = addDays(range.toDay, 1);
  if (range.fromDay.getUTCDate() === 1 && afterTo.getUTCDate() === 1) {
    const months = (afterTo.getUTCFullYear() - range.fromDay.getUTCFullYear()) * 12 + afterTo.getUTCMonth() - range.fromDay.getUTCMonth();
    return dayRange(addMonths(range.fromDay, -months), addDays(range.fromDay, -1), timeZone);
  }
  const days = Math.round((range.toDay.getTime() - range.fromDay.getTime()) / DAY_MS) + 1;
  return dayRange(addDays(range.fromDay, -days), addDays(range.fromDay, -1), timeZone);
}

export function describeRange(range: ReportRange): { from: string; to: string } {
  return { from: isoDay(range.fromDay), to: isoDay(range.toDay) };
}
