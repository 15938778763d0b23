import { Prisma } from '../../../db/generated/prisma/client.ts';
import { endOfDayIn, isoDay, money, startOfDayIn, todayIn } from '../../common/format.ts';
import { fxSegmentsTable, fxSegmentsToBase, fxSegmentsWithGaps, type FxGap, type FxSegment } from '../../money/fx.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { spendFx, spendFxLeavingOutUnconverted } from '../../spend/spend-fx.ts';

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
  return sumSpendByDay(db, org, days, by, await spendFx(db, org, days.from, days.to));
}

/**
 * spendByDay for answers that degrade rather than fail: spend in a currency with no rate on or
 * before its day is left out of the sums, and each `notes` entry names the currency, amount and days.
 */
export async function spendByDayLeavingOutUnconverted(db: ToolDb, org: InsightsOrg, days: DayRange, by?: 'channel'): Promise<{ rows: Array<KeyedDay & { spend: number }>; notes: string[] }> {
  const fx = await spendFxLeavingOutUnconverted(db, org, days.from, days.to);
  return { rows: await sumSpendByDay(db, org, days, by, fx), notes: fx.notes };
}

async function sumSpendByDay(db: ToolDb, org: InsightsOrg, days: DayRange, by: 'channel' | undefined, fx: { table: Prisma.Sql; joinOn: Prisma.Sql }): Promise<Array<KeyedDay & { spend: number }>> {
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
export async function conversionsByDay(db: ToolDb, org: InsightsOrg, days: DayRange): Promise<ConversionDay[]> {
  const [start, end] = localBounds(org, days);
  const fx = await fxSegmentsToBase(db, org.baseCurrency, org.timeZone, await earliestConversions(db, start, end));
  return sumConversionsByDay(db, org, start, end, fx);
}

/**
 * conversionsByDay for answers that degrade rather than fail: every conversion is counted, but the
 * revenue of one in a currency with no rate at its instant is left out of the sums, and each
 * `notes` entry names the currency, amount and days.
 */
export async function conversionsByDayLeavingOutUnconverted(db: ToolDb, org: InsightsOrg, days: DayRange): Promise<{ rows: ConversionDay[]; notes: string[] }> {
  const [start, end] = localBounds(org, days);
  const { segments, gaps } = await fxSegmentsWithGaps(db, org.baseCurrency, org.timeZone, await earliestConversions(db, start, end));
  const notes = await Promise.all(gaps.map((gap) => unconvertedRevenueNote(db, org, gap, start, end)));
  return { rows: await sumConversionsByDay(db, org, start, end, segments), notes };
}

export interface ConversionDay {
  day: string;
  revenue: number;
  conversions: number;
}

function localBounds(org: InsightsOrg, days: DayRange): [Date, Date] {
  return [startOfDayIn(days.from, org.timeZone), endOfDayIn(days.to, org.timeZone)];
}

async function earliestConversions(db: ToolDb, start: Date, end: Date): Promise<Map<string, Date>> {
  const currencies = await db.conversion.groupBy({ by: ['currency'], where: { occurredAt: { gte: start, lt: end } }, _min: { occurredAt: true } });
  return new Map(currencies.map((row) => [row.currency, row._min.occurredAt!]));
}

/** A left join, so a conversion without a rate still counts; sum() skips its null revenue. */
async function sumConversionsByDay(db: ToolDb, org: InsightsOrg, start: Date, end: Date, fx: FxSegment[]): Promise<ConversionDay[]> {
  return db.$queryRaw`
    WITH fx AS (${fxSegmentsTable(fx)})
    SELECT to_char((c."occurredAt" AT TIME ZONE ${org.timeZone})::date, 'YYYY-MM-DD') AS day,
           coalesce(sum(c.revenue::float8 * fx.rate), 0)::float8 AS revenue, count(*)::int AS conversions
    FROM "Conversion" c
    LEFT JOIN fx ON fx.currency = c.currency AND c."occurredAt" >= fx.valid_from AND c."occurredAt" < fx.valid_to
    WHERE c."organizationId" = ${org.id} AND c."occurredAt" >= ${start.toISOString()}::timestamptz AND c."occurredAt" < ${end.toISOString()}::timestamptz
    GROUP BY 1`;
}

async function unconvertedRevenueNote(db: ToolDb, org: InsightsOrg, gap: FxGap, start: Date, end: Date): Promise<string> {
  const left = await db.conversion.aggregate({
    where: { currency: gap.currency, occurredAt: { gte: start, lt: gap.convertsFrom && gap.convertsFrom < end ? gap.convertsFrom : end } },
    _sum: { revenue: true }, _count: true, _min: { occurredAt: true }, _max: { occurredAt: true },
  });
  const [first, last] = [isoDay(todayIn(org.timeZone, left._min.occurredAt!)), isoDay(todayIn(org.timeZone, left._max.occurredAt!))];
  const days = first === last ? `on ${first}` : `from ${first} to ${last}`;
  return `${money(Number(left._sum.revenue)).toFixed(2)} ${gap.currency} of revenue (${left._count} conversion${left._count === 1 ? '' : 's'}) ${days} is left out of the revenue figures: ` +
    `no exchange rate from ${gap.currency} to ${org.baseCurrency} on or before ${last}; add one with set_fx_rate.`;
}
