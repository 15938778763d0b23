import type { Platform } from '../writing/platforms.ts';

/**
 * What best_posting_times assumes before an organisation has its own history: the windows that
 * published "best time to post" studies (Sprout Social, Hootsuite, Later; audience local time)
 * broadly agree on per platform. They are a starting point, not a measurement: each slot is a
 * multiplier of average engagement, 1.25 inside a window, 0.6 overnight (00:00-05:59), 1 otherwise,
 * and the organisation's own posts pull every slot toward what it measured (see posting-time-estimate.ts).
 */
export interface DefaultWindow {
  /** 0 = Sunday ... 6 = Saturday. */
  weekdays: readonly number[];
  /** Hours of the day the window covers, start inclusive, end exclusive (local time). */
  fromHour: number;
  toHour: number;
}

export const IN_WINDOW = 1.25;
export const OVERNIGHT = 0.6;
export const ORDINARY = 1;
const OVERNIGHT_UNTIL_HOUR = 6;

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const;

export const DEFAULT_WINDOWS: Record<Platform, readonly DefaultWindow[]> = {
  // Late morning and early evening on weekdays.
  instagram: [
    { weekdays: WEEKDAYS, fromHour: 11, toHour: 14 },
    { weekdays: WEEKDAYS, fromHour: 18, toHour: 21 },
  ],
  // Mid-afternoon midweek, and evenings every day.
  tiktok: [
    { weekdays: [2, 3, 4], fromHour: 14, toHour: 18 },
    { weekdays: EVERY_DAY, fromHour: 19, toHour: 23 },
  ],
  // Weekday mornings to early afternoon.
  facebook: [{ weekdays: WEEKDAYS, fromHour: 9, toHour: 14 }],
  // Weekday mornings.
  x: [{ weekdays: WEEKDAYS, fromHour: 8, toHour: 12 }],
  // Evenings, Friday to Sunday.
  pinterest: [{ weekdays: [5, 6, 0], fromHour: 19, toHour: 23 }],
  // Thursday to Sunday afternoons (published a few hours before evening viewing).
  youtube: [{ weekdays: [4, 5, 6, 0], fromHour: 12, toHour: 17 }],
  // Evenings every day.
  snapchat: [{ weekdays: EVERY_DAY, fromHour: 19, toHour: 24 }],
};

/** The assumed engagement multiplier of posting on `weekday` at `hour` (local time). */
export function defaultSlotScore(platform: Platform, weekday: number, hour: number): number {
  if (DEFAULT_WINDOWS[platform].some((window) => window.weekdays.includes(weekday) && hour >= window.fromHour && hour < window.toHour)) return IN_WINDOW;
  return hour < OVERNIGHT_UNTIL_HOUR ? OVERNIGHT : ORDINARY;
}
