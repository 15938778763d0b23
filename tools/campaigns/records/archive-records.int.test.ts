import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { organizationFingerprint } from '../../testing/tenancy-harness.ts';

interface Named { id: string; name: string; is_active: boolean }
interface Playlist { id: string; name: string; spotify_playlist_id: string | null; url: string | null; genres: string[]; follower_count: number | null; curator: string | null; is_active?: boolean; already_removed?: boolean }
interface Page<Row> { rows: Row[] }

const spotifyId = (seed: string) => seed.padEnd(22, '0');

describe('update_playlist, remove_vendor_playlist, archive_client, archive_vendor', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('archives'));
    owner = caller(runner, () => org.as('OWNER'));
  });
  afterAll(async () => { await database.close(); });

  it('update_playlist changes the fields given and refuses a Spotify id another playlist holds', async () => {
    const vendor = await owner.ok<Named>('create_vendor', { name: 'Deep Cuts', cost_per_1k_streams: 2 });
    const first = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: vendor.id, name: 'Night Moves', spotify_playlist_id: spotifyId('NightMoves') });
    const second = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: vendor.id, name: 'Day Moves' });
    const updated = await owner.ok<Playlist>('update_playlist', { playlist_id: second.id, follower_count: 48_210, genres: ['Dance', 'house', 'dance'], url: `https://open.spotify.com/playlist/${spotifyId('DayMoves')}` });
    expect(updated).toMatchObject({ name: 'Day Moves', follower_count: 48_210, genres: ['dance', 'house'], spotify_playlist_id: spotifyId('DayMoves'), url: `https://open.spotify.com/playlist/${spotifyId('DayMoves')}` });
    expect(await owner.ok<Playlist>('update_playlist', { playlist_id: second.id, follower_count: null, curator: 'DJ Ana' })).toMatchObject({ follower_count: null, curator: 'DJ Ana' });
    const taken = await owner.fails('update_playlist', { playlist_id: second.id, spotify_playlist_id: spotifyId('NightMoves') });
    expect(taken.code).toBe('conflict');
    expect(taken.message).toContain(`"Night Moves" (id ${first.id})`);
    expect(await owner.fails('update_playlist', { playlist_id: second.id, url: 'javascript:alert(1)' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'url' }] });
    expect(await owner.fails('update_playlist', { playlist_id: second.id })).toMatchObject({ code: 'invalid_input' });
  });

  it('remove_vendor_playlist retires it from lists but keeps it registered; a second call changes nothing', async () => {
    const vendor = await owner.ok<Named>('create_vendor', { name: 'Retiring Lists', cost_per_1k_streams: 2 });
    const playlist = await owner.ok<Playlist>('add_vendor_playlist', { vendor_id: vendor.id, name: 'Old Favourites' });
    expect(await owner.ok<Playlist>('remove_vendor_playlist', { playlist_id: playlist.id })).toMatchObject({ id: playlist.id, is_active: false, already_removed: false });
    expect(await database.prisma.playlist.findUniqueOrThrow({ where: { id: playlist.id } })).toMatchObject({ isActive: false, vendorId: vendor.id });
    expect(await owner.ok<Playlist>('remove_vendor_playlist', { playlist_id: playlist.id })).toMatchObject({ already_removed: true });
    expect((await owner.ok<Page<Playlist>>('list_playlists', { vendor_id: vendor.id })).rows).toEqual([]);
    expect((await owner.ok<Page<Playlist>>('list_playlists', { vendor_id: vendor.id, include_removed: true })).rows.map((row) => row.id)).toEqual([playlist.id]);
    expect(await database.prisma.activity.count({ where: { subjectId: playlist.id, kind: 'removed' } })).toBe(1);
  });

  it('an archived client leaves list_clients unless include_archived, keeps its campaigns, takes no new campaign (nor does an archived vendor), and update_client is_active restores it', async () => {
    const client = await owner.ok<Named>('create_client', { name: 'Archived Records Ltd' });
    await database.prisma.campaignGroup.create({ data: { organizationId: org.id, clientId: client.id, name: 'Old push', artistName: 'Someone', startDate: new Date('2026-01-01') } });
    expect(await owner.ok('archive_client', { client_id: client.id })).toMatchObject({ is_active: false, already_archived: false });
    expect((await owner.ok<Page<Named>>('list_clients', {})).rows.map((row) => row.id)).not.toContain(client.id);
    expect((await owner.ok<Page<Named>>('list_clients', { include_archived: true })).rows.map((row) => row.id)).toContain(client.id);
    expect(await database.prisma.campaignGroup.count({ where: { clientId: client.id } })).toBe(1);
    expect(await owner.ok('archive_client', { client_id: client.id })).toMatchObject({ already_archived: true });
    const vendor = await owner.ok<Named>('create_vendor', { name: 'Open Promo', cost_per_1k_streams: 2 });
    const campaign = { client_id: client.id, name: 'New push', artist_name: 'Someone', start_date: '2026-12-01', songs: [{ track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', goal: 1000, daily: 100, price: 20, vendor_id: vendor.id }] };
    expect(await owner.fails('create_campaign', campaign)).toMatchObject({ code: 'conflict', issues: [{ path: 'client_id' }] });
    expect(await owner.ok('update_client', { client_id: client.id, is_active: true })).toMatchObject({ is_active: true });
    await owner.ok('archive_vendor', { vendor_id: vendor.id });
    expect(await owner.fails('create_campaign', campaign)).toMatchObject({ code: 'conflict', issues: [{ path: 'songs[0].vendor_id' }] });
    await owner.ok('update_vendor', { vendor_id: vendor.id, is_active: true });
    expect((await owner.ok<Page<Named>>('list_clients', {})).rows.map((row) => row.id)).toContain(client.id);
  });

  it('an archived vendor leaves list_vendors unless include_archived or is_active: false, and update_vendor is_active restores it', async () => {
    const vendor = await owner.ok<Named>('create_vendor', { name: 'Sleepy Promo', cost_per_1k_streams: 3 });
    expect(await owner.ok('archive_vendor', { vendor_id: vendor.id })).toMatchObject({ is_active: false, already_archived: false });
    const ids = async (input: object) => (await owner.ok<Page<Named>>('list_vendors', input)).rows.map((row) => row.id);
    expect(await ids({})).not.toContain(vendor.id);
    expect(await ids({ include_archived: true })).toContain(vendor.id);
    expect(await ids({ is_active: false })).toEqual([vendor.id]);
    await owner.ok('update_vendor', { vendor_id: vendor.id, is_active: true });
    expect(await ids({})).toContain(vendor.id);
  });

  it("another organisation's records are not_found and stay as they were", async () => {
    const other = await createTestOrganization(database, 'archives-b');
    const client = await database.prisma.client.create({ data: { organizationId: other.id, name: 'Theirs' } });
    const vendor = await database.prisma.vendor.create({ data: { organizationId: other.id, name: 'Their Vendor', costPer1kStreams: 1 } });
    const playlist = await database.prisma.playlist.create({ data: { organizationId: other.id, vendorId: vendor.id, name: 'Their List' } });
    const before = await organizationFingerprint(database, other.id);
    expect(await owner.fails('archive_client', { client_id: client.id })).toMatchObject({ code: 'not_found' });
    expect(await owner.fails('archive_vendor', { vendor_id: vendor.id })).toMatchObject({ code: 'not_found' });
    expect(await owner.fails('remove_vendor_playlist', { playlist_id: playlist.id })).toMatchObject({ code: 'not_found' });
    expect(await owner.fails('update_playlist', { playlist_id: playlist.id, name: 'Mine now' })).toMatchObject({ code: 'not_found' });
    expect(await organizationFingerprint(database, other.id)).toBe(before);
  });
});
