import type { Database } from '../../db/database.ts';
import { BulkWriter, bulkTable } from '../../db/bulk/bulk-writer.ts';
import { Random } from '../../db/seed/random.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';

/**
 * The world of the ingest bench (evals/bench/ingest.bench.ts), rebuilt for the delivery bench: 40
 * vendors with playlists registered by id and by name and some unregistered, 100 campaigns of one
 * client, 10,000 songs placed with one vendor (85%) or two, each scraped once on ~20 playlists
 * (by id, by name, unregistered, Spotify editorial, on two-vendor songs one nobody claims), loaded
 * through ingest_scraped_data as the scraper's files would be.
 */
export const WORLD_FILES = 10_000;
const VENDORS = 40;
const CAMPAIGNS = 100;
const SCRAPED_FROM = Date.parse('2026-11-19T00:00:00Z');

interface PlannedList { name: string; spotifyId: string; curator: string }
interface PlannedVendor { id: string; name: string; byId: PlannedList[]; byName: PlannedList[]; unregistered: PlannedList[] }
interface PlannedSong { trackId: string; vendorIds: string[]; file: { name: string; content: string } }

const placementTable = bulkTable('Placement', {
  id: 'text', organizationId: 'text', campaignGroupId: 'text', vendorId: 'text', trackUrl: 'text', spotifyTrackId: 'text', songName: 'text',
  goal: 'int', daily: 'int', price: 'numeric', currency: 'text', genre: 'text', startDate: 'date', updatedAt: 'timestamptz',
});

/** Writes the organisation and ingests its files; returns who to call tools as and the client's and a campaign's ids. */
export async function buildIngestedWorld(database: Database, runner: ToolRunner, files = WORLD_FILES): Promise<{ principal: Principal; clientId: string; campaignId: string }> {
  const random = new Random('delivery-bench');
  const vendors = planVendors(random);
  const songs = planSongs(random, vendors, files);
  const { principal, clientId, campaignIds } = await writeOrganization(database, vendors, songs);
  const result = await runner.call('ingest_scraped_data', { files: songs.map((song) => song.file) }, principal);
  if (!result.ok) throw new Error(`ingest failed: ${JSON.stringify(result.error)}`);
  return { principal, clientId, campaignId: campaignIds[0]! };
}

function planVendors(random: Random): PlannedVendor[] {
  const list = (name: string, curator: string): PlannedList => ({ name, spotifyId: random.base62(22), curator });
  return Array.from({ length: VENDORS }, (_, v): PlannedVendor => {
    const name = `Bench Vendor ${v}`;
    return {
      id: uuidV7(), name,
      byId: Array.from({ length: 16 }, (_, k) => list(`${name} Hits ${k}`, name)),
      byName: Array.from({ length: 6 }, (_, k) => list(`${name} Mix ${k}`, name)),
      unregistered: Array.from({ length: 4 }, (_, k) => list(`${name} Hidden ${k}`, name)),
    };
  });
}

function planSongs(random: Random, vendors: PlannedVendor[], files: number): PlannedSong[] {
  const list = (name: string, curator: string): PlannedList => ({ name, spotifyId: random.base62(22), curator });
  const editorial = Array.from({ length: 30 }, (_, k) => list(`Editorial ${k}`, 'Spotify'));
  return Array.from({ length: files }, (_, index): PlannedSong => {
    const trackId = random.base62(22);
    const placed = random.sample(vendors, random.chance(0.85) ? 1 : 2);
    const share = (count: number) => Math.max(1, Math.round(count / placed.length));
    const rows = [
      ...placed.flatMap((vendor) => [
        ...random.sample(vendor.byId, share(10)),
        ...random.sample(vendor.byName, share(3)).map((playlist) => ({ ...playlist, name: playlist.name.toUpperCase() })),
        ...random.sample(vendor.unregistered, share(2)),
      ]),
      ...random.sample(editorial, 4),
      ...(placed.length > 1 ? [list(`Fans of ${trackId}`, 'someone')] : []),
    ].map((playlist) => {
      const streams28d = random.int(200, 40_000);
      return {
        playlist_id: playlist.spotifyId, name: playlist.name, curator: playlist.curator, streams_7d: Math.round(streams28d / 4), streams_28d: streams28d,
        streams_12m: streams28d * random.int(3, 10), date_added: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      };
    });
    const scrapedAt = new Date(SCRAPED_FROM + index * 1000).toISOString();
    const plays28d = rows.reduce((sum, row) => sum + row.streams_28d, 0) * 2;
    const body = {
      track_id: trackId, scraped_at: scrapedAt, track_name: `Song ${index}`, artist_name: `Artist ${index % 500}`,
      plays: { last_7d: Math.round(plays28d / 4), last_28d: plays28d, last_12m: plays28d * 6 }, saves: Math.round(plays28d / 20), playlists: rows,
    };
    const name = `song_${trackId}_${scrapedAt.replace(/[-:]|\.\d+/g, '')}.json`;
    return { trackId, vendorIds: placed.map((vendor) => vendor.id), file: { name, content: JSON.stringify(body) } };
  });
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
        id: uuidV7(), organizationId, campaignGroupId: campaignIds[index % CAMPAIGNS]!, vendorId, trackUrl: `https://open.spotify.com/track/${song.trackId}`,
        spotifyTrackId: song.trackId, songName: `Song ${index}`, goal: 50_000, daily: 800, price: '250', currency: 'USD', genre: 'dance',
        startDate: new Date('2026-09-01'), updatedAt: new Date('2026-11-21T00:00:00Z'),
      });
    }
  });
  await writer.finish();
  const principal: Principal = { orgId: organizationId, userId: organization.owner.id, role: 'OWNER', surface: 'CLI' };
  return { principal, clientId: client.id, campaignIds };
}
