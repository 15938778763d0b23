import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

/**
 * Which playlists count as left between a song's previous scrape and its latest: a listing is keyed
 * by its Spotify id, else by its name (trimmed, any case), and the database only narrows the rows
 * down before that key is applied. Song S has one vendor (every playlist is credited to it).
 *   03-01: P1 "Alpha Prime", " Beta Mix" (no id), G1 "Gamma", "Delta Hits" (no id), id "epsilon", "Zeta" (no id)
 *   03-05: P1 "Alpha Prime (2026 edit)", "beta mix" (no id), "EPSILON" (no id), id "zeta"
 *   03-08: nothing (after as_of)
 * As of 03-06, Gamma and Delta Hits left; the others are listed under the same key.
 */
const SONG = 'LeftPlaylistsSongTrack'.padEnd(22, '1');
const LONE = 'LeftPlaylistsLoneTrack'.padEnd(22, '2');

interface Row { name: string; spotifyPlaylistId?: string; streams28d?: number }

describe('campaign_alerts: playlists a song left since its previous scrape', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  async function scrape(track: string, scrapedAt: string, rows: Row[]): Promise<void> {
    const snapshot = await database.prisma.scrapeSnapshot.create({
      data: { organizationId: org.id, spotifyTrackId: track, scrapedAt: new Date(scrapedAt), plays7d: 0, plays28d: 0, plays12m: 0 },
    });
    await database.prisma.campaignPlaylist.createMany({
      data: rows.map((row) => ({
        organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: track, scrapedAt: snapshot.scrapedAt, name: row.name,
        spotifyPlaylistId: row.spotifyPlaylistId ?? null, curator: 'Someone', streams7d: 1, streams28d: row.streams28d ?? 10, streams12m: 100,
      })),
    });
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('left-playlists'));
    const vendor = await database.prisma.vendor.create({ data: { organizationId: org.id, name: 'Alpha Promo', costPer1kStreams: 2 } });
    const client = await database.prisma.client.create({ data: { organizationId: org.id, name: 'Client' } });
    const campaign = await database.prisma.campaignGroup.create({
      data: { organizationId: org.id, clientId: client.id, name: 'Spring', artistName: 'Artist', startDate: new Date('2026-03-01') },
    });
    for (const track of [SONG, LONE]) {
      await database.prisma.placement.create({
        data: {
          organizationId: org.id, campaignGroupId: campaign.id, vendorId: vendor.id, trackUrl: `https://open.spotify.com/track/${track}`,
          spotifyTrackId: track, goal: 1_000, daily: 1, price: 10, startDate: new Date('2026-03-01'),
        },
      });
    }
    await scrape(SONG, '2026-03-01T10:00:00Z', [
      { name: 'Alpha Prime', spotifyPlaylistId: 'LeftPlaylistsPrimeId01' },
      { name: ' Beta Mix' },
      { name: 'Gamma', spotifyPlaylistId: 'LeftPlaylistsGammaId01', streams28d: 50 },
      { name: 'Delta Hits', streams28d: 20 },
      { name: 'Epsilon', spotifyPlaylistId: 'epsilon' },
      { name: 'Zeta' },
    ]);
    await scrape(SONG, '2026-03-05T10:00:00Z', [
      { name: 'Alpha Prime (2026 edit)', spotifyPlaylistId: 'LeftPlaylistsPrimeId01' },
      { name: 'beta mix' },
      { name: 'EPSILON' },
      { name: 'Zeta Radio', spotifyPlaylistId: 'zeta' },
    ]);
    await scrape(SONG, '2026-03-08T10:00:00Z', []);
    await scrape(LONE, '2026-03-05T10:00:00Z', [{ name: 'Only Once' }]);
  });
  afterAll(async () => { await database.close(); });

  async function leftPlaylists(asOf: string): Promise<Array<{ track_id: string; playlist_name: string; message: string }>> {
    const result = await runner.call('campaign_alerts', { as_of: asOf }, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    return (result.output as { alerts: Array<{ type: string; track_id: string; playlist_name: string; message: string }> }).alerts
      .filter((alert) => alert.type === 'dropped_from_playlist');
  }

  it('names the playlists no longer listed under their key, most 28-day streams first, and ignores scrapes after as_of', async () => {
    const left = await leftPlaylists('2026-03-06');
    expect(left.map((alert) => [alert.track_id, alert.playlist_name])).toEqual([[SONG, 'Gamma'], [SONG, 'Delta Hits']]);
    expect(left[0]!.message).toBe(`"${SONG}" left Alpha Promo's playlist "Gamma" between the scrapes of 2026-03-01 and 2026-03-05.`);
  });

  it('compares nothing before a song has two scrapes', async () => {
    expect(await leftPlaylists('2026-03-04')).toEqual([]);
  });
});
