import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { storeScrape, type StoredPlaylistRow } from './stored-scrape.ts';

/**
 * The history rule from the drops cache (vendor_performance reads the organisation's scrapes through
 * it) against the same rule from every earlier scrape's rows (get_campaign, one campaign, reads them),
 * and by hand, as scrapes arrive late, are deleted, and playlists leave and come back.
 *
 * Song S, placed with Alpha only; Alpha's registered playlists A (by Spotify id), B and C (by name);
 * X is unregistered (auto-detected: S has one vendor). Streams 12m:
 *   03-01: A 100, B 200, C 300, X 400
 *   03-03: A 110, B 210                 (C and X dropped on 03-03)
 *   03-05: A 120, C 320                 (C back; B dropped on 03-05)
 * As of 03-06 (latest 03-05): A 120 + C 320 + B 210 (kept from 03-03) + X 400 (kept from 03-01) = 1050, 2 dropped.
 * As of 03-04 (latest 03-03): A 110 + B 210 + C 300 + X 400 = 1020, 2 dropped.
 * A late file of 03-02 (A 105, B 205, C 305) then splits 03-01..03-03: X is dropped on 03-02 now, C keeps 305.
 */
const SONG = 'DropsCacheSongTrack'.padEnd(22, '1');
const A_ID = 'DropsCacheAlphaList'.padEnd(22, 'a');
const OTHER_SONG = 'DropsCacheOtherTrack'.padEnd(22, '2');

type Row = StoredPlaylistRow;

