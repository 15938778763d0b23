import { BulkWriter, bulkTable } from '../../db/bulk/bulk-writer.ts';
import type { Database } from '../../db/database.ts';
import type { Random } from '../../db/seed/random.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import type { Principal } from '../../tools/registry/runner.ts';

/**
 * The scraper's files of a busy label, shared by the ingest and delivery benches: 40 vendors with
 * playlists registered by Spotify id, by name only, and unregistered ones (auto-detected on
 * single-vendor songs); songs placed with one vendor (85%) or two, each scraped once, on ~20
 * playlists: ~10 matched by id, ~3 by name, ~2 unregistered, ~4 Spotify editorial, and on two-vendor
 * songs one nobody claims. The same seed gives the same world.
 */
const VENDORS = 40;
const CAMPAIGNS = 100;
const SCRAPED_FROM = Date.parse('2026-11-19T00:00:00Z');

export interface PlannedList { name: string; spotifyId: string; curator: string }
export interface PlannedVendor { id: string; name: string; byId: PlannedList[]; byName: PlannedList[]; unregistered: PlannedList[] }
export interface ScrapeRow { playlist_id: string; name: string; curator: string; streams_7d: number; streams_28d: number; streams_12m: number; date_added: string }
export interface ScrapeBody { track_id: string; scraped_at: string; track_name: string; artist_name: string; plays: { last_7d: number; last_28d: number; last_12m: number }; saves: number; playlists: ScrapeRow[] }
export interface PlannedSong { vendorIds: string[]; body: ScrapeBody; file: { name: string; content: string } }
export interface ScrapeWorld { vendors: PlannedVendor[]; songs: PlannedSong[] }

export function planScrapeWorld(random: Random, files: number): ScrapeWorld {
  const list = (name: string, curator: string): PlannedList => ({ name, spotifyId: random.base62(22), curator });
  const vendors = Array.from({ length: VENDORS }, (_, v): PlannedVendor => {
    const name = `Bench Vendor ${v}`;
    return {
      id: uuidV7(), name,
      byId: Array.from({ length: 16 }, (_, k) => list(`${name} Hits ${k}`, name)),
      byName: Array.from({ length: 6 }, (_, k) => list(`${name} Mix ${k}`, name)),
      unregistered: Array.from({ length: 4 }, (_, k) => list(`${name} Hidden ${k}`, name)),
    };
  });
  const editorial = Array.from({ length: 30 }, (_, k) => list(`Editorial ${k}`, 'Spotify'));
  const songs = Array.from({ length: files }, (_, index): PlannedSong => {
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
    ].map((playlist): ScrapeRow => {
      const streams28d = random.int(200, 40_000);
      return {
        playlist_id: playlist.spotifyId, name: playlist.name, curator: playlist.curator, streams_7d: Math.round(streams28d / 4), streams_28d: streams28d,
        streams_12m: streams28d * random.int(3, 10), date_added: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      };
    });
    const scrapedAt = new Date(SCRAPED_FROM + index * 1000).toISOString();
    const plays28d = rows.reduce((sum, row) => sum + row.streams_28d, 0) * 2;
    const body: ScrapeBody = {
      track_id: trackId, scraped_at: scrapedAt, track_name: `Song ${index}`, artist_name: `Artist ${index % 500}`,
      plays: { last_7d: Math.round(plays28d / 4), last_28d: plays28d, last_12m: plays28d * 6 }, saves: Math.round(plays28d / 20), playlists: rows,
    };
    const name = `song_${trackId}_${scrapedAt.replace(/[-:]|\.\d+/g, '')}.json`;
    return { vendorIds: placed.map((vendor) => vendor.id), body, file: { name, content: JSON.stringify(body) } };
  });
  return { vendors, songs };
}

const placementTable = bulkTable('Placement', {
  id: 'text', organizationId: 'text', campaignGroupId: 'text', vendorId: 'text', trackUrl: 'text', spotifyTrackId: 'text', songName: 'text',
  goal: 'int', daily: 'int', price: 'numeric', currency: 'text', genre: 'text', startDate: 'date', updatedAt: 'timestamptz',
});

/**
 * The organisation the files belong to: the vendors and their registered playlists, one client with
 * 100 campaigns, and each song's placements (song i in campaign i mod 100). Returns who to call tools as.
 */
export async function writeScrapeOrganization(database: Database, world: ScrapeWorld, organization: { name: string; slug: string }): Promise<{ principal: Principal; clientId: string; campaignIds: string[] }> {
  const { prisma } = database;
  const { id: organizationId, owner } = await createOrganization(prisma, organization);
  await prisma.vendor.createMany({ data: world.vendors.map(({ id, name }) => ({ id, organizationId, name, costPer1kStreams: 2.5 })) });
  await prisma.playlist.createMany({
    data: world.vendors.flatMap((vendor) => [
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
  world.songs.forEach((song, index) => {
    for (const vendorId of song.vendorIds) {
      writer.add(placementTable, {
        organizationId, campaignGroupId: campaignIds[index % CAMPAIGNS]!, vendorId, trackUrl: `https://open.spotify.com/track/${song.body.track_id}`,
        spotifyTrackId: song.body.track_id, songName: song.body.track_name, goal: 50_000, daily: 800, price: '250', currency: 'USD', genre: 'dance',
        startDate: new Date('2026-09-01'), updatedAt: new Date('2026-11-21T00:00:00Z'),
      });
    }
  });
  await writer.finish();
  return { principal: { orgId: organizationId, userId: owner.id, role: 'OWNER', surface: 'CLI' }, clientId: client.id, campaignIds };
}
