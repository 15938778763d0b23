import type { Database } from '../../db/database.ts';
import { Random } from '../../db/seed/random.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';
import { planScrapeWorld, writeScrapeOrganization, type ScrapeWorld } from './scrape-world.ts';

/**
 * The world of the ingest bench (evals/bench/ingest.bench.ts), rebuilt for the delivery bench: the
 * scraper's files of scrape-world.ts (10,000 songs by default) with the vendors' registered playlists
 * and 100 campaigns of one client, loaded through ingest_scraped_data as the scraper's files would be.
 */
export const WORLD_FILES = 10_000;

/** Writes the organisation and ingests its files; returns who to call tools as, the client's and a campaign's ids, and the world. */
export async function buildIngestedWorld(database: Database, runner: ToolRunner, files = WORLD_FILES): Promise<{ principal: Principal; clientId: string; campaignId: string; world: ScrapeWorld }> {
  const world = planScrapeWorld(new Random('delivery-bench'), files);
  const { principal, clientId, campaignIds } = await writeScrapeOrganization(database, world, { name: 'Delivery bench', slug: `delivery-bench-${uuidV7().slice(-8)}` });
  await ingest(runner, principal, world.songs.map((song) => song.file));
  return { principal, clientId, campaignId: campaignIds[0]!, world };
}

/**
 * Gives every song of the world `weeks` earlier weekly scrapes, as a label scraping weekly has: the
 * same playlists with fewer 12-month streams, plus one registered playlist of the song's first vendor
 * that the later scrapes no longer list (so the history rule keeps it, flagged dropped).
 */
export async function ingestEarlierWeeks(runner: ToolRunner, principal: Principal, world: ScrapeWorld, weeks: number): Promise<void> {
  const vendors = new Map(world.vendors.map((vendor) => [vendor.id, vendor]));
  for (let week = 1; week <= weeks; week++) {
    const files = world.songs.map((song, index) => {
      const scrapedAt = new Date(Date.parse(song.body.scraped_at) - week * WEEK_MS).toISOString();
      const listed = new Set(song.body.playlists.map((row) => row.playlist_id));
      const lists = vendors.get(song.vendorIds[0]!)!.byId;
      const gone = lists[(index + week) % lists.length]!;
      const playlists = song.body.playlists.map((row) => ({ ...row, streams_12m: Math.round((row.streams_12m * (20 - week)) / 20) }));
      if (!listed.has(gone.spotifyId)) {
        playlists.push({ playlist_id: gone.spotifyId, name: gone.name, curator: gone.curator, streams_7d: 100, streams_28d: 400, streams_12m: 5000 * week, date_added: '2026-06-01' });
      }
      const body = { ...song.body, scraped_at: scrapedAt, playlists };
      return { name: `song_${body.track_id}_${scrapedAt.replace(/[-:]|\.\d+/g, '')}.json`, content: JSON.stringify(body) };
    });
    await ingest(runner, principal, files);
  }
}

const WEEK_MS = 7 * 86_400_000;

async function ingest(runner: ToolRunner, principal: Principal, files: Array<{ name: string; content: string }>): Promise<void> {
  const result = await runner.call('ingest_scraped_data', { files }, principal);
  if (!result.ok) throw new Error(`ingest failed: ${JSON.stringify(result.error)}`);
}
