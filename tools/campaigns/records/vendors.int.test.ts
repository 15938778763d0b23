import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { organizationFingerprint } from '../../testing/tenancy-harness.ts';
import { caller } from '../../testing/caller.ts';

interface Vendor { id: string; name: string; cost_per_1k_streams: number; currency: string; is_active: boolean; playlists?: number }
interface Playlist { id: string; name: string; vendor_id: string | null; vendor_name: string | null; spotify_playlist_id: string | null; url: string | null; genres: string[]; follower_count: number | null; auto_detected: boolean; avg_daily_streams: number | null; adopted?: boolean; previous_vendor_id?: string | null }
interface Page<Row> { rows: Row[]; next_cursor: string | null }

const spotifyId = (seed: string) => seed.padEnd(22, '0');

describe('vendor records and playlists', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('vendors'));
    owner = caller(runner, () => org.as('OWNER'));
  });
  afterAll(async () => { await database.close(); });

  it('create_vendor returns the record with its id, in the organisation currency by default', async () => {
    const vendor = await owner.ok<Vendor>('create_vendor', { name: 'Club Restricted', contact_email: 'hi@club.test', cost_per_1k_streams: 2.5 });
    expect(vendor).toMatchObject({ id: expect.any(String), name: 'Club Restricted', contact_email: 'hi@club.test', cost_per_1k_streams: 2.5, currency: 'USD', is_active: true });
    expect(await database.prisma.activity.count({ where: { subjectId: vendor.id, subjectType: 'vendor', kind: 'created' } })).toBe(1);
  });

  it('cost_per_1k_streams is required and never negative', async () => {
    const negative = await owner.fails('create_vendor', { name: 'Cheap', cost_per_1k_streams: -1 });
    expect(negative).toMatchObject({ code: 'invalid_input', issues: [{ path: 'cost_per_1k_streams' }] });
    expect(negative.message).toContain('cost_per_1k_streams');
    expect(await owner.fails('create_vendor', { name: 'Cheap' })).toMatchObject({ issues: [{ path: 'cost_per_1k_streams' }] });
    expect(await owner.fails('create_vendor', { name: 'Cheap', cost_per_1k_streams: 1, currency: 'dollars' })).toMatchObject({ issues: [{ path: 'currency' }] });
  });

  it('a duplicate name (any case) is a conflict naming the existing vendor; nothing is stored', async () => {
    const before = await database.prisma.vendor.count({ where: { organizationId: org.id } });
    const duplicate = await owner.fails('create_vendor', { name: 'club restricted', cost_per_1k_streams: 3 });
    expect(duplicate.code).toBe('conflict');
    expect(duplicate.message).toMatch(/A vendor named "Club Restricted" already exists \(id .+\)/);
    expect(await database.prisma.vendor.count({ where: { organizationId: org.id } })).toBe(before);
    // `_` and `%` are plain characters in names, not wildcards.
    await owner.ok('create_vendor', { name: 'Promo_1', cost_per_1k_streams: 1 });
    await owner.ok('create_vendor', { name: 'Promo%1', cost_per_1k_streams: 1 });
  });

  it('update_vendor changes fields, refuses a rename onto another vendor, and answers not_found for unknown ids', async () => {
    const vendor = await owner.ok<Vendor>('create_vendor', { name: 'Glenn Promo', cost_per_1k_streams: 1.8 });
    const updated = await owner.ok<Vendor>('update_vendor', { vendor_id: vendor.id, cost_per_1k_streams: 2.1, is_active: false, contact_email: null });
    expect(updated).toMatchObject({ id: vendor.id, name: 'Glenn Promo', cost_per_1k_streams: 2.1, is_active: false, contact_email: null });
    expect(await owner.fails('update_vendor', { vendor_id: vendor.id, name: 'CLUB RESTRICTED' })).toMatchObject({ code: 'conflict' });
    expect(await owner.ok<Vendor>('update_vendor', { vendor_id: vendor.id, name: 'glenn promo' })).toMatchObject({ name: 'glenn promo' });
    expect(await owner.fails('update_vendor', { vendor_id: 'missing', is_active: true })).toMatchObject({ code: 'not_found', issues: [{ path: 'vendor_id' }] });
    await owner.ok('update_vendor', { vendor_id: vendor.id, name: 'Glenn Promo', is_active: true });
  });

  it('add_vendor_playlist derives the Spotify id from a link and lower-cases genres', async () => {
    const vendor = await vendorNamed('Club Restricted');
    const id = spotifyId('37i9dQZF1DXgym');
    const playlist = await owner.ok<Playlist>('add_vendor_playlist', {
      vendor_id: vendor.id, name: 'GYM - TEMAZOS', url: `https://open.spotify.com/playlist/${id}?si=abc`, genres: ['Dance', ' dance ', 'Latin'], follower_count: 12000,
    });
    expect(playlist).toMatchObject({
      vendor_id: vendor.id, vendor_name: 'Club Restricted', spotify_playlist_id: id, genres: ['dance', 'latin'], follower_count: 12000, auto_detected: false, avg_daily_streams: null, adopted: false,
    });
    const fromUri = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: vendor.id, name: 'Late Night', spotify_playlist_id: `spotify:playlist:${spotifyId('late')}` });
    expect(fromUri).toMatchObject({ spotify_playlist_id: spotifyId('late'), url: `https://open.spotify.com/playlist/${spotifyId('late')}` });
  });

  it('add_vendor_playlist refuses links that are not Spotify playlists, naming the field', async () => {
    const vendor = await vendorNamed('Club Restricted');
    expect(await owner.fails('add_vendor_playlist', { vendor_id: vendor.id, name: 'X', url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC' }))
      .toMatchObject({ code: 'invalid_input', issues: [{ path: 'url' }] });
    expect(await owner.fails('add_vendor_playlist', { vendor_id: vendor.id, name: 'X', spotify_playlist_id: 'short' }))
      .toMatchObject({ code: 'invalid_input', issues: [{ path: 'spotify_playlist_id' }] });
    expect(await owner.fails('add_vendor_playlist', { vendor_id: vendor.id, name: 'X', spotify_playlist_id: spotifyId('a'), url: `https://open.spotify.com/playlist/${spotifyId('b')}` }))
      .toMatchObject({ code: 'invalid_input', issues: [{ path: 'url' }] });
    expect(await owner.fails('add_vendor_playlist', { vendor_id: 'missing', name: 'X' })).toMatchObject({ code: 'not_found', issues: [{ path: 'vendor_id' }] });
  });

  it('adopts an auto-detected playlist (by Spotify id or by name) instead of failing', async () => {
    const club = await vendorNamed('Club Restricted');
    const glenn = await vendorNamed('Glenn Promo');
    const byId = await database.prisma.playlist.create({
      data: { organizationId: org.id, vendorId: club.id, name: 'Unreg Heat', spotifyPlaylistId: spotifyId('heat'), autoDetected: true, streams28d: 2800, avgDailyStreams: 100 },
    });
    const adopted = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: glenn.id, name: 'Heat Check', url: `https://open.spotify.com/playlist/${spotifyId('heat')}` });
    expect(adopted).toMatchObject({ id: byId.id, vendor_id: glenn.id, name: 'Heat Check', auto_detected: false, adopted: true, previous_vendor_id: club.id, avg_daily_streams: 100 });
    const byName = await database.prisma.playlist.create({ data: { organizationId: org.id, vendorId: club.id, name: 'Unreg Vibes', autoDetected: true } });
    const named = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: club.id, name: 'UNREG VIBES', spotify_playlist_id: spotifyId('vibes') });
    expect(named).toMatchObject({ id: byName.id, vendor_id: club.id, spotify_playlist_id: spotifyId('vibes'), auto_detected: false, adopted: true });
    expect(await database.prisma.activity.count({ where: { subjectId: byId.id, kind: 'adopted' } })).toBe(1);
  });

  it('a playlist a person registered to another vendor is a conflict; to the same vendor too', async () => {
    const club = await vendorNamed('Club Restricted');
    const glenn = await vendorNamed('Glenn Promo');
    const taken = await owner.fails('add_vendor_playlist', { vendor_id: glenn.id, name: 'Something', spotify_playlist_id: spotifyId('37i9dQZF1DXgym') });
    expect(taken.code).toBe('conflict');
    expect(taken.message).toContain('registered to another vendor, Club Restricted');
    expect(await owner.fails('add_vendor_playlist', { vendor_id: glenn.id, name: 'gym - temazos' })).toMatchObject({ code: 'conflict' });
    expect(await owner.fails('add_vendor_playlist', { vendor_id: club.id, name: 'GYM - TEMAZOS' })).toMatchObject({ code: 'conflict' });
  });

  it('another organisation\'s vendor or Spotify playlist id never touches that organisation', async () => {
    const other = await createTestOrganization(database, 'vendors-other');
    const theirVendor = await database.prisma.vendor.create({ data: { organizationId: other.id, name: 'Theirs', costPer1kStreams: 1 } });
    await database.prisma.playlist.create({ data: { organizationId: other.id, vendorId: theirVendor.id, name: 'Their List', spotifyPlaylistId: spotifyId('theirs'), autoDetected: true } });
    const before = await organizationFingerprint(database, other.id);
    expect(await owner.fails('add_vendor_playlist', { vendor_id: theirVendor.id, name: 'Their List', spotify_playlist_id: spotifyId('theirs') })).toMatchObject({ code: 'not_found' });
    const club = await vendorNamed('Club Restricted');
    const mine = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: club.id, name: 'Their List', spotify_playlist_id: spotifyId('theirs') });
    expect(mine.adopted).toBe(false);
    expect(await organizationFingerprint(database, other.id)).toBe(before);
  });

  it('list_vendors filters by active flag and counts playlists', async () => {
    await owner.ok('create_vendor', { name: 'Retired Co', cost_per_1k_streams: 4, is_active: false });
    const active = await owner.ok<Page<Vendor>>('list_vendors', { is_active: true });
    expect(active.rows.every((row) => row.is_active)).toBe(true);
    expect(active.rows.find((row) => row.name === 'Club Restricted')?.playlists).toBe(await database.prisma.playlist.count({ where: { vendorId: (await vendorNamed('Club Restricted')).id } }));
    const retired = await owner.ok<Page<Vendor>>('list_vendors', { is_active: false });
    expect(retired.rows.map((row) => row.name)).toEqual(['Retired Co']);
    const first = await owner.ok<Page<Vendor>>('list_vendors', { limit: 1 });
    const second = await owner.ok<Page<Vendor>>('list_vendors', { limit: 1, cursor: first.next_cursor });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
  });

  it('list_playlists filters and sorts by average daily streams with never-scraped ones last, across pages', async () => {
    const vendor = await owner.ok<Vendor>('create_vendor', { name: 'Sorter', cost_per_1k_streams: 1 });
    const figures: Array<[string, number | null, number | null]> = [['S one', 50, 10], ['S two', null, 300], ['S three', 900, null], ['S four', 50, 20], ['S five', 10, 5]];
    for (const [name, avg, followers] of figures) {
      await database.prisma.playlist.create({
        data: { organizationId: org.id, vendorId: vendor.id, name, genres: name === 'S two' ? ['techno'] : ['dance'], avgDailyStreams: avg, followerCount: followers, lastScrapedAt: avg === null ? null : new Date('2026-03-01T00:00:00Z') },
      });
    }
    const pages: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Page<Playlist> = await owner.ok('list_playlists', { vendor_id: vendor.id, sort: 'avg_daily_streams', limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(...page.rows.map((row) => row.name));
      cursor = page.next_cursor;
    } while (cursor);
    const fifties = (await database.prisma.playlist.findMany({ where: { vendorId: vendor.id, avgDailyStreams: 50 }, orderBy: { id: 'desc' } })).map((row) => row.name);
    expect(pages).toEqual(['S three', ...fifties, 'S five', 'S two']);
    const ascending = await owner.ok<Page<Playlist>>('list_playlists', { vendor_id: vendor.id, sort: 'followers', order: 'asc' });
    expect(ascending.rows.map((row) => row.name)).toEqual(['S five', 'S one', 'S four', 'S two', 'S three']);
    const techno = await owner.ok<Page<Playlist>>('list_playlists', { genre: 'TECHNO' });
    expect(techno.rows.map((row) => row.name)).toEqual(['S two']);
    const byName = await owner.ok<Page<Playlist>>('list_playlists', { vendor_id: vendor.id, sort: 'name', limit: 3 });
    const rest = await owner.ok<Page<Playlist>>('list_playlists', { vendor_id: vendor.id, sort: 'name', limit: 3, cursor: byName.next_cursor });
    expect([...byName.rows, ...rest.rows].map((row) => row.name)).toEqual(['S five', 'S four', 'S one', 'S three', 'S two']);
    const detected = await owner.ok<Page<Playlist>>('list_playlists', { auto_detected: true });
    expect(detected.rows.every((row) => row.auto_detected)).toBe(true);
    expect(await owner.fails('list_playlists', { vendor_id: 'missing' })).toMatchObject({ code: 'not_found' });
  });

  async function vendorNamed(name: string) {
    return database.prisma.vendor.findFirstOrThrow({ where: { organizationId: org.id, name } });
  }
});
