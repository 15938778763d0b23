import { Prisma } from '../../db/generated/prisma/client.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';
import { isoDay, parseDay, startOfDayIn, todayIn } from '../common/format.ts';
import { ToolError } from '../registry/errors.ts';

export type ToBase = (amount: number, currency: string) => number;

/**
 * Converts amounts into the organisation's base currency with the latest FxRate on or before
 * `asOf` (either direction of the pair). A missing rate is an `unavailable` error naming the pair,
 * never a silent 1:1.
 */
export async function baseCurrencyConverter(db: ToolDb, baseCurrency: string, currencies: Iterable<string>, asOf: Date): Promise<ToBase> {
  const converter = await partialBaseCurrencyConverter(db, baseCurrency, currencies, asOf);
  return (amount, currency) => {
    const converted = converter.toBase(amount, currency);
    if (converted === null) throw new ToolError('unavailable', converter.missingRateNote(currency));
    return converted;
  };
}

/** For answers where one record without a rate should degrade alone (shown in its own currency) rather than fail the whole answer. */
export interface PartialConverter {
  /** The amount in the base currency, or null when `currency` has no rate on or before the date: never a 1:1 guess. */
  toBase(amount: number, currency: string): number | null;
  /** Why `currency` was not converted and how to fix it, for the note on the row it degrades. */
  missingRateNote(currency: string): string;
}

export async function partialBaseCurrencyConverter(db: ToolDb, baseCurrency: string, currencies: Iterable<string>, asOf: Date): Promise<PartialConverter> {
  const rates = await ratesToBase(db, baseCurrency, currencies, asOf);
  return {
    toBase: (amount, currency) => {
      const rate = rates.get(currency);
      return rate === undefined ? null : amount * rate;
    },
    missingRateNote: (currency) => `No exchange rate from ${currency} to ${baseCurrency} on or before ${isoDay(asOf)}; add one with set_fx_rate.`,
  };
}

/** The latest rate of each currency into the base on or before `asOf`; currencies without one are absent. */
async function ratesToBase(db: ToolDb, baseCurrency: string, currencies: Iterable<string>, asOf: Date): Promise<Map<string, number>> {
  const foreign = [...new Set(currencies)].filter((currency) => currency !== baseCurrency);
  const rates = new Map<string, number>([[baseCurrency, 1]]);
  for (const currency of foreign) {
    const direct = await db.fxRate.findFirst({ where: { base: currency, quote: baseCurrency, date: { lte: asOf } }, orderBy: { date: 'desc' } });
    if (direct && Number(direct.rate) > 0) {
      rates.set(currency, Number(direct.rate));
      continue;
    }
    const inverse = await db.fxRate.findFirst({ where: { base: baseCurrency, quote: currency, date: { lte: asOf } }, orderBy: { date: 'desc' } });
    if (inverse && Number(inverse.rate) > 0) rates.set(currency, 1 / Number(inverse.rate));
  }
  return rates;
}

/** One stretch of time over which `rate` converts `currency` into the base currency; null ends are open. */
export interface FxSegment {
  currency: string;
  from: Date | null;
  to: Date | null;
  rate: number;
}

/**
 * Rows of one currency that no rate converts: those dated before `firstRateDay` (instants before
 * `convertsFrom`, its local midnight), or every row when there is no rate at all (both null).
 */
export interface FxGap {
  currency: string;
  firstRateDay: string | null;
  convertsFrom: Date | null;
}

/**
 * The piecewise-constant rate of each currency into the base currency, for SQL that converts many
 * rows at once (each row uses the rate of the latest FxRate date on or before its own local date).
 * `earliest` is each currency's earliest instant to convert: a currency with no rate on or before
 * its local date is an `unavailable` error naming the currency and the date.
 */
