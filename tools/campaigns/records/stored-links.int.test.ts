import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

const TRACK = '4uLU6hMCjMI75M1A2tKUQC';
const PLAYLIST = '37i9dQZF1DXexample0001';

/** Issue 15 #15: a stored link is http(s), or a Spotify URI where a Spotify link is meant; never javascript: or data:. */
describe('stored links', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let vendorId: string;
  let clientId: string;

  beforeAll(async () => {
    let runner;
    ({ database, runner, org } = await openToolTestWorld('links'));
    owner = caller(runner, () => org.as('OWNER'));
    vendorId = (await owner.ok<{ id: string }>('create_vendor', { name: 'Links Promo', cost_per_1k_streams: 1 })).id;
    clientId = (await owner.ok<{ id: string }>('create_client', { name: 'Links Client' })).id;
  });
  afterAll(async () => { await database.close(); });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)//https://open.spotify.com/playlist/' + PLAYLIST,
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com/list',
    '//evil.example/playlist',
  ])('add_vendor_playlist refuses url %s, naming the field', async (url) => {
    const failure = await owner.fails('add_vendor_playlist', { vendor_id: vendorId, name: `Bad ${url.slice(0, 8)}`, url });
    expect(failure).toMatchObject({ code: 'invalid_input', issues: [{ path: 'url' }] });
  });

  it('add_vendor_playlist accepts http(s) links and spotify:playlist: URIs', async () => {
    await owner.ok('add_vendor_playlist', { vendor_id: vendorId, name: 'Web list', url: 'https://example.com/lists/7' });
    const spotify = await owner.ok<{ url: string; spotify_playlist_id: string }>('add_vendor_playlist', { vendor_id: vendorId, name: 'Uri list', url: `spotify:playlist:${PLAYLIST}` });
    expect(spotify).toMatchObject({ spotify_playlist_id: PLAYLIST });
  });

  it('create_campaign refuses a track_url with a script scheme that merely contains a Spotify link', async () => {
    const song = { track_url: `javascript:alert(1)//open.spotify.com/track/${TRACK}`, goal: 1000, daily: 10, price: 10, vendor_id: vendorId };
    const failure = await owner.fails('create_campaign', { client_id: clientId, name: 'Sneaky', artist_name: 'A', start_date: '2026-01-01', songs: [song] });
    expect(failure).toMatchObject({ code: 'invalid_input', issues: [{ path: 'songs[0].track_url' }] });
  });

  it('create_campaign still takes a Spotify track link, URI or bare id', async () => {
    for (const [index, track_url] of [`https://open.spotify.com/track/${TRACK}`, `spotify:track:${TRACK}`, TRACK].entries()) {
      const song = { track_url, goal: 1000, daily: 10, price: 10, vendor_id: vendorId };
      await owner.ok('create_campaign', { client_id: clientId, name: `Fine ${index}`, artist_name: 'A', start_date: '2026-01-01', songs: [song] });
    }
  });
});
