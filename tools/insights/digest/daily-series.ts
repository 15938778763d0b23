import { isoDay, startOfDayIn, todayIn } from '../../common/format.ts';
import { fxSegmentsToBase, rateAt } from '../../money/fx.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { ANOMALY_RULE } from './anomalies.ts';

const DAY_MS = 86_400_000;

/** Values by calendar day (YYYY-MM-DD) and by a dimension (artist, channel). */
export type DailyByKey = Map<string, Map<string, number>>;

export interface DigestSeries {
  /** Streams per artist and day, from StreamStat, for the day and the 28 before. */
  streams: DailyByKey;
  /** Marketing spend per channel and day in the base currency (FX of each day). */
  spend: DailyByKey;
  /** Conversion revenue (base currency, FX at the conversion) and count per local calendar day. */
  conversions: Map<string, { revenue: number; count: number }>;
}

export const dayBefore = (day: Date, days = 1): Date => new Date(day.getTime() - days * DAY_MS);

/** Loads everything the digest adds up, for `day` and the `ANOMALY_RULE.windowDays` before it. */
export async function loadDigestSeries(db: ToolDb, org: { baseCurrency: string; timeZone: string }, day: Date): Promise<DigestSeries> {
  const from = dayBefore(day, ANOMALY_RULE.windowDays);
  const [streamRows, spendRows, conversionRows] = await Promise.all([
    db.streamStat.groupBy({ by: ['date', 'artist'], where: { date: { gte: from, lte: day } }, _sum: { streams: true } }),
    db.marketingSpend.groupBy({ by: ['date', 'channel', 'currency'], where: { date: { gte: from, lte: day } }, _sum: { amount: true } }),
    db.conversion.findMany({
      where: { occurredAt: { gte: startOfDayIn(dayBefore(day, 7), org.timeZone), lt: startOfDayIn(dayBefore(day, -1), org.timeZone) } },
      select: { occurredAt: true, revenue: true, currency: true },
    }),
  ]);
  const earliest = new Map<string, Date>();
  for (const row of spendRows) earliest.set(row.currency, minDate(earliest.get(row.currency), startOfDayIn(row.date, org.timeZone)));
  for (const row of conversionRows) earliest.set(row.currency, minDate(earliest.get(row.currency), row.occurredAt));
  const fx = await fxSegmentsToBase(db, org.baseCurrency, org.timeZone, earliest);

  const streams: DailyByKey = new Map();
  for (const row of streamRows) add(streams, row.artist, isoDay(row.date), row._sum.streams ?? 0);
  const spend: DailyByKey = new Map();
  for (const row of spendRows) add(spend, row.channel, isoDay(row.date), Number(row._sum.amount ?? 0) * rateAt(fx, row.currency, startOfDayIn(row.date, org.timeZone)));
  const conversions = new Map<string, { revenue: number; count: number }>();
  for (const row of conversionRows) {
    const local = isoDay(todayIn(org.timeZone, row.occurredAt));
    const totals = conversions.get(local) ?? { revenue: 0, count: 0 };
    totals.revenue += Number(row.revenue) * rateAt(fx, row.currency, row.occurredAt);
    totals.count += 1;
    conversions.set(local, totals);
  }
  return { streams, spend, conversions };
}

/** The sum over every key on one day. */
export function totalOn(series: DailyByKey, day: string): number {
  let total = 0;
  for (const byDay of series.values()) total += byDay.get(day) ?? 0;
  return total;
}

/** For the anomaly rule: each key's values with index 0 = `day`, 1 = the day before, ... */
export function byOffset(series: DailyByKey, day: Date): Map<string, Array<number | undefined>> {
  const result = new Map<string, Array<number | undefined>>();
  for (const [key, byDay] of series) {
    result.set(key, Array.from({ length: ANOMALY_RULE.windowDays + 1 }, (_, offset) => byDay.get(isoDay(dayBefore(day, offset)))));
  }
  return result;
}

function add(series: DailyByKey, key: string, day: string, value: number): void {
  let byDay = series.get(key);
  if (!byDay) series.set(key, (byDay = new Map()));
  byDay.set(day, (byDay.get(day) ?? 0) + value);
}

function minDate(a: Date | undefined, b: Date): Date {
  return a && a < b ? a : b;
}
