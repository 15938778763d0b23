import type { Database } from '../db/database.ts';
import { seedDemoOrganization, type SeedDemoOptions, type SeedSummary } from '../db/seed/seed-demo.ts';
import { refreshPlaylistAverages } from '../tools/campaigns/ingest/scrape-store.ts';
import type { ToolDb } from '../tools/registry/tenant-scope.ts';
import { payDemoCreator } from '../db/seed/creators-payment.ts';
import { seedDemoApprovals, type DemoApproval } from './demo-approvals.ts';

export interface DemoDataSummary extends SeedSummary {
  /** The approvals inbox the demo starts with (pending requests and a little history). */
  approvals: DemoApproval[];
}

/**
 * Seeds the demo organisation, then derives what the importers would have derived from the same
 * scrapes (playlist averages), refreshes planner statistics after the bulk load, and files the
 * demo's approval requests (and one paid creator) through the tools (which read those averages and statistics).
 */
export async function seedDemoData(database: Database, options: SeedDemoOptions): Promise<DemoDataSummary> {
  const summary = await seedDemoOrganization(database, options);
  const songs = await database.prisma.scrapeSnapshot.findMany({
    where: { organizationId: summary.organizationId },
    select: { spotifyTrackId: true },
    distinct: ['spotifyTrackId'],
  });
  await refreshPlaylistAverages(database.prisma as unknown as ToolDb, summary.organizationId, songs.map((song) => song.spotifyTrackId), new Date());
  await database.sql.exec('ANALYZE');
  const approvals = await seedDemoApprovals(database, summary.organizationId, options.today ?? new Date());
  // After the inbox: it is skipped once any approval request exists, and this one is executed history.
  await payDemoCreator(database, summary.organizationId, options.today ?? new Date());
  return { ...summary, approvals };
}
