import type { Database } from '../db/database.ts';
import { seedDemoOrganization, type SeedDemoOptions, type SeedSummary } from '../db/seed/seed-demo.ts';
import { refreshPlaylistAverages } from '../tools/campaigns/ingest/scrape-store.ts';
import type { ToolDb } from '../tools/registry/tenant-scope.ts';

/**
 * Seeds the demo organisation, then derives what the importers would have derived from the same
 * scrapes (playlist averages), and refreshes planner statistics after the bulk load.
 */
export async function seedDemoData(database: Database, options: SeedDemoOptions): Promise<SeedSummary> {
  const summary = await seedDemoOrganization(database, options);
  const songs = await database.prisma.scrapeSnapshot.findMany({
    where: { organizationId: summary.organizationId },
    select: { spotifyTrackId: true },
    distinct: ['spotifyTrackId'],
  });
  await refreshPlaylistAverages(database.prisma as unknown as ToolDb, summary.organizationId, songs.map((song) => song.spotifyTrackId), new Date());
  await database.sql.exec('ANALYZE');
  return summary;
}
