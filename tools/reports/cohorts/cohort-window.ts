import { endOfDayIn, parseDay, startOfDayIn, todayIn } from '../../common/format.ts';
import { invalidInput } from '../../registry/errors.ts';

/** Default acquisition range: the current month and the 11 before it, whole months, so no month cohort starts part-way. */
const DEFAULT_MONTHS = 12;
/** Monthly cohorts shown at most at once: each is a row of up to 25 values the caller pays to read. */
export const MAX_ACQUISITION_MONTHS = 36;

/** The acquisition days asked for (UTC-midnight calendar dates) and the instants they span in the organisation's time zone. */
export interface CohortWindow {
  fromDay: Date;
  toDay: Date;
  fromInstant: Date;
  toInstant: Date;
  defaulted: boolean;
}

const monthsSpanned = (from: Date, to: Date) => (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;

export function resolveCohortWindow(input: { from?: string; to?: string; cohort_by: string }, timeZone: string, now: Date): CohortWindow {
  const today = todayIn(timeZone, now);
  const toDay = input.to ? parseDay(input.to, 'to') : today;
  const fromDay = input.from
    ? parseDay(input.from, 'from')
    : new Date(Date.UTC(toDay.getUTCFullYear(), toDay.getUTCMonth() - (DEFAULT_MONTHS - 1), 1));
  if (fromDay > toDay) throw invalidInput('to', `${input.to ?? 'today'} is before from (${input.from})`);
  if (input.cohort_by === 'acquisition_month' && monthsSpanned(fromDay, toDay) > MAX_ACQUISITION_MONTHS) {
    throw invalidInput('from', `at most ${MAX_ACQUISITION_MONTHS} acquisition months at a time; narrow from and to`);
  }
  return {
    fromDay,
    toDay,
    fromInstant: startOfDayIn(fromDay, timeZone),
    toInstant: endOfDayIn(toDay, timeZone),
    defaulted: !input.from || !input.to,
  };
}
