import { Prisma } from '../../../db/generated/prisma/client.ts';
import { endOfDayIn, isoDay, startOfDayIn } from '../../common/format.ts';
import { fxSegmentsTable, fxSegmentsToBase } from '../../money/fx.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { spendFx } from '../../spend/spend-fx.ts';

// The three daily series the insights tools chart and compare (streams, marketing spend,
// conversion revenue), each summed per calendar day in SQL: one definition for the digest and the
// timeline. Raw SQL is outside the tenant scope, so every query filters by `org.id` itself.

export interface InsightsOrg {
  id: string;
  baseCurrency: string;
  timeZone: string;
}

/** Calendar days `from`..`to` inclusive, as UTC-midnight Dates. */
export interface DayRange {
  from: Date;
  to: Date;
}

/** `key` is the artist or channel when split by one, '' otherwise. */
export interface KeyedDay {
  day: string;
  key: string;
}

const UNSPLIT = Prisma.sql`''::text`;

/** StreamStat streams per day (all tracks and platforms), optionally per artist. */
export async function streamsByDay(db: ToolDb, org: InsightsOrg, days: DayRange, by?: 'artist'): Promise<Array<KeyedDay & { streams: number }>> {
  return db.$queryRaw`
    SELECT to_char(s.date, 'YYYY-MM-DD') AS day, ${by ? Prisma.sql`s.artist` : UNSPLIT} AS key, sum(s.streams)::float8 AS streams
    FROM "StreamStat" s
    WHERE s."organizationId" = ${org.id} AND s.date >= ${isoDay(days.from)}::date AND s.date <= ${isoDay(days.to)}::date
    GROUP BY 1, 2`;
}

/** Marketing spend per day in the base currency at that day's rate (spendFx), optionally per channel. */
export async function spendByDay(db: ToolDb, org: InsightsOrg, days: DayRange, by?: 'channel'): Promise<Array<KeyedDay & { spend: number }>> {
  const fx = await spendFx(db, org, days.from, days.to);
  return db.$queryRaw`
    WITH fx AS (${fx.table})
    SELECT to_char(s.date, 'YYYY-MM-DD') AS day, ${by ? Prisma.sql`s.channel` : UNSPLIT} AS key, sum(s.amount::float8 * fx.rate)::float8 AS spend
    FROM "MarketingSpend" s
    JOIN fx ON ${fx.joinOn}
    WHERE s."organizationId" = ${org.id} AND s.date >= ${isoDay(days.from)}::date AND s.date <= ${isoDay(days.to)}::date
    GROUP BY 1, 2`;
}

/**
 * Conversion revenue (base currency, at the rate of the conversion's instant) and count per local
 * calendar day in the organisation's time zone: 23:30 UTC in Berlin counts on the next day.
 */
export async function conversionsByDay(db: ToolDb, org: InsightsOrg, days: DayRange): Promise<Array<{ day: string; revenue: number; conversions: number }>> {
  const [start, end] = [startOfDayIn(days.from, org.timeZone), endOfDayIn(days.to, org.timeZone)];
  const currencies = await db.conversion.groupBy({ by: ['currency'], where: { occurredAt: { gte: start, lt: end } }, _min: { occurredAt: true } });
  const fx = await fxSegmentsToBase(db, org.baseCurrency, org.timeZone, new Map(currencies.map((row) => [row.currency, row._min.occurredAt!])));
  return db.$queryRaw`
    WITH fx AS (${fxSegmentsTable(fx)})
    SELECT to_char((c."occurredAt" AT TIME ZONE ${org.timeZone})::date, 'YYYY-MM-DD') AS day,
           sum(c.revenue::float8 * fx.rate)::float8 AS revenue, count(*)::int AS conversions
    FROM "Conversion" c
    JOIN fx ON fx.currency = c.currency AND c."occurredAt" >= fx.valid_from AND c."occurredAt" < fx.valid_to
    WHERE c."organizationId" = ${org.id} AND c."occurredAt" >= ${start.toISOString()}::timestamptz AND c."occurredAt" < ${end.toISOString()}::timestamptz
    GROUP BY 1`;
}
