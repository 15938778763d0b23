import { isoDay } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { conversionsByDayLeavingOutUnconverted, spendByDayLeavingOutUnconverted, streamsByDay, type InsightsOrg } from '../series/by-day.ts';
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
  /** Money left out of `spend` and `conversions` revenue because no rate converts it: currency, amount, days. */
  notes: string[];
}

export const dayBefore = (day: Date, days = 1): Date => new Date(day.getTime() - days * DAY_MS);

/**
 * Loads everything the digest adds up, for `day` and the `ANOMALY_RULE.windowDays` before it. Money
 * in a currency without a rate is left out (and named in `notes`): one row never fails the digest.
 */
export async function loadDigestSeries(db: ToolDb, org: InsightsOrg, day: Date): Promise<DigestSeries> {
  const window = { from: dayBefore(day, ANOMALY_RULE.windowDays), to: day };
  const [streamRows, spendRows, conversionRows] = await Promise.all([
    streamsByDay(db, org, window, 'artist'),
    spendByDayLeavingOutUnconverted(db, org, window, 'channel'),
    conversionsByDayLeavingOutUnconverted(db, org, { from: dayBefore(day, 7), to: day }),
  ]);
  const streams: DailyByKey = new Map();
  for (const row of streamRows) add(streams, row.key, row.day, row.streams);
  const spend: DailyByKey = new Map();
  for (const row of spendRows.rows) add(spend, row.key, row.day, row.spend);
  const conversions = new Map(conversionRows.rows.map((row) => [row.day, { revenue: row.revenue, count: row.conversions }]));
  return { streams, spend, conversions, notes: [...spendRows.notes, ...conversionRows.notes] };
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
