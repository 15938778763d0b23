import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

/**
 * A hand-built scrape, figures worked out by hand (DESIGN.md section 6), as of 2026-03-11:
 *
 * Campaign "Night Drive push" (budget 1000 USD), three placements:
 *   P1 song T1 with Alpha  goal 10000 daily 500 price 200 start 03-01: 10 days -> promised min(10000, 5000) = 5000
 *   P2 song T1 with Beta   goal  5000 daily 250 price 150 start 03-05:  6 days -> promised min(5000, 1500)  = 1500
 *   P3 song T2 with Alpha  goal  4000 daily 100 price 100 start 03-01: 10 days -> promised min(4000, 1000)  = 1000
 * T1's latest scrape on or before 03-11 is 03-10 (03-05 is older, 03-12 is after as_of):
 *   Alpha Dance (Alpha by Spotify id)  7d 700 28d 2500 12m 3000 -> P1
 *   BETA CHILL  (Beta by name)         7d 300 28d  900 12m 1200 -> P2
 *   Dance Rising (curator Spotify)     12m 9000                 -> Spotify (organic)
 *   Random Fan List (unregistered; T1 has two vendors)   12m 50 -> organic
 * T2 (03-09): Alpha Dance 7d 200 28d 600 12m 800 -> P3; Alpha Deep (unregistered, T2 has one vendor)
 *   7d 100 28d 300 12m 400 -> auto-detected, P3; Chill Vibes (curator Spotify) 12m 1000 -> Spotify.
 * Delivered: P1 3000, P2 1200, P3 1200 = 5400. Remaining 7000 + 3800 + 2800 = 13600 of goal 19000:
 *   progress 1 - 13600/19000 = 0.28421. Delivery rates 0.6, 0.8, 1.2; campaign 5400/7500 = 0.72.
 * Alpha: delivered 4200, promised 6000 (0.7), spent 300 -> real 300/4.2 = 71.43 per 1k; contract 300/14 = 21.43.
 * Beta: delivered 1200, promised 1500 (0.8), spent 150 -> real 125.00; contract 150/5 = 30.00.
 * Totals: real 450/5.4 = 83.33; contract 450/19 = 23.68; promised (2x10000 + 3x5000 + 2x4000)/19000 = 2.26.
 *
 * The songs' own plays (every source) beside what the vendors delivered:
 *   T1 (03-10) plays 7d 9000, 28d 20000, 12m 30000, saves 700, adds 12; vendors' 28d 2500 + 900 = 3400 (Dance Rising,
 *     Spotify's, and Random Fan List, organic, are part of the plays, not of the vendors').
 *   T2 (03-09) plays 7d 2000, 28d 5000, 12m 8000, saves 150, adds 3; vendors' 28d 600 + 300 = 900.
 *   Campaign: real streams 7d 11000, 28d 25000; vendors' 7d 700 + 300 + 200 + 100 = 1300, 28d 4300.
 *   Client Nightfall (T1, T2, and T3 never scraped): streams delivered = 20000 + 5000 = 25000 28-day plays; vendors 5400.
 * Live promise: daily 500 + 250 + 100 = 850, weekly 850 x 7 = 5950.
 */
const T1 = 'NightDriveTrack'.padEnd(22, '1');
const T2 = 'MorningRunTrack'.padEnd(22, '2');
const T3 = 'NeverScrapedSong'.padEnd(22, '3');
const ALPHA_DANCE = 'AlphaDancePlaylist'.padEnd(22, 'a');
const AS_OF = '2026-03-11';

interface Plays { plays7d: number; plays28d: number; plays12m: number; saves?: number; playlistAdds?: number }
const NO_PLAYS: Plays = { plays7d: 0, plays28d: 0, plays12m: 0 };

interface Scraped { name: string; spotifyPlaylistId?: string; curator?: string; streams7d: number; streams28d: number; streams12m: number; dateAdded?: string }

