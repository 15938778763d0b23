import { addDays } from '../../../components/calendar-days.ts';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** 0 = Monday ... 6 = Sunday: the calendar's weeks start on Monday, as the European labels it serves do. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function mondayOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function monthEnd(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The days a month view shows: whole weeks, Monday first, from the week of the 1st to the week of the last day. */
export function monthGridDays(anchor: string): string[] {
  const first = mondayOf(monthStart(anchor));
  const last = addDays(mondayOf(monthEnd(anchor)), 6);
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

export function weekDays(anchor: string): string[] {
  const monday = mondayOf(anchor);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The days a view asks list_posts for (inclusive). */
export function viewRange(view: CalendarView, anchor: string): { from: string; to: string } {
  switch (view) {
    case 'month': {
      const days = monthGridDays(anchor);
      return { from: days[0]!, to: days[days.length - 1]! };
    }
    case 'week': {
      const days = weekDays(anchor);
      return { from: days[0]!, to: days[6]! };
    }
    case 'day':
      return { from: anchor, to: anchor };
    case 'list':
      return { from: monthStart(anchor), to: monthEnd(anchor) };
  }
}

/** The anchor one page earlier (-1) or later (+1): a month, a week or a day. */
export function shiftAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === 'week') return addDays(anchor, 7 * direction);
  if (view === 'day') return addDays(anchor, direction);
  const [year, month] = anchor.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + direction, 1)).toISOString().slice(0, 10);
}

const monthTitle = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayTitle = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** "December 2026", "7 Dec – 13 Dec 2026", "Monday 7 December 2026". */
export function viewTitle(view: CalendarView, anchor: string): string {
  if (view === 'day') return dayTitle.format(utc(anchor));
  if (view === 'week') {
    const days = weekDays(anchor);
    return `${shortDay.format(utc(days[0]!))} – ${shortDay.format(utc(days[6]!))} ${days[6]!.slice(0, 4)}`;
  }
  return monthTitle.format(utc(anchor));
}

const dayLabelFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const weekdayShort = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Friday 11 December" */
export function dayLabel(day: string): string {
  return dayLabelFormat.format(utc(day));
}

/** "Fri 11" */
export function dayShort(day: string): string {
  return weekdayShort.format(utc(day));
}

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
