import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { storeScrape, type StoredPlaylistRow } from './stored-scrape.ts';
import { testBackend } from '../../../db/testing/test-database.ts';

/**
 * The song credits cache (one row per song and owner as of the song's latest scrape) behind the
 * organisation-wide figures, by hand, as scrapes arrive and go and placements change.
 *
 * Alpha's registered playlists A (by Spotify id) and B (by name), Beta's Z; X is unregistered
 * (auto-detected: credited to the song's vendor when it has only one). Streams 12m:
 *   S1 (Alpha):        03-01: A 100, B 200, X 50    03-03: A 110 (B and X dropped: they keep 200 and 50)
 *   S2 (Alpha, Beta):  03-02: A 1000, Z 500, X 70   (X credits nobody: two vendors)
 * As of 03-04: Alpha 110 + 200 + 50 + 1000 = 1360, Beta 500.
 */
const S1 = 'SongCreditsFirstTrack'.padEnd(22, '1');
const S2 = 'SongCreditsOtherTrack'.padEnd(22, '2');
const A_ID = 'SongCreditsAlphaList'.padEnd(22, 'a');

type Row = StoredPlaylistRow;

describe('the song credits behind the organisation-wide figures', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let alpha: string;
  let beta: string;
  let client: string;

  async function scrape(song: string, scrapedAt: string, rows: Row[]): Promise<string> {
    return storeScrape(database, org.id, song, scrapedAt, rows, 'Curator');
  }

  async function delivered(asOf: string): Promise<{ alpha: number; beta: number }> {
    const scorecard = await owner.ok<{ rows: Array<{ vendor_id: string; delivered_streams: number }> }>('vendor_performance', { as_of: asOf });
    const of = (vendor: string) => scorecard.rows.find((row) => row.vendor_id === vendor)?.delivered_streams ?? 0;
    return { alpha: of(alpha), beta: of(beta) };
  }

  async function storedCredits(song: string): Promise<number> {
    const [row] = await database.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "SongCredit" WHERE "organizationId" = $1 AND "spotifyTrackId" = $2`, [org.id, song]);
    return row!.count;
  }

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('song-credits'));
    owner = caller(runner, () => org.as('OWNER'));
    client = (await owner.ok<{ id: string }>('create_client', { name: 'Credit Records' })).id;
    alpha = (await owner.ok<{ id: string }>('create_vendor', { name: 'Alpha', cost_per_1k_streams: 2 })).id;
    beta = (await owner.ok<{ id: string }>('create_vendor', { name: 'Beta', cost_per_1k_streams: 2 })).id;
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha A', url: `https://open.spotify.com/playlist/${A_ID}` });
    await owner.ok('add_vendor_playlist', { vendor_id: alpha, name: 'Alpha B' });
    await owner.ok('add_vendor_playlist', { vendor_id: beta, name: 'Beta Z' });
    const song = (track: string, vendor: string) => ({ track_url: `https://open.spotify.com/track/${track}`, goal: 100000, daily: 100, price: 100, vendor_id: vendor });
    await owner.ok('create_campaign', {
      client_id: client, name: 'Credits', artist_name: 'Nova', start_date: '2026-03-01', songs: [song(S1, alpha), song(S2, alpha), song(S2, beta)],
    });
    await scrape(S1, '2026-03-01T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 100 }, { name: 'Alpha B', streams12m: 200 }, { name: 'Fan X', streams12m: 50 }]);
    await scrape(S1, '2026-03-03T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 110 }]);
    await scrape(S2, '2026-03-02T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 1000 }, { name: 'Beta Z', streams12m: 500 }, { name: 'Fan X', streams12m: 70 }]);
  });
  afterAll(async () => { await database.close(); });

  it('credits each song once per owner, the kept playlists included, and the figures are read from them', async () => {
    expect(await delivered('2026-03-04')).toEqual({ alpha: 1360, beta: 500 });
    // S1: Alpha (A, the kept B and, its sole vendor, the kept X) and the marker; S2: Alpha, Beta (X credits nobody) and the marker.
    expect(await storedCredits(S1)).toBe(2);
    expect(await storedCredits(S2)).toBe(3);
    // What the scorecard reads as of a day after every latest scrape: a credit changed by hand shows.
    await database.sql.query(`UPDATE "SongCredit" SET "streams12m" = "streams12m" + 1000000 WHERE "organizationId" = $1 AND "spotifyTrackId" = $2 AND vendor = $3`, [org.id, S2, beta]);
    expect(await delivered('2026-03-04')).toEqual({ alpha: 1360, beta: 1_000_500 });
    await database.sql.query(`UPDATE "SongCredit" SET "streams12m" = "streams12m" - 1000000 WHERE "organizationId" = $1 AND "spotifyTrackId" = $2 AND vendor = $3`, [org.id, S2, beta]);
  });

  it('answers a day before some latest scrape from the scrapes themselves', async () => {
    // As of 03-02, S1's latest scrape is 03-01's: 100 + 200 + 50; S2's is 03-02's.
    expect(await delivered('2026-03-02')).toEqual({ alpha: 1350, beta: 500 });
    expect(await delivered('2026-03-01')).toEqual({ alpha: 350, beta: 0 });
  });

  it('forgets a song\'s credits when one of its scrapes is stored, and fills them again', async () => {
    const latest = await scrape(S1, '2026-03-05T08:00:00Z', [{ name: 'Alpha A', spotifyPlaylistId: A_ID, streams12m: 120 }, { name: 'Alpha B', streams12m: 220 }]);
    expect(await storedCredits(S1)).toBe(0);
    expect(await storedCredits(S2)).toBe(3);
    // B is back (220, once); X stays dropped with its 50.
    expect(await delivered('2026-03-06')).toEqual({ alpha: 120 + 220 + 50 + 1000, beta: 500 });
    expect(await storedCredits(S1)).toBe(2);

    // Deleted again: S1's latest is 03-03's, B and X kept.
    await database.sql.query(`DELETE FROM "ScrapeSnapshot" WHERE id = $1`, [latest]);
    expect(await storedCredits(S1)).toBe(0);
    expect(await delivered('2026-03-06')).toEqual({ alpha: 110 + 200 + 50 + 1000, beta: 500 });
  });

  it('settles the sole vendor anew when the song\'s vendors change', async () => {
    expect(await delivered('2026-03-06')).toEqual({ alpha: 1360, beta: 500 });
    // Beta placed on S1 too: X (auto-detected) has two vendors to choose from and credits neither.
    const placed = await owner.ok<{ id: string }>('create_campaign', {
      client_id: client, name: 'Credits too', artist_name: 'Nova', start_date: '2026-03-01',
      songs: [{ track_url: `https://open.spotify.com/track/${S1}`, goal: 1000, daily: 10, price: 10, vendor_id: beta }],
    });
    expect(await storedCredits(S1)).toBe(0);
    expect(await storedCredits(S2)).toBe(3);
    expect(await delivered('2026-03-06')).toEqual({ alpha: 110 + 200 + 1000, beta: 500 });
    // A change that keeps every song's vendors (a goal) keeps the credits; moving the placement back to Alpha does not.
    const [placement] = await database.sql.query<{ id: string }>(`SELECT id FROM "Placement" WHERE "campaignGroupId" = $1`, [placed.id]);
    await database.sql.query(`UPDATE "Placement" SET goal = 2000 WHERE id = $1`, [placement!.id]);
    expect(await storedCredits(S1)).toBe(2);
    await database.sql.query(`UPDATE "Placement" SET "vendorId" = $2 WHERE id = $1`, [placement!.id, alpha]);
    expect(await storedCredits(S1)).toBe(0);
    // X is Alpha's again, and S1's 360 count for each of Alpha's two placements on it.
    expect(await delivered('2026-03-06')).toEqual({ alpha: 1360 + 360, beta: 500 });
    await database.sql.query(`DELETE FROM "Placement" WHERE id = $1`, [placement!.id]);
    expect(await storedCredits(S1)).toBe(0);
    expect(await delivered('2026-03-06')).toEqual({ alpha: 1360, beta: 500 });
  });

  // Two sessions at once: Postgres only (PGlite has one connection).
  it.skipIf(testBackend() !== 'postgres')('makes a placement change wait while a session holds the credits it filled', async () => {
    const [placement] = await database.sql.query<{ id: string }>(`SELECT id FROM "Placement" WHERE "organizationId" = $1 LIMIT 1`, [org.id]);
    await database.session(async (session) => {
      await session.query('BEGIN');
      try {
        await session.query(`SELECT pg_try_advisory_xact_lock_shared(hashtext('song_credits'), hashtext($1))`, [org.id]);
        // A goal keeps the song's vendors: no wait.
        await database.sql.query(`UPDATE "Placement" SET goal = goal + 1 WHERE id = $1`, [placement!.id]);
        // A vendor change waits for the session, here until the lock timeout (SET LOCAL: the pooled connection keeps nothing).
        await expect(database.session(async (writer) => {
          await writer.query('BEGIN');
          try {
            await writer.query(`SET LOCAL lock_timeout = '300ms'`);
            await writer.query(`UPDATE "Placement" SET "vendorId" = $2 WHERE id = $1`, [placement!.id, beta]);
          } finally {
            await writer.query('ROLLBACK');
          }
        })).rejects.toThrow(/lock timeout/);
      } finally {
        await session.query('COMMIT');
      }
    });
  });

  it('fills the credits anew under a new registry', async () => {
    const registries = async () => (await database.sql.query<{ registry: string }>(
      `SELECT DISTINCT registry FROM "SongCredit" WHERE "organizationId" = $1`, [org.id])).map((row) => row.registry);
    const [before] = await registries();
    // Fan X registered to Beta: S2's X (70) is Beta's; S1's kept X (50) too, but S1 is not placed with Beta.
    await owner.ok('add_vendor_playlist', { vendor_id: beta, name: 'Fan X' });
    expect(await delivered('2026-03-06')).toEqual({ alpha: 110 + 200 + 1000, beta: 500 + 70 });
    // Only the new version's rows, every song with its marker and credits: S2 now Alpha, Beta (with X) and the marker.
    const after = await registries();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(await storedCredits(S2)).toBe(3);
    expect(await storedCredits(S1)).toBe(3);
  });
});
