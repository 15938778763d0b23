import { todayIn } from '../../common/format.ts';

const DAY_MS = 86_400_000;

export interface Week {
  /** Monday, as a calendar day (UTC midnight). */
  start: Date;
  /** Sunday, inclusive. */
  end: Date;
}

/** The Monday-to-Sunday week holding a calendar day (a Date at UTC midnight). */
export function weekOf(day: Date): Week {
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const start = new Date(day.getTime() - sinceMonday * DAY_MS);
  return { start, end: new Date(start.getTime() + 6 * DAY_MS) };
}

/** The week before. */
export function previousWeek(week: Week): Week {
  return weekOf(new Date(week.start.getTime() - 7 * DAY_MS));
}

/**
 * The last complete week where the organisation is: the week before the one holding today in its
 * time zone. At 01:00 on a Monday in Auckland (still Sunday in UTC) that is the week just ended.
 */
export function lastCompleteWeek(timeZone: string, now: Date): Week {
  return previousWeek(weekOf(todayIn(timeZone, now)));
}
