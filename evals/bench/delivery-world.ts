import type { Database } from '../../db/database.ts';
import { BulkWriter, bulkTable } from '../../db/bulk/bulk-writer.ts';
import { Random } from '../../db/seed/random.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';
import { planScrapeWorld, type PlannedSong, type PlannedVendor } from './scrape-world.ts';

/**
 * The world of the ingest bench (evals/bench/ingest.bench.ts), rebuilt for the delivery bench: the
 * scraper's files of scrape-world.ts (10,000 songs by default) with the vendors' registered playlists
 * and 100 campaigns of one client, loaded through ingest_scraped_data as the scraper's files would be.
 */
export const WORLD_FILES = 10_000;
const CAMPAIGNS = 100;

const placementTable = bulkTable('Placement', {
  id: 'text', organizationId: 'text', campaignGroupId: 'text', vendorId: 'text', trackUrl: 'text', spotifyTrackId: 'text', songName: 'text',
  goal: 'int', daily: 'int', price: 'numeric', currency: 'text', genre: 'text', startDate: 'date', updatedAt: 'timestamptz',
});

/** Writes the organisation and ingests its files; returns who to call tools as and the client's and a campaign's ids. */
export async function buildIngestedWorld(database: Database, runner: ToolRunner, files = WORLD_FILES): Promise<{ principal: Principal; clientId: string; campaignId: string }> {
  const { vendors, songs } = planScrapeWorld(new Random('delivery-bench'), files);
  const { principal, clientId, campaignIds } = await writeOrganization(database, vendors, songs);
  const result = await runner.call('ingest_scraped_data', { files: songs.map((song) => song.file) }, principal);
  if (!result.ok) throw new Error(`ingest failed: ${JSON.stringify(result.error)}`);
  return { principal, clientId, campaignId: campaignIds[0]! };
}

async function writeOrganization(database: Database, vendors: PlannedVendor[], songs: PlannedSong[]) {
  const { prisma } = database;
  const organization = await createOrganization(prisma, { name: 'Delivery bench', slug: `delivery-bench-${uuidV7().slice(-8)}` });
  const organizationId = organization.id;
  await prisma.vendor.createMany({ data: vendors.map(({ id, name }) => ({ id, organizationId, name, costPer1kStreams: 2.5 })) });
  await prisma.playlist.createMany({
    data: vendors.flatMap((vendor) => [
      ...vendor.byId.map((playlist) => ({ organizationId, vendorId: vendor.id, name: playlist.name, spotifyPlaylistId: playlist.spotifyId, curator: playlist.curator })),
      ...vendor.byName.map((playlist) => ({ organizationId, vendorId: vendor.id, name: playlist.name, curator: playlist.curator })),
    ]),
  });
  const client = await prisma.client.create({ data: { organizationId, name: 'Bench Label' } });
  const campaignIds = Array.from({ length: CAMPAIGNS }, () => uuidV7());
  await prisma.campaignGroup.createMany({
    data: campaignIds.map((id, index) => ({ id, organizationId, clientId: client.id, name: `Campaign ${index}`, artistName: `Artist ${index}`, startDate: new Date('2026-09-01') })),
  });
  const writer = new BulkWriter(prisma);
  songs.forEach((song, index) => {
    for (const vendorId of song.vendorIds) {
      writer.add(placementTable, {
        id: uuidV7(), organizationId, campaignGroupId: campaignIds[index % CAMPAIGNS]!, vendorId, trackUrl: `https://open.spotify.com/track/${song.body.track_id}`,
        spotifyTrackId: song.body.track_id, songName: `Song ${index}`, goal: 50_000, daily: 800, price: '250', currency: 'USD', genre: 'dance',
        startDate: new Date('2026-09-01'), updatedAt: new Date('2026-11-21T00:00:00Z'),
      });
    }
  });
  await writer.finish();
  const principal: Principal = { orgId: organizationId, userId: organization.owner.id, role: 'OWNER', surface: 'CLI' };
  return { principal, clientId: client.id, campaignIds };
}
