/**
 * Figures in one format, whatever the browser's language: "$20,744.56", "18,307,413", "87%". The
 * sentences tools write (alerts, attribution disagreements, approvals) use the same one, and a
 * page mixing "20.744,56 $" in its tables with "$20,744.56" in its sentences would read as two
 * different amounts.
 */
const LOCALE = 'en-US';
const DATE_LOCALE = undefined; // the browser's own: dates read naturally in any format

const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export const DASH = '—';

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : numberFormat.format(value);
}

/** 1.2M, 34K: for axes and dense cells where the exact figure is one hover away. */
export function formatCompact(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : compactFormat.format(value);
}

/**
 * "$20,744.56", "€1,234.50", "CA$12.00": every amount of money the UI shows goes through here.
 * `compact` for axes ("$1.2K"); `code` for approvals, whose requests the tools word as "283.26 USD"
 * in headlines, evidence and outcomes, so the amount in large type reads exactly as they do.
 */
export function formatMoney(value: number | null | undefined, currency: string, options: { compact?: boolean; code?: boolean } = {}): string {
  if (value === null || value === undefined) return DASH;
  if (options.code) return `${formatDecimal(value)} ${currency}`;
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

/** "1,234.50": an amount without its currency, for a layout that sets the code apart. */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/**
 * A 0–1 share as a percentage: 0.873 → "87%", 0.045 → "4.5%" (one decimal under 10%, where a
 * whole number would hide the difference), the rule the tools' sentences follow too.
 */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  const percent = value * 100;
  return `${Math.abs(percent) < 10 ? Number(percent.toFixed(1)) : Math.round(percent)}%`;
}

export function formatRatio(value: number | null | undefined, suffix = '×'): string {
  return value === null || value === undefined ? DASH : `${value.toFixed(2)}${suffix}`;
}

/** "1 active campaign", "2 active campaigns", "1,200 streams": a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

const dayFormat = new Intl.DateTimeFormat(DATE_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(DATE_LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(DATE_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

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
