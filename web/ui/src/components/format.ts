const LOCALE = undefined; // the browser's own

const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export const DASH = '—';

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : numberFormat.format(value);
}

/** 1.2M, 34K: for axes and dense cells where the exact figure is one hover away. */
export function formatCompact(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : compactFormat.format(value);
}

export function formatMoney(value: number | null | undefined, currency: string, options: { compact?: boolean } = {}): string {
  if (value === null || value === undefined) return DASH;
  const key = `${currency}:${options.compact ? 'c' : 'f'}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options.compact
      ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  return format.format(value);
}

/** A 0–1 share as a percentage (0.873 → 87%). */
export function formatShare(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? DASH : `${(value * 100).toFixed(digits)}%`;
}

export function formatRatio(value: number | null | undefined, suffix = '×'): string {
  return value === null || value === undefined ? DASH : `${value.toFixed(2)}${suffix}`;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar day (YYYY-MM-DD) as written in the data, whatever the browser's time zone. */
export function formatDay(day: string | null | undefined, options: { short?: boolean } = {}): string {
  if (!day) return DASH;
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : (options.short ? shortDayFormat : dayFormat).format(date);
}

/** An instant (ISO timestamp) in the browser's time zone. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return DASH;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : instantFormat.format(date);
}
