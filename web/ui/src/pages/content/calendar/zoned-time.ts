/**
 * Instants as a calendar in the organisation's time zone sees them, and back. The calendar places
 * a post by its day and hour there (not the browser's zone), so everyone sees the same grid.
 */
export interface ZonedParts {
  /** YYYY-MM-DD */
  day: string;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

function fields(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(partsFormat(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
}

export function zonedParts(iso: string, timeZone: string): ZonedParts {
  const parts = fields(new Date(iso), timeZone);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = fields(at, timeZone);
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant (ISO, UTC) of a wall-clock time in `timeZone`; twice corrected, so a DST change between guess and answer is caught. */
export function instantOf(day: string, hour: number, minute: number, timeZone: string): string {
  const wall = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant).toISOString();
}

/** "18:05" */
export function clock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The datetime-local value ("2026-12-12T18:00") of an instant in `timeZone`; empty without one. */
export function localTimeOf(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = zonedParts(iso, timeZone);
  return `${parts.day}T${clock(parts.hour, parts.minute)}`;
}

const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2026-12-12T18:00" in `timeZone` as the tools word a time: "Sat, 12 Dec 2026, 18:00 (Europe/London)". */
export function describeLocalTime(localTime: string, timeZone: string): string | null {
  if (!localTime) return null;
  const wall = Date.parse(`${localTime.length === 16 ? `${localTime}:00` : localTime}Z`);
  return Number.isNaN(wall) ? null : `${wallClock.format(new Date(wall))} (${timeZone})`;
}
