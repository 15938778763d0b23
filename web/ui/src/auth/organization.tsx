import { createContext, useContext } from 'react';
import type { ToolOutput } from '../api/tool-types.ts';

export type Me = ToolOutput<'whoami'>;

export const MeContext = createContext<Me | null>(null);

/** Who is signed in, in which organisation (time zone, base currency); known before any page renders. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe needs the signed-in shell');
  return me;
}

/** A calendar day (YYYY-MM-DD) in the organisation's time zone, `offsetDays` from today. */
export function dayInZone(timeZone: string, offsetDays = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
