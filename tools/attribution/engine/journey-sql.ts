import { Prisma } from '../../../db/generated/prisma/client.ts';
import { fxSegmentsTable, type FxSegment } from '../../money/fx.ts';
import { DIRECT_KEY, NO_CAMPAIGN_KEY, UNASSIGNED_ARTIST_KEY, type GroupBy } from '../models.ts';

/** What every attribution query shares: whose conversions, which ones, how far back a journey reaches. */
export interface JourneyScope {
  organizationId: string;
  groupBy: GroupBy;
  /** Conversions at or after this instant (inclusive); null for no lower bound. */
  from: Date | null;
  /** Conversions before this instant (exclusive: the end of the last day); null for no upper bound. */
  to: Date | null;
  lookbackDays: number;
  /** Converts each conversion's revenue into the base currency. */
  fx: FxSegment[];
}

/** An instant as SQL text, an open bound as -infinity/infinity. */
export const sqlInstant = (date: Date | null, open: '-infinity' | 'infinity') => (date ? date.toISOString() : open);

/**
 * CTEs `fx`, `conv` (the conversions in range, revenue in base currency, as float8: credit shares
 * are fractions anyway and the output is rounded once at the end) and, when grouping by artist,
 * `campaign_artist` (each campaign's artist: the one its spend rows name, the largest spend first).
 */
export function conversionCtes(scope: JourneyScope, options: { firstPurchase?: boolean } = {}): Prisma.Sql {
  const { organizationId: org, fx } = scope;
  const firstPurchase = options.firstPurchase
    ? Prisma.sql`, NOT EXISTS (
        SELECT 1 FROM "Conversion" earlier
        WHERE earlier."organizationId" = ${org} AND earlier."customerId" = c."customerId"
          AND (earlier."occurredAt", earlier.id) < (c."occurredAt", c.id)) AS first_purchase`
    : Prisma.sql`, false AS first_purchase`;
  return Prisma.sql`
    fx AS (${fxSegmentsTable(fx)}),
    conv AS (
      SELECT c.id, c."customerId", c."occurredAt", c.revenue::float8 * ${rateOf(fx)} AS revenue ${firstPurchase}
      FROM "Conversion" c
      WHERE c."organizationId" = ${org}
        AND c."occurredAt" >= ${sqlInstant(scope.from, '-infinity')}::timestamptz
        AND c."occurredAt" < ${sqlInstant(scope.to, 'infinity')}::timestamptz
    )${scope.groupBy === 'artist' ? Prisma.sql`, ${campaignArtistCte(org)}` : Prisma.empty}`;
}

/**
 * The conversion's rate into the base currency. A lookup in the select list rather than a join:
 * joining on the rate's date range makes the planner expect a handful of conversions and pick
 * nested loops over the touchpoints; with only the base currency in scope there is nothing to look up.
 */
function rateOf(fx: FxSegment[]): Prisma.Sql {
  if (fx.length === 1) return Prisma.sql`1.0::float8`;
  return Prisma.sql`(SELECT f.rate FROM fx f WHERE f.currency = c.currency AND c."occurredAt" >= f.valid_from AND c."occurredAt" < f.valid_to)`;
}

function campaignArtistCte(org: string): Prisma.Sql {
  return Prisma.sql`
    campaign_artist AS (
      SELECT DISTINCT ON (campaign) campaign, artist FROM (
        SELECT campaign, artist, sum(amount) AS spend FROM "MarketingSpend"
        WHERE "organizationId" = ${org} AND campaign IS NOT NULL AND artist IS NOT NULL
        GROUP BY campaign, artist
      ) spend_by_artist
      ORDER BY campaign, spend DESC, artist
    )`;
}

/** The grouping key of touchpoint alias `t` (campaign_artist alias `ca` when grouping by artist). */
export function touchKey(groupBy: GroupBy): Prisma.Sql {
  switch (groupBy) {
    case 'channel':
      return Prisma.sql`t.channel`;
    case 'campaign':
      return Prisma.sql`coalesce(t.campaign, ${NO_CAMPAIGN_KEY})`;
    case 'artist':
      return Prisma.sql`coalesce(ca.artist, ${UNASSIGNED_ARTIST_KEY})`;
  }
}

export function artistJoin(groupBy: GroupBy): Prisma.Sql {
  return groupBy === 'artist' ? Prisma.sql`LEFT JOIN campaign_artist ca ON ca.campaign = t.campaign` : Prisma.empty;
}

/**
 * CTE `journey`: one row per (conversion, touchpoint in its window), in time order with ties
 * broken by id (UUIDv7, so by import order); a conversion without touchpoints gets one row with
 * the key (direct) and `touches` 0. `relative_age` is seconds before the conversion counted from
 * its latest touch, which keeps the time-decay weights away from float underflow.
 */
export function journeyCte(scope: JourneyScope, options: { previousKey?: boolean } = {}): Prisma.Sql {
  const previousKey = options.previousKey ? Prisma.sql`, lag(${touchKey(scope.groupBy)}) OVER w AS previous_key` : Prisma.empty;
  return Prisma.sql`
    journey AS (
      SELECT conv.id AS conversion_id, conv."occurredAt" AS converted_at, conv.revenue, conv.first_purchase, t.id AS touch_id,
             CASE WHEN t.id IS NULL THEN ${DIRECT_KEY} ELSE ${touchKey(scope.groupBy)} END AS key,
             row_number() OVER w AS position,
             count(t.id) OVER w AS touches,
             extract(epoch FROM conv."occurredAt" - t."occurredAt")::float8
               - min(extract(epoch FROM conv."occurredAt" - t."occurredAt")::float8) OVER w AS relative_age
             ${previousKey}
      FROM conv
      LEFT JOIN "Touchpoint" t ON t."organizationId" = ${scope.organizationId} AND t."customerId" = conv."customerId"
        AND t."occurredAt" <= conv."occurredAt" AND t."occurredAt" >= conv."occurredAt" - make_interval(hours => ${scope.lookbackDays * 24}::int)
      ${artistJoin(scope.groupBy)}
      -- One window for every function (row_number and lag ignore the frame), so a single WindowAgg
      -- pass over one sort computes position, count, age and previous key.
      WINDOW w AS (PARTITION BY conv.id ORDER BY t."occurredAt", t.id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )`;
}