export async function fxSegmentsToBase(db: ToolDb, baseCurrency: string, timeZone: string, earliest: ReadonlyMap<string, Date>): Promise<FxSegment[]> {
  const { segments, gaps } = await fxSegmentsWithGaps(db, baseCurrency, timeZone, earliest);
  const gap = gaps[0];
  if (gap) {
    const firstNeeded = isoDay(todayIn(timeZone, earliest.get(gap.currency)!));
    throw new ToolError('unavailable', `No exchange rate from ${gap.currency} to ${baseCurrency} on or before ${firstNeeded}; add one with set_fx_rate.`);
  }
  return segments;
}

/**
 * The same segments for answers where rows without a rate are left out (and said so) rather than
 * failing the answer: a currency's first segment starts at its first rate day instead of reaching
 * back, so earlier rows match none, and `gaps` says which currencies have such rows. Never 1:1.
 */
export async function fxSegmentsWithGaps(db: ToolDb, baseCurrency: string, timeZone: string, earliest: ReadonlyMap<string, Date>): Promise<{ segments: FxSegment[]; gaps: FxGap[] }> {
  const segments: FxSegment[] = [{ currency: baseCurrency, from: null, to: null, rate: 1 }];
  const gaps: FxGap[] = [];
  // In currency order, so the gaps (and the notes made of them) come out the same every time.
  for (const [currency, instant] of [...earliest].sort(([a], [b]) => a.localeCompare(b))) {
    if (currency === baseCurrency) continue;
    const byDate = await ratesByDay(db, baseCurrency, currency);
    const dates = [...byDate.keys()].sort();
    const localMidnight = (date: string) => startOfDayIn(parseDay(date), timeZone);
    const covered = dates.length > 0 && dates[0]! <= isoDay(todayIn(timeZone, instant));
    if (!covered) gaps.push({ currency, firstRateDay: dates[0] ?? null, convertsFrom: dates.length > 0 ? localMidnight(dates[0]!) : null });
    dates.forEach((date, position) => {
      const next = dates[position + 1];
      segments.push({
        currency,
        from: position === 0 && covered ? null : localMidnight(date),
        to: next === undefined ? null : localMidnight(next),
        rate: byDate.get(date)!,
      });
    });
  }
  return { segments, gaps };
}

/** Every stored rate of `currency` into the base by day, either direction of the pair (a direct rate wins on the same day). */
async function ratesByDay(db: ToolDb, baseCurrency: string, currency: string): Promise<Map<string, number>> {
  const byDate = new Map<string, number>();
  const inverse = await db.fxRate.findMany({ where: { base: baseCurrency, quote: currency }, orderBy: { date: 'asc' } });
  for (const row of inverse) if (Number(row.rate) > 0) byDate.set(isoDay(row.date), 1 / Number(row.rate));
  const direct = await db.fxRate.findMany({ where: { base: currency, quote: baseCurrency }, orderBy: { date: 'asc' } });
  for (const row of direct) if (Number(row.rate) > 0) byDate.set(isoDay(row.date), Number(row.rate));
  return byDate;
}

/** The segments as a SQL table `(currency, valid_from, valid_to, rate)`, open ends as -infinity/infinity, for SQL that converts many rows. */
export function fxSegmentsTable(segments: readonly FxSegment[]): Prisma.Sql {
  const instant = (date: Date | null, open: string) => (date ? date.toISOString() : open);
  return Prisma.sql`SELECT * FROM unnest(${segments.map((s) => s.currency)}::text[], ${segments.map((s) => instant(s.from, '-infinity'))}::timestamptz[],
    ${segments.map((s) => instant(s.to, 'infinity'))}::timestamptz[], ${segments.map((s) => s.rate)}::float8[]) AS f(currency, valid_from, valid_to, rate)`;
}

/** The rate of `currency` at instant `at` from segments built by fxSegmentsToBase. */
export function rateAt(segments: readonly FxSegment[], currency: string, at: Date): number {
  const segment = segments.find((s) => s.currency === currency && (!s.from || s.from <= at) && (!s.to || at < s.to));
  if (!segment) throw new ToolError('unavailable', `No exchange rate for ${currency} on ${isoDay(at)}; add one with set_fx_rate.`);
  return segment.rate;
}
