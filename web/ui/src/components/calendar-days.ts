/** Calendar days as YYYY-MM-DD strings; plain functions, shared by the pages and the UI benchmark. */

/** A calendar day in `timeZone`, `offsetDays` from today. */
export function dayInZone(timeZone: string, offsetDays = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return addDays(today, offsetDays);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