describe('the history rule from the drops cache', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let alpha: string;
  let campaign: string;

  async function scrape(scrapedAt: string, rows: Row[], song = SONG): Promise<string> {
    return storeScrape(database, org.id, song, scrapedAt, rows, 'Alpha');
  }

  /** Alpha's delivered streams both ways: vendor_performance (drops cache) and get_campaign (rows), which must agree. */
  async function delivered(asOf: string): Promise<{ delivered: number; dropped: number }> {
    const scorecard = await owner.ok<{ rows: Array<{ vendor_id: string; delivered_streams: number }> }>('vendor_performance', { as_of: asOf });
    const fromRows = await owner.ok<{ overview: { delivered: number; dropped_playlists: number } }>('get_campaign', { campaign_id: campaign, as_of: asOf });
    const fromDrops = scorecard.rows.find((row) => row.vendor_id === alpha)!.delivered_streams;
    expect(fromDrops).toBe(fromRows.overview.delivered);
    return { delivered: fromDrops, dropped: fromRows.overview.dropped_playlists };
  }

  async function storedDrops(): Promise<number> {
    const [row] = await database.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "ScrapeDrop" WHERE "organizationId" = $1 AND "rowId" <> ''`, [org.id]);
    return row!.count;
  }

  async function storedKeySets(): Promise<number> {
    const [row] = await database.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "ScrapeKeySet" WHERE "organizationId" = $1`, [org.id]);
    return row!.count;
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('scrape-drops'));
    owner = caller(runner, () => org.as('OWNER'));
    const client = (await owner.ok<{ id: string }>('create_client', { name: 'Drop Records' })).id;
    alpha = (await owner.ok<{ id: string }>('create_vendor', { name: 'Alpha', cost_per_1k_streams: 2 })).id;
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha A', url: `https://open.spotify.com/playlist/${A_ID}` });
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha B' });
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha C' });
    campaign = (await owner.ok<{ id: string }>('create_campaign', {
      client_id: client, name: 'Drops', artist_name: 'Nova', start_date: '2026-03-01',
      songs: [{ track_url: `https://open.spotify.com/track/${SONG}`, goal: 100000, daily: 100, price: 100, vendor_id: alpha }],
    })).id;
    await scrape('2026-03-01T08:00:00Z', [
      { name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 100 }, { name: 'alpha b', streams12m: 200 }, { name: 'ALPHA C', streams12m: 300 }, { name: 'Fan X', streams12m: 400 },
    ]);
    await scrape('2026-03-03T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 110 }, { name: 'Alpha B', streams12m: 210 }]);
    await scrape('2026-03-05T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 120 }, { name: 'Alpha C', streams12m: 320 }]);
  });
  afterAll(async () => { await database.close(); });

  it('keeps dropped playlists with their last figures, and lets a playlist that came back count once', async () => {
    expect(await delivered('2026-03-06')).toEqual({ delivered: 120 + 320 + 210 + 400, dropped: 2 });
    // The cache is what the scorecard read: C, X (dropped on 03-03) and B (on 03-05).
    expect(await storedDrops()).toBe(3);
    // The song credits were filled with every scrape's owner totals and key sets.
    expect(await storedKeySets()).toBe(3);
    // A later scrape of another song: as of 03-06 the song credits (as of each song's latest scrape) no
    // longer answer, the drops do, and that C is back is read from the latest scrape's key set, not its rows.
    const later = await scrape('2026-03-09T08:00:00Z', [], OTHER_SONG);
    expect(await delivered('2026-03-06')).toEqual({ delivered: 120 + 320 + 210 + 400, dropped: 2 });
    await database.sql.query(`DELETE FROM "ScrapeSnapshot" WHERE id = $1`, [later]);
    expect(await delivered('2026-03-04')).toEqual({ delivered: 110 + 210 + 300 + 400, dropped: 2 });
    expect(await delivered('2026-03-02')).toEqual({ delivered: 100 + 200 + 300 + 400, dropped: 0 });
    expect(await delivered('2026-02-28')).toEqual({ delivered: 0, dropped: 0 });
  });

  it('forgets what a late scrape splits, and measures the new pair', async () => {
    await delivered('2026-03-06');
    await scrape('2026-03-02T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 105 }, { name: 'Alpha B', streams12m: 205 }, { name: 'Alpha C', streams12m: 305 }]);
    expect(await delivered('2026-03-06')).toEqual({ delivered: 120 + 320 + 210 + 400, dropped: 2 });
    expect(await delivered('2026-03-04')).toEqual({ delivered: 110 + 210 + 305 + 400, dropped: 2 });
    expect(await delivered('2026-03-02')).toEqual({ delivered: 105 + 205 + 305 + 400, dropped: 1 });
  });

  it('forgets the drops measured against a scrape that is deleted', async () => {
    await delivered('2026-03-06');
    await database.sql.query(`DELETE FROM "ScrapeSnapshot" WHERE "organizationId" = $1 AND "spotifyTrackId" = $2 AND "scrapedAt" = $3`, [org.id, SONG, new Date('2026-03-03T08:00:00Z')]);
    // 03-02 (A, B, C) is now followed by 03-05 (A, C): B dropped on 03-05 keeps 205.
    expect(await delivered('2026-03-06')).toEqual({ delivered: 120 + 320 + 205 + 400, dropped: 2 });
    expect(await delivered('2026-03-04')).toEqual({ delivered: 105 + 205 + 305 + 400, dropped: 1 });
  });

  it('measures the song\'s last scrape against a newer one when it comes', async () => {
    await delivered('2026-03-06');
    await scrape('2026-03-07T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 130 }]);
    // C leaves on 03-07 and keeps 320; B (dropped on 03-05) and X (on 03-02) keep theirs.
    expect(await delivered('2026-03-08')).toEqual({ delivered: 130 + 320 + 205 + 400, dropped: 3 });
  });

  it('reads every earlier scrape\'s rows again when the registry changes, then fills the cache anew', async () => {
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Fan X' });
    expect(await delivered('2026-03-08')).toEqual({ delivered: 130 + 320 + 205 + 400, dropped: 3 });
    const [versions] = await database.sql.query<{ count: number }>(`SELECT count(DISTINCT registry)::int AS count FROM "ScrapeDrop" WHERE "organizationId" = $1`, [org.id]);
    expect(versions!.count).toBe(1);
  });
});
