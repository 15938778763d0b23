import { z } from 'zod';
import { invalidInput } from '../registry/errors.ts';

/**
 * Output conventions for every tool: figures are computed at full precision and rounded
 * only here, on the way out (money to cents, rates to 4 places, streams to whole numbers).
 */
// `+ 0` turns the -0 that rounding a tiny negative float gives into 0.
export const money = (value: number): number => Math.round(value * 100) / 100 + 0;
export const moneyOrNull = (value: number | null): number | null => (value === null ? null : money(value));
export const rate = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000 + 0);
export const score = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10 + 0);

/** An ISO calendar date input, e.g. 2026-11-20 (years 1900-2999: anything else is a typo). */
export const isoDate = z.iso.date().refine((value) => value >= '1900-01-01' && value < '3000-01-01', 'use a year between 1900 and 2999');

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD into a Date at UTC midnight. */
export function parseDay(value: string, field = 'date'): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw invalidInput(field, `"${value}" is not a date (use YYYY-MM-DD)`);
  return date;
}

/** Today's calendar date in the organisation's time zone, at UTC midnight (the default as_of). */
export function todayIn(timeZone: string, now: Date): Date {
  return parseDay(formatterFor(dayFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(now));
}

/**
 * One formatter per time zone and purpose: building one costs about 100 µs, which a loop over
 * 10,000 placements (the alerts' scrape ages) turned into a second.
 */
function formatterFor(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions, locale: string): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(timeZone, formatter);
  }
  return formatter;
}
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const instantFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant a calendar day ends in the organisation's time zone (the next local midnight), so
 * "as of 2026-11-20" in Los Angeles includes a scrape taken at 20:00 local that day.
 */
export function endOfDayIn(day: Date, timeZone: string): Date {
  return startOfDayIn(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1)), timeZone);
}

/** The instant a calendar day (a UTC-midnight Date) begins in the organisation's time zone. */
export function startOfDayIn(day: Date, timeZone: string): Date {
  return zonedInstant(day.getTime(), timeZone);
}

/**
 * The instant at which the wall-clock time `localAsUtcMs` (a local date and time written as if it
 * were UTC) occurs in `timeZone`. Local = UTC minus the zone's offset; the offset is looked up twice
 * so a DST change between the two readings is honoured.
 */
export function zonedInstant(localAsUtcMs: number, timeZone: string): Date {
  let instant = localAsUtcMs - offsetMs(new Date(localAsUtcMs), timeZone);
  instant = localAsUtcMs - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(instantFormatters, timeZone, { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }, 'en-US')
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** `as_of` input, defaulting to today in the organisation's time zone. */
export function resolveAsOf(asOf: string | undefined, timeZone: string, now: Date): Date {
  return asOf ? parseDay(asOf, 'as_of') : todayIn(timeZone, now);
}

/** The 22-character Spotify id in a track URL, URI or bare id; null when there is none. */
export function spotifyTrackId(trackUrl: string): string | null {
  const match = /(?:open\.spotify\.com\/(?:intl-[a-z]{2}\/)?track\/|spotify:track:|^)([A-Za-z0-9]{22})(?:$|[/?#])/.exec(trackUrl.trim());
  return match ? match[1]! : null;
}