describe('campaign figures on a hand-built scrape', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const ids: Record<string, string> = {};

  async function scrape(trackId: string, scrapedAt: string, playlists: Scraped[], plays = NO_PLAYS) {
    const snapshot = await database.prisma.scrapeSnapshot.create({
      data: { organizationId: org.id, spotifyTrackId: trackId, scrapedAt: new Date(scrapedAt), ...plays },
    });
    await database.prisma.campaignPlaylist.createMany({
      data: playlists.map((playlist) => ({
        organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: trackId, scrapedAt: snapshot.scrapedAt, name: playlist.name,
        spotifyPlaylistId: playlist.spotifyPlaylistId ?? null, curator: playlist.curator ?? null, streams7d: playlist.streams7d,
        streams28d: playlist.streams28d, streams12m: playlist.streams12m, dateAdded: playlist.dateAdded ? new Date(playlist.dateAdded) : null,
      })),
    });
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('figures'));
    owner = caller(runner, () => org.as('OWNER'));
    ids.client = (await owner.ok<{ id: string }>('create_client', { name: 'Nightfall Records' })).id;
    ids.idle = (await owner.ok<{ id: string }>('create_client', { name: 'Idle Label' })).id;
    ids.alpha = (await owner.ok<{ id: string }>('create_vendor', { name: 'Alpha Promo', cost_per_1k_streams: 2 })).id;
    ids.beta = (await owner.ok<{ id: string }>('create_vendor', { name: 'Beta Playlists', cost_per_1k_streams: 3 })).id;
    await owner.ok('add_vendor_playlist', { vendor_id: ids.alpha, name: 'Alpha Dance', url: `https://open.spotify.com/playlist/${ALPHA_DANCE}` });
    await owner.ok('add_vendor_playlist', { vendor_id: ids.beta, name: 'Beta Chill' });
    const track = (id: string) => `https://open.spotify.com/track/${id}`;
    ids.campaign = (await owner.ok<{ id: string }>('create_campaign', {
      client_id: ids.client, name: 'Night Drive push', artist_name: 'Nova Lane', start_date: '2026-03-01', total_budget: 1000,
      songs: [
        { track_url: track(T1), song_name: 'Night Drive', goal: 10000, daily: 500, price: 200, vendor_id: ids.alpha },
        { track_url: track(T1), song_name: 'Night Drive', goal: 5000, daily: 250, price: 150, vendor_id: ids.beta, start_date: '2026-03-05' },
        { track_url: track(T2), song_name: 'Morning Run', goal: 4000, daily: 100, price: 100, vendor_id: ids.alpha },
      ],
    })).id;
    ids.completed = (await owner.ok<{ id: string }>('create_campaign', {
      client_id: ids.client, name: 'Old single', artist_name: 'Nova Lane', start_date: '2026-02-01', total_budget: 500,
      songs: [{ track_url: track(T3), goal: 1000, daily: 100, price: 50, vendor_id: ids.beta }],
    })).id;
    await owner.ok('update_campaign', { campaign_id: ids.completed, status: 'completed' });

    await scrape(T1, '2026-03-05T08:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams7d: 10, streams28d: 50, streams12m: 100 }]);
    await scrape(T1, '2026-03-10T08:00:00Z', [
      { name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, curator: 'Alpha', streams7d: 700, streams28d: 2500, streams12m: 3000, dateAdded: '2026-03-02' },
      { name: 'BETA CHILL', curator: 'Beta', streams7d: 300, streams28d: 900, streams12m: 1200, dateAdded: '2026-03-06' },
      { name: 'Dance Rising', spotifyPlaylistId: 'DanceRisingEditorial01', curator: 'Spotify', streams7d: 5000, streams28d: 9000, streams12m: 9000 },
      { name: 'Random Fan List', curator: 'fan123', streams7d: 10, streams28d: 40, streams12m: 50 },
    ], { plays7d: 9000, plays28d: 20000, plays12m: 30000, saves: 700, playlistAdds: 12 });
    await scrape(T1, '2026-03-12T09:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams7d: 1, streams28d: 1, streams12m: 99999 }]);
    await scrape(T2, '2026-03-09T08:00:00Z', [
      { name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams7d: 200, streams28d: 600, streams12m: 800 },
      { name: 'Alpha Deep', curator: 'Alpha', streams7d: 100, streams28d: 300, streams12m: 400 },
      { name: 'Chill Vibes', curator: 'spotify', streams7d: 250, streams28d: 1000, streams12m: 1000 },
    ], { plays7d: 2000, plays28d: 5000, plays12m: 8000, saves: 150, playlistAdds: 3 });
  });
  afterAll(async () => { await database.close(); });

  it('get_campaign: overview, songs with placements and every playlist, vendors, real vs promised', async () => {
    const result = await owner.ok<Record<string, any>>('get_campaign', { campaign_id: ids.campaign, as_of: AS_OF });
    expect(result.as_of).toBe(AS_OF);
    expect(result.currency).toBe('USD');
    expect(result.campaign).toMatchObject({ id: ids.campaign, name: 'Night Drive push', client: { id: ids.client, name: 'Nightfall Records' }, total_budget: 1000 });
    expect(result.overview).toEqual({
      goal: 19000, delivered: 5400, streams_7d: 11000, streams_28d: 25000, vendor_streams_7d: 1300, vendor_streams_28d: 4300, dropped_playlists: 0,
      remaining_streams: 13600, progress: 0.2842, placements: 3, songs: 2, promised_to_date: 7500, daily_promise: 850, weekly_promise: 5950, live_placements: 3,
      budget: 1000, spent: 450, budget_left: 550,
    });
    const [nightDrive, morningRun] = result.songs;
    expect(nightDrive).toMatchObject({
      spotify_track_id: T1, song_name: 'Night Drive', goal: 15000, delivered: 4200, remaining_streams: 10800, progress: 0.28, scraped_at: '2026-03-10T08:00:00.000Z', playlists_total: 4,
      plays_7d: 9000, plays_28d: 20000, plays_12m: 30000, saves: 700, playlist_adds: 12, vendor_streams_28d: 3400,
    });
    expect(nightDrive.placements.map((placement: Record<string, unknown>) => [placement.vendor_name, placement.delivered, placement.promised_to_date, placement.delivery_rate, placement.streams_7d, placement.streams_28d]))
      .toEqual([['Alpha Promo', 3000, 5000, 0.6, 700, 2500], ['Beta Playlists', 1200, 1500, 0.8, 300, 900]]);
    expect(nightDrive.playlists.map((playlist: Record<string, unknown>) => [playlist.name, playlist.vendor, playlist.streams_7d, playlist.streams_28d, playlist.streams_12m, playlist.date_added]))
      .toEqual([
        ['Dance Rising', 'Spotify', 5000, 9000, 9000, null],
        ['Alpha Dance', 'Alpha Promo', 700, 2500, 3000, '2026-03-02'],
        ['BETA CHILL', 'Beta Playlists', 300, 900, 1200, '2026-03-06'],
        ['Random Fan List', 'organic', 10, 40, 50, null],
      ]);
    expect(morningRun).toMatchObject({ spotify_track_id: T2, goal: 4000, delivered: 1200, remaining_streams: 2800, progress: 0.3, plays_28d: 5000, saves: 150, vendor_streams_28d: 900 });
    expect(morningRun.placements).toEqual([expect.objectContaining({ vendor_id: ids.alpha, delivered: 1200, promised_to_date: 1000, delivery_rate: 1.2, price: 100 })]);
    expect(morningRun.playlists.map((playlist: Record<string, unknown>) => [playlist.name, playlist.vendor, playlist.auto_detected]))
      .toEqual([['Chill Vibes', 'Spotify', false], ['Alpha Dance', 'Alpha Promo', false], ['Alpha Deep', 'Alpha Promo', true]]);
    expect(result.vendors).toEqual([
      { vendor_id: ids.alpha, vendor_name: 'Alpha Promo', placements: 2, goal: 14000, delivered: 4200, promised_to_date: 6000, delivery_rate: 0.7, spent: 300, paid: 0, real_cost_per_1k: 71.43, cost_basis: 'price', promised_cost_per_1k: 2, contract_cost_per_1k: 21.43 },
      { vendor_id: ids.beta, vendor_name: 'Beta Playlists', placements: 1, goal: 5000, delivered: 1200, promised_to_date: 1500, delivery_rate: 0.8, spent: 150, paid: 0, real_cost_per_1k: 125, cost_basis: 'price', promised_cost_per_1k: 3, contract_cost_per_1k: 30 },
    ]);
    expect(result.real_vs_promised).toEqual({ delivered: 5400, promised_to_date: 7500, delivery_rate: 0.72, real_cost_per_1k: 83.33, cost_basis: 'price', promised_cost_per_1k: 2.26, contract_cost_per_1k: 23.68 });
  });

  it('get_campaign cuts each song\'s playlists at playlists_per_song, most streams first', async () => {
    const result = await owner.ok<Record<string, any>>('get_campaign', { campaign_id: ids.campaign, as_of: AS_OF, playlists_per_song: 1 });
    expect(result.songs[0].playlists.map((playlist: { name: string }) => playlist.name)).toEqual(['Dance Rising']);
    expect(result.songs[0].playlists_total).toBe(4);
  });

  it('a later as_of picks the later scrape; an earlier one the earlier scrape', async () => {
    const later = await owner.ok<Record<string, any>>('get_campaign', { campaign_id: ids.campaign, as_of: '2026-03-12' });
    // BETA CHILL is not in the 03-12 scrape: it keeps its 1,200 of 03-10 and is flagged dropped on 03-12 (history rule).
    expect(later.songs[0].placements.map((placement: { delivered: number; dropped_playlists: number }) => [placement.delivered, placement.dropped_playlists])).toEqual([[99999, 0], [1200, 1]]);
    expect(later.songs[0].playlists.map((playlist: Record<string, unknown>) => [playlist.name, playlist.vendor, playlist.streams_12m, playlist.dropped_on, playlist.scraped_at]))
      .toEqual([
        ['Dance Rising', 'Spotify', 9000, '2026-03-12', '2026-03-10T08:00:00.000Z'],
        ['BETA CHILL', 'Beta Playlists', 1200, '2026-03-12', '2026-03-10T08:00:00.000Z'],
        ['Random Fan List', 'organic', 50, '2026-03-12', '2026-03-10T08:00:00.000Z'],
        ['Alpha Dance', 'Alpha Promo', 99999, null, '2026-03-12T09:00:00.000Z'],
      ]);
    expect(later.overview).toMatchObject({ delivered: 99999 + 1200 + 1200, dropped_playlists: 1 });
    const earlier = await owner.ok<Record<string, any>>('get_campaign', { campaign_id: ids.campaign, as_of: '2026-03-06' });
    expect(earlier.overview).toMatchObject({ delivered: 100, promised_to_date: 2500 + 250 + 500 });
  });

  it('list_campaigns rows carry goal, delivered against promised to date, real 7d/28d streams and progress', async () => {
    const page = await owner.ok<{ rows: Array<Record<string, unknown>> }>('list_campaigns', { as_of: AS_OF });
    expect(page.rows).toEqual([
      expect.objectContaining({ id: ids.completed, status: 'completed', goal: 1000, delivered: 0, streams_7d: 0, streams_28d: 0, vendor_streams_28d: 0, remaining_streams: 1000, progress: 0, total_budget: 500 }),
      expect.objectContaining({
        id: ids.campaign, client: { id: ids.client, name: 'Nightfall Records' }, artist_name: 'Nova Lane', status: 'active', start_date: '2026-03-01', total_budget: 1000, currency: 'USD',
        goal: 19000, delivered: 5400, streams_7d: 11000, streams_28d: 25000, vendor_streams_7d: 1300, vendor_streams_28d: 4300, remaining_streams: 13600, progress: 0.2842,
        // The same figures get_campaign's real_vs_promised gives for this campaign.
        promised_to_date: 7500, delivery_rate: 0.72, daily_promise: 850, weekly_promise: 5950, live_placements: 3,
      }),
    ]);
  });

  it('list_clients and get_client add their campaigns up', async () => {
    const page = await owner.ok<{ currency: string; rows: Array<Record<string, unknown>> }>('list_clients', { as_of: AS_OF });
    expect(page.currency).toBe('USD');
    expect(page.rows).toEqual([
      expect.objectContaining({ id: ids.idle, campaigns: 0, active_campaigns: 0, total_budget: 0, streams_delivered: 0, vendor_delivered_streams: 0 }),
      expect.objectContaining({
        id: ids.client, name: 'Nightfall Records', campaigns: 2, active_campaigns: 1, completed_campaigns: 1, total_budget: 1500, streams_delivered: 25000, vendor_delivered_streams: 5400,
      }),
    ]);
    const detail = await owner.ok<Record<string, any>>('get_client', { client_id: ids.client, as_of: AS_OF });
    expect(detail).toMatchObject({ campaigns_count: { total: 2, active: 1, paused: 0, completed: 1 }, total_budget: 1500, streams_delivered: 25000, vendor_delivered_streams: 5400, more_campaigns: false });
    expect(detail.campaigns.map((row: Record<string, unknown>) => [row.name, row.status, row.goal, row.delivered, row.progress]))
      .toEqual([['Old single', 'completed', 1000, 0, 0], ['Night Drive push', 'active', 19000, 5400, 0.2842]]);
  });

  it('budgets in another currency are converted to the organisation currency with the FX table', async () => {
    const euros = await owner.ok<{ id: string }>('create_client', { name: 'Euro Label' });
    await owner.ok('create_campaign', {
      client_id: euros.id, name: 'Euro push', artist_name: 'Lumi', start_date: '2026-03-01', total_budget: 1000, currency: 'eur',
      songs: [{ track_url: `https://open.spotify.com/track/${T3}`, goal: 1000, daily: 100, price: 100, vendor_id: ids.beta }],
    });
    const missingRate = await owner.fails('get_client', { client_id: euros.id, as_of: AS_OF });
    expect(missingRate).toMatchObject({ code: 'unavailable' });
    expect(missingRate.message).toContain('EUR to USD');
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-03-01'), base: 'EUR', quote: 'USD', rate: 1.1 } });
    const detail = await owner.ok<Record<string, any>>('get_client', { client_id: euros.id, as_of: AS_OF });
    expect(detail.total_budget).toBe(1100);
    expect(detail.campaigns[0]).toMatchObject({ total_budget: 1000, currency: 'EUR' });
  });
});
