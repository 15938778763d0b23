import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

/**
 * list_playlists' songs_placed and delivered_streams, worked out by hand (DESIGN.md section 6).
 *
 * Placements: T1 and T2 with Alpha, T3 with Beta. Registered: Alpha Dance (Alpha, by Spotify id),
 * Alpha Deep (Alpha, by name), Beta Chill (Beta, by name), Alpha Quiet (Alpha, never scraped).
 *   T1 03-05: Alpha Dance 12m 3000, Alpha Deep 12m 500
 *   T1 03-10: Alpha Dance 12m 4000 (Alpha Deep dropped: keeps 500 from 03-05)
 *   T1 03-12: Alpha Dance 12m 99999, Alpha Deep 7777 (after as_of 03-11: ignored)
 *   T2 03-09: Alpha Dance 12m 800, Beta Chill 12m 600 (T2 is not placed with Beta: not Beta Chill's)
 *   T3 03-09: Beta Chill 12m 1200, Alpha Dance 12m 50 (T3 is not placed with Alpha: not Alpha Dance's)
 * As of 03-11: Alpha Dance 2 songs, 4000 + 800 = 4800; Alpha Deep 1 song, 500; Beta Chill 1 song, 1200; Alpha Quiet 0, 0.
 * As of 03-09 (T1's latest is 03-05): Alpha Dance 3000 + 800 = 3800; Alpha Deep 500 (still listed); Beta Chill 1200.
 * As of 03-04 (no scrape yet): every playlist 0 songs, 0 streams.
 */
const T1 = 'PlaylistFigureTrack'.padEnd(22, '1');
const T2 = 'PlaylistFigureTrack'.padEnd(22, '2');
const T3 = 'PlaylistFigureTrack'.padEnd(22, '3');
const ALPHA_DANCE = 'AlphaDancePlaylist'.padEnd(22, 'a');

interface Scraped { name: string; spotifyPlaylistId?: string; streams12m: number }
interface Row { id: string; name: string; songs_placed: number; delivered_streams: number }
interface Page { as_of: string; rows: Row[]; next_cursor: string | null }

describe('list_playlists: songs placed and streams delivered per playlist', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  async function scrape(trackId: string, scrapedAt: string, playlists: Scraped[]) {
    const snapshot = await database.prisma.scrapeSnapshot.create({
      data: { organizationId: org.id, spotifyTrackId: trackId, scrapedAt: new Date(scrapedAt), plays7d: 0, plays28d: 0, plays12m: 0 },
    });
    await database.prisma.campaignPlaylist.createMany({
      data: playlists.map((playlist) => ({
        organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: trackId, scrapedAt: snapshot.scrapedAt, name: playlist.name,
        spotifyPlaylistId: playlist.spotifyPlaylistId ?? null, curator: null, streams7d: 0, streams28d: 0, streams12m: playlist.streams12m,
      })),
    });
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('playlist-figures'));
    owner = caller(runner, () => org.as('OWNER'));
    const client = (await owner.ok<{ id: string }>('create_client', { name: 'Figures Label' })).id;
    const alpha = (await owner.ok<{ id: string }>('create_vendor', { name: 'Alpha Promo', cost_per_1k_streams: 2 })).id;
    const beta = (await owner.ok<{ id: string }>('create_vendor', { name: 'Beta Playlists', cost_per_1k_streams: 3 })).id;
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha Dance', url: `https://open.spotify.com/playlist/${ALPHA_DANCE}` });
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha Deep' });
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha Quiet' });
    await owner.ok('add_vendor_playlist', { vendor_id: beta, name: 'Beta Chill' });
    const track = (id: string) => `https://open.spotify.com/track/${id}`;
    await owner.ok('create_campaign', {
      client_id: client, name: 'Figures push', artist_name: 'Nova Lane', start_date: '2026-03-01', total_budget: 1000,
      songs: [
        { track_url: track(T1), goal: 10000, daily: 500, price: 200, vendor_id: alpha },
        { track_url: track(T2), goal: 4000, daily: 100, price: 100, vendor_id: alpha },
        { track_url: track(T3), goal: 1000, daily: 100, price: 50, vendor_id: beta },
      ],
    });
    await scrape(T1, '2026-03-05T08:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams12m: 3000 }, { name: 'Alpha Deep', streams12m: 500 }]);
    await scrape(T1, '2026-03-10T08:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams12m: 4000 }]);
    await scrape(T1, '2026-03-12T08:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams12m: 99999 }, { name: 'Alpha Deep', streams12m: 7777 }]);
    await scrape(T2, '2026-03-09T08:00:00Z', [{ name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams12m: 800 }, { name: 'Beta Chill', streams12m: 600 }]);
    await scrape(T3, '2026-03-09T08:00:00Z', [{ name: 'Beta Chill', streams12m: 1200 }, { name: 'Alpha Dance', spotifyPlaylistId: ALPHA_DANCE, streams12m: 50 }]);
  });

  afterAll(async () => { await database.close(); });

  const figures = (page: Page) => page.rows.map((row) => [row.name, row.songs_placed, row.delivered_streams]);

  it('counts each song from its latest listing on or before as_of, dropped songs keeping their last figures, only for the vendor\'s songs', async () => {
    const byName = await owner.ok<Page>('list_playlists', { sort: 'name', as_of: '2026-03-11' });
    expect(byName.as_of).toBe('2026-03-11');
    expect(figures(byName)).toEqual([['Alpha Dance', 2, 4800], ['Alpha Deep', 1, 500], ['Alpha Quiet', 0, 0], ['Beta Chill', 1, 1200]]);
    const earlier = await owner.ok<Page>('list_playlists', { sort: 'name', as_of: '2026-03-09' });
    expect(figures(earlier)).toEqual([['Alpha Dance', 2, 3800], ['Alpha Deep', 1, 500], ['Alpha Quiet', 0, 0], ['Beta Chill', 1, 1200]]);
    const beforeScrapes = await owner.ok<Page>('list_playlists', { sort: 'name', as_of: '2026-03-04' });
    expect(figures(beforeScrapes)).toEqual([['Alpha Dance', 0, 0], ['Alpha Deep', 0, 0], ['Alpha Quiet', 0, 0], ['Beta Chill', 0, 0]]);
  });

  it('sorts by delivered_streams and songs_placed across pages, with filters', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await owner.ok<Page>('list_playlists', { sort: 'delivered_streams', as_of: '2026-03-11', limit: 1, ...(cursor ? { cursor } : {}) });
      names.push(...page.rows.map((row) => row.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(names).toEqual(['Alpha Dance', 'Beta Chill', 'Alpha Deep', 'Alpha Quiet']);
    const fewest = await owner.ok<Page>('list_playlists', { sort: 'songs_placed', order: 'asc', search: 'alpha', as_of: '2026-03-11' });
    expect(fewest.rows.map((row) => row.name)).toEqual(['Alpha Quiet', 'Alpha Deep', 'Alpha Dance']);
  });
});
