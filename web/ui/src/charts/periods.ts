export type Granularity = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

function days(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

function daysInMonth(day: string): number {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/**
 * Whether a period covers fewer days than its week or month: the range clips its first and last
 * periods (the current week is partial until Sunday), and a partial total must not read as a drop.
 */
export function isPartialPeriod(period: { start: string; end: string }, granularity: Granularity): boolean {
  if (granularity === 'day') return false;
  const length = days(period.start, period.end);
  return granularity === 'week' ? length < 7 : length < daysInMonth(period.start);
}

/** "3 of 7 days": how much of a partial period the figures cover. */
export function periodCoverage(period: { start: string; end: string }, granularity: Granularity): string {
  const whole = granularity === 'week' ? 7 : granularity === 'month' ? daysInMonth(period.start) : 1;
  return `${days(period.start, period.end)} of ${whole} days`;
}
