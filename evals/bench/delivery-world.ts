import type { Database } from '../../db/database.ts';
import { Random } from '../../db/seed/random.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';
import { planScrapeWorld, writeScrapeOrganization } from './scrape-world.ts';

/**
 * The world of the ingest bench (evals/bench/ingest.bench.ts), rebuilt for the delivery bench: the
 * scraper's files of scrape-world.ts (10,000 songs by default) with the vendors' registered playlists
 * and 100 campaigns of one client, loaded through ingest_scraped_data as the scraper's files would be.
 */
export const WORLD_FILES = 10_000;

/** Writes the organisation and ingests its files; returns who to call tools as and the client's and a campaign's ids. */
export async function buildIngestedWorld(database: Database, runner: ToolRunner, files = WORLD_FILES): Promise<{ principal: Principal; clientId: string; campaignId: string }> {
  const world = planScrapeWorld(new Random('delivery-bench'), files);
  const { principal, clientId, campaignIds } = await writeScrapeOrganization(database, world, { name: 'Delivery bench', slug: `delivery-bench-${uuidV7().slice(-8)}` });
  const result = await runner.call('ingest_scraped_data', { files: world.songs.map((song) => song.file) }, principal);
  if (!result.ok) throw new Error(`ingest failed: ${JSON.stringify(result.error)}`);
  return { principal, clientId, campaignId: campaignIds[0]! };
}
