import { Cron } from 'croner';
import { z } from 'zod';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');

/** A cadence people choose (every day / week / month at a time), stored as cron. */
export const cadenceChoice = z
  .object({
    every: z.enum(['day', 'week', 'month']).describe('How often.'),
    at: hhmm.describe('Local time HH:MM in the schedule\'s time zone.'),
    weekday: z.enum(WEEKDAYS).optional().describe('For every week (default monday).'),
    day_of_month: z.int().min(1).max(28).optional().describe('For every month (default 1).'),
  })
  .strict();

export const cadenceInput = z
  .union([z.string().trim().min(1).max(100).describe('A five-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 9 * * 1"; at most hourly.'), cadenceChoice])
  .describe('A five-field cron, or {every: day|week|month, at: "HH:MM", weekday?, day_of_month?}.');
export type CadenceInput = z.infer<typeof cadenceInput>;

export class CadenceError extends Error {}

/** The cron a cadence is stored as; a cron string is checked (five fields, valid values) and kept. */
export function cadenceCron(cadence: CadenceInput): string {
  if (typeof cadence === 'string') {
    const fields = cadence.split(/\s+/);
    if (fields.length !== 5) throw new CadenceError(`"${cadence}" has ${fields.length} fields; use five: minute hour day-of-month month day-of-week`);
    const cron = fields.join(' ');
    let pattern: Cron;
    try {
      pattern = new Cron(cron, { paused: true });
    } catch (error) {
      throw new CadenceError(`"${cadence}" is not a valid cron expression (${(error as Error).message.replace(/^CronPattern: /, '')})`);
    }
    const gap = shortestGapMinutes(pattern);
    if (gap !== null && gap < MIN_GAP_MINUTES) {
      throw new CadenceError(`"${cadence}" would deliver the report ${gap === 1 ? 'every minute' : `every ${gap} minutes`}; a schedule runs at most hourly (e.g. "0 * * * *")`);
    }
    return cron;
  }
  const [hour, minute] = cadence.at.split(':').map(Number) as [number, number];
  if (cadence.every !== 'week' && cadence.weekday) throw new CadenceError('weekday is only for every: week');
  if (cadence.every !== 'month' && cadence.day_of_month) throw new CadenceError('day_of_month is only for every: month');
  if (cadence.every === 'day') return `${minute} ${hour} * * *`;
  if (cadence.every === 'week') return `${minute} ${hour} * * ${WEEKDAYS.indexOf(cadence.weekday ?? 'monday')}`;
  return `${minute} ${hour} ${cadence.day_of_month ?? 1} * *`;
}

/** A report goes to people's inboxes and channels: more often than hourly is a mistake, not a cadence. */
const MIN_GAP_MINUTES = 60;

/**
 * The shortest time between two of its next firings, in minutes (null when it fires fewer than
 * twice): the 193 after its first are a week and a day of an hourly cron, so a more frequent one
 * shows itself on the first day it fires. Read in UTC: an hour that a DST change skips or repeats
 * does not make an hourly cron look more frequent than it is.
 */
function shortestGapMinutes(pattern: Cron): number | null {
  const utc = new Cron(pattern.getPattern() ?? '', { timezone: 'UTC', paused: true });
  const first = utc.nextRun();
  const runs = first ? [first, ...utc.nextRuns(8 * 24, first)] : [];
  let shortest: number | null = null;
  for (let index = 1; index < runs.length; index += 1) {
    const gap = (runs[index]!.getTime() - runs[index - 1]!.getTime()) / 60_000;
    if (shortest === null || gap < shortest) shortest = gap;
  }
  return shortest;
}

/** The first occurrence strictly after `after`, in the time zone (null when the cron never fires again). */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRun(after);
}

/**
 * The latest occurrence at or before `now`, starting from the one that was due (`dueAt`): a
 * schedule whose process was down for days delivers once, for the latest period, not once per missed one.
 */
export function latestDueOccurrence(cron: string, timeZone: string, dueAt: Date, now: Date): Date {
  const pattern = new Cron(cron, { timezone: timeZone, paused: true });
  let latest = dueAt;
  for (let step = 0; step < 10_000; step += 1) {
    const next = pattern.nextRun(latest);
    if (!next || next > now) break;
    latest = next;
  }
  return latest;
}

/** A stored cron in words, for people: "every Monday at 09:00 (Europe/Paris)"; else the cron itself. */
export function describeCadence(cron: string, timeZone: string): string {
  const match = /^(\d+) (\d+) (\*|\d+) \* (\*|\d)$/.exec(cron);
  if (!match) return `cron "${cron}" (${timeZone})`;
  const [, minute, hour, day, weekday] = match as unknown as [string, string, string, string, string];
  const at = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (day === '*' && weekday === '*') return `every day at ${at} (${timeZone})`;
  if (day === '*') return `every ${capitalise(WEEKDAYS[Number(weekday) % 7]!)} at ${at} (${timeZone})`;
  if (weekday === '*') return `every month on day ${day} at ${at} (${timeZone})`;
  return `cron "${cron}" (${timeZone})`;
}

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);
