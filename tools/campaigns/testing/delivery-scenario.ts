import type { PrismaClient } from '../../../db/generated/prisma/client.ts';

/**
 * A small, hand-computable world for the delivery definitions (DESIGN.md section 6), as of
 * 2026-11-20. Expected figures are worked out in delivery-scenario.md next to this file.
 */
export const AS_OF = '2026-11-20';

export const TRACKS = { nightDrive: '4uLU6hMCjMI75M1A2tKUQC', duet: '1aB2cD3eF4gH5iJ6kL7mN8', quiet: '9zY8xW7vU6tS5rQ4pO3nM2' } as const;

export interface DeliveryScenario {
  vendors: { clubRestricted: string; glenn: string; silentBob: string };
  placements: { nightDrive: string; duetClub: string; duetGlenn: string; quietBob: string; quietGlennToday: string; future: string };
  campaignId: string;
}

export async function buildDeliveryScenario(prisma: PrismaClient, organizationId: string): Promise<DeliveryScenario> {
  const vendor = (name: string, cost: number) => prisma.vendor.create({ data: { organizationId, name, costPer1kStreams: cost } });
  const clubRestricted = await vendor('Club Restricted', 2.5);
  const glenn = await vendor('Glenn Curates', 3);
  const silentBob = await vendor('Silent Bob', 1.5);
  await prisma.playlist.create({ data: { organizationId, vendorId: clubRestricted.id, name: 'GYM - TEMAZOS MOTIVACION 2025', spotifyPlaylistId: '37i9dQZF1DXexample0001', genres: ['dance'] } });
  await prisma.playlist.create({ data: { organizationId, vendorId: glenn.id, name: 'Late Night Techno', genres: ['techno'] } });
  const client = await prisma.client.create({ data: { organizationId, name: 'Example Artist Mgmt' } });
  const campaign = await prisma.campaignGroup.create({
    data: { organizationId, clientId: client.id, name: 'Autumn push', artistName: 'Example Artist', startDate: new Date('2026-11-01') },
  });
  const place = (track: string, vendorId: string, goal: number, daily: number, price: number, start: string, genre = 'dance') =>
    prisma.placement.create({
      data: {
        organizationId, campaignGroupId: campaign.id, vendorId, trackUrl: `https://open.spotify.com/track/${track}`, spotifyTrackId: track,
        goal, daily, price, startDate: new Date(start), genre,
      },
    });
  const placements = {
    nightDrive: (await place(TRACKS.nightDrive, clubRestricted.id, 20_000, 1_000, 100, '2026-11-01')).id,
    duetClub: (await place(TRACKS.duet, clubRestricted.id, 5_000, 500, 30, '2026-11-10')).id,
    duetGlenn: (await place(TRACKS.duet, glenn.id, 10_000, 1_000, 50, '2026-11-15', 'techno')).id,
    quietBob: (await place(TRACKS.quiet, silentBob.id, 10_000, 100, 40, '2026-11-01')).id,
    quietGlennToday: (await place(TRACKS.quiet, glenn.id, 3_000, 300, 20, '2026-11-20', 'techno')).id,
    future: (await place(TRACKS.nightDrive, clubRestricted.id, 50_000, 5_000, 500, '2026-12-01')).id,
  };
  const scrape = async (track: string, at: string, rows: Array<[string | null, string, string | null, number, number, number]>) => {
    const snapshot = await prisma.scrapeSnapshot.create({
      data: { organizationId, spotifyTrackId: track, scrapedAt: new Date(at), plays7d: 0, plays28d: 0, plays12m: 0 },
    });
    await prisma.campaignPlaylist.createMany({
      data: rows.map(([spotifyPlaylistId, name, curator, streams7d, streams28d, streams12m]) => ({
        organizationId, snapshotId: snapshot.id, spotifyTrackId: track, scrapedAt: new Date(at), spotifyPlaylistId, name, curator, streams7d, streams28d, streams12m,
      })),
    });
  };
  // Night Drive: registered by id; an unregistered playlist on a one-vendor song (auto-detected); Spotify's own (organic).
  await scrape(TRACKS.nightDrive, '2026-11-12T02:00:00Z', [
    ['37i9dQZF1DXexample0001', 'GYM - TEMAZOS MOTIVACION 2025', 'Club Restricted', 600, 2_000, 8_000],
  ]);
  await scrape(TRACKS.nightDrive, '2026-11-19T02:00:00Z', [
    ['37i9dQZF1DXexample0001', 'GYM - TEMAZOS MOTIVACION 2025', 'Club Restricted', 700, 2_800, 10_000],
    [null, 'Gym Hits 2026', 'Bob', 300, 1_200, 5_000],
    ['37i9dQZEVXcexample0002', 'Discover Weekly', 'Spotify', 2_000, 7_000, 7_000],
  ]);
  // A scrape after as_of must be ignored.
  await scrape(TRACKS.nightDrive, '2026-11-21T02:00:00Z', [['37i9dQZF1DXexample0001', 'GYM - TEMAZOS MOTIVACION 2025', 'Club Restricted', 9_000, 90_000, 99_999]]);
  // Duet: two vendors. Glenn's playlist matched by name (other case, no id); Club's by id; an unregistered one is organic.
  await scrape(TRACKS.duet, '2026-11-19T03:00:00Z', [
    [null, 'late night TECHNO', 'Glenn', 1_200, 1_400, 4_500],
    ['37i9dQZF1DXexample0001', 'GYM - TEMAZOS MOTIVACION 2025', 'Club Restricted', 300, 800, 3_000],
    [null, 'Random Mix', 'Someone', 100, 300, 600],
  ]);
  // Quiet: Silent Bob delivered nothing; Glenn's placement starts on as_of (nothing promised yet) but his playlist has streams.
  await scrape(TRACKS.quiet, '2026-11-18T03:00:00Z', [
    ['37i9dQZF1DXexample0009', 'Release Radar', 'Spotify', 50, 200, 900],
    [null, 'Late Night Techno', 'Glenn', 20, 280, 900],
  ]);
  return { vendors: { clubRestricted: clubRestricted.id, glenn: glenn.id, silentBob: silentBob.id }, placements, campaignId: campaign.id };
}
