import { Prisma } from '../../db/generated/prisma/client.ts';
import { NO_CAMPAIGN_KEY, UNASSIGNED_ARTIST_KEY } from '../common/channel-name.ts';
import { isoDay } from '../common/format.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';
import { spendFx } from './spend-fx.ts';

export type SpendKey = 'channel' | 'campaign' | 'artist';

export interface KeySpend {
  key: string;
  spend: number;
  impressions: number | null;
  clicks: number | null;
  /**
   * Delivery ratios only use rows that report their denominator: spend of rows with impressions
   * (CPM), spend of rows with clicks (CPC), and clicks and impressions of rows with both (CTR).
   */
  spendWithImpressions: number;
  spendWithClicks: number;
  clicksWithImpressions: number;
  impressionsWithClicks: number;
}

const SPEND_KEY: Record<SpendKey, Prisma.Sql> = {
  channel: Prisma.sql`s.channel`,
  campaign: Prisma.sql`coalesce(s.campaign, ${NO_CAMPAIGN_KEY})`,
  artist: Prisma.sql`coalesce(s.artist, ${UNASSIGNED_ARTIST_KEY})`,
};

/**
 * Marketing spend per key over calendar days `from`..`to` (inclusive), in the base currency at each
 * day's rate (spendFx, as for the daily series); used by ROAS, weekly stats and lift alike; impressions
 * and clicks summed where the rows have them (null when none do).
 */
export async function spendByKey(
  db: ToolDb,
  org: { id: string; baseCurrency: string; timeZone: string },
  groupBy: SpendKey,
  from: Date,
  to: Date,
): Promise<KeySpend[]> {
  const fx = await spendFx(db, org, from, to);
  const rows = await db.$queryRaw<Array<{
    key: string; spend: number; impressions: bigint | number | null; clicks: bigint | number | null;
    spend_with_impressions: number | null; spend_with_clicks: number | null; clicks_with_impressions: bigint | number | null; impressions_with_clicks: bigint | number | null;
  }>>`
    WITH fx AS (${fx.table})
    SELECT ${SPEND_KEY[groupBy]} AS key, sum(s.amount::float8 * fx.rate)::float8 AS spend, sum(s.impressions) AS impressions, sum(s.clicks) AS clicks,
           sum(s.amount::float8 * fx.rate) FILTER (WHERE s.impressions IS NOT NULL) AS spend_with_impressions,
           sum(s.amount::float8 * fx.rate) FILTER (WHERE s.clicks IS NOT NULL) AS spend_with_clicks,
           sum(s.clicks) FILTER (WHERE s.impressions IS NOT NULL) AS clicks_with_impressions,
           sum(s.impressions) FILTER (WHERE s.clicks IS NOT NULL) AS impressions_with_clicks
    FROM "MarketingSpend" s
    JOIN fx ON ${fx.joinOn}
    WHERE s."organizationId" = ${org.id} AND s.date >= ${isoDay(from)}::date AND s.date <= ${isoDay(to)}::date
    GROUP BY 1`;
  return rows.map((row) => ({
    key: row.key,
    spend: Number(row.spend),
    impressions: row.impressions === null ? null : Number(row.impressions),
    clicks: row.clicks === null ? null : Number(row.clicks),
    spendWithImpressions: Number(row.spend_with_impressions ?? 0),
    spendWithClicks: Number(row.spend_with_clicks ?? 0),
    clicksWithImpressions: Number(row.clicks_with_impressions ?? 0),
    impressionsWithClicks: Number(row.impressions_with_clicks ?? 0),
  }));
}
