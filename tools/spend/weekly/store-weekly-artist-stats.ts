import { money } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { WeeklyArtistStats } from './weekly-artist-stats.ts';

/**
 * Stores (or refreshes) a week's WeeklyArtistStats rows, one per artist active that week:
 * `revenue` holds the estimated earnings. Rows of artists no longer active that week (after a
 * corrected import) are removed, so the table always equals a fresh computation. For the weekly
 * job; call it inside a transaction. Filters by `organizationId` itself, so it is safe on an unscoped client too.
 */
export async function storeWeeklyArtistStats(db: ToolDb, organizationId: string, stats: WeeklyArtistStats, computedAt: Date): Promise<number> {
  const active = stats.artists.filter(({ current }) => current.streams > 0 || current.spend > 0);
  await db.weeklyArtistStats.deleteMany({ where: { organizationId, weekStart: stats.week.start, artist: { notIn: active.map(({ artist }) => artist) } } });
  for (const { artist, current } of active) {
    const figures = { streams: BigInt(current.streams), spend: money(current.spend).toFixed(2), revenue: money(current.estimatedEarnings).toFixed(2), currency: stats.currency, computedAt };
    await db.weeklyArtistStats.upsert({
      where: { organizationId_artist_weekStart: { organizationId, artist, weekStart: stats.week.start } },
      create: { organizationId, artist, weekStart: stats.week.start, ...figures },
      update: figures,
    });
  }
  return active.length;
}
