import { AD_PLATFORMS } from '../ads/connectors/ad-connector.ts';
import { isoDay } from '../common/format.ts';
import type { ToolContext } from '../registry/context.ts';

/** The sources an ad sync writes spend under: the account's platform, or bigquery for a warehouse export. */
const SYNCED_SOURCES: readonly string[] = [...AD_PLATFORMS, 'bigquery'];

/**
 * Spend rows entered by hand for a channel and day that an ad account's sync also wrote:
 * reports add both, so the day's spend counts twice. One sentence per channel, naming the days.
 * Raw SQL is not tenant-scoped: it names the organisation, and every value is a parameter.
 */
export async function syncedSpendOverlap(ctx: Pick<ToolContext, 'db' | 'orgId'>, rows: ReadonlyArray<{ date: Date; channel: string }>): Promise<string[]> {
  const pairs = new Map<string, { date: string; channel: string }>();
  for (const row of rows) pairs.set(`${isoDay(row.date)}\u0000${row.channel}`, { date: isoDay(row.date), channel: row.channel });
  if (pairs.size === 0) return [];
  const wanted = [...pairs.values()];
  const overlaps = await ctx.db.$queryRaw<Array<{ channel: string; first: Date; last: Date; days: number; sources: string[] }>>`
    SELECT s.channel, min(s.date) AS first, max(s.date) AS last, count(DISTINCT s.date)::int AS days, array_agg(DISTINCT s.source ORDER BY s.source) AS sources
    FROM "MarketingSpend" s
    JOIN unnest(${wanted.map((pair) => pair.date)}::date[], ${wanted.map((pair) => pair.channel)}::text[]) AS f(date, channel)
      ON f.date = s.date AND f.channel = s.channel
    WHERE s."organizationId" = ${ctx.orgId} AND s.source = ANY(${SYNCED_SOURCES}::text[])
    GROUP BY s.channel
    ORDER BY s.channel`;
  return overlaps.map((overlap) => {
    const span = overlap.days === 1 ? isoDay(overlap.first) : `${overlap.days} days between ${isoDay(overlap.first)} and ${isoDay(overlap.last)}`;
    return `${overlap.channel} spend on ${span} is also synced from an ad account (${overlap.sources.join(', ')}): reports add both, so those days count twice. Import spend only for channels no account syncs.`;
  });
}
