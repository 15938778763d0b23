import { describe, expect, it } from 'vitest';
import { parseScrapeFile, SCRAPE_LIMITS, scrapeFingerprint, type ScrapeFile } from './scrape-file.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';
const NAME = `song_${TRACK}_20261120T020000Z.json`;
const playlist = { playlist_id: '37i9dQZF1DXexample0001', name: 'GYM', curator: 'Club Restricted', streams_7d: 1, streams_28d: 2, streams_12m: 3, date_added: '2026-09-14' };
const valid = { track_id: TRACK, scraped_at: '2026-11-20T02:00:00Z', plays: { last_7d: 1, last_28d: 2, last_12m: 3 }, playlists: [playlist] };

const parse = (body: unknown, name = NAME) => parseScrapeFile({ name, content: typeof body === 'string' ? body : JSON.stringify(body) }, NOW);
const reasonOf = (body: unknown, name?: string) => {
  const result = parse(body, name);
  return result.ok ? 'ok' : result.reason;
};

describe('scraper file parsing', () => {
  it('parses a valid file into typed fields', () => {
    const result = parse({ ...valid, saves: 5, playlists: [playlist, { name: ' Late Night ', playlist_id: '', streams_7d: 0, streams_28d: 0, streams_12m: 0 }] });
    expect(result).toMatchObject({
      ok: true,
      scrape: {
        fileName: NAME, spotifyTrackId: TRACK, scrapedAt: new Date('2026-11-20T02:00:00Z'), trackName: null, plays7d: 1, plays28d: 2, plays12m: 3, saves: 5, playlistAdds: null,
        playlists: [
          { spotifyPlaylistId: '37i9dQZF1DXexample0001', name: 'GYM', curator: 'Club Restricted', streams7d: 1, streams28d: 2, streams12m: 3, dateAdded: new Date('2026-09-14T00:00:00Z') },
          { spotifyPlaylistId: null, name: 'Late Night', curator: null, dateAdded: null },
        ],
      },
    });
  });

  it.each([
    ['invalid JSON', '{"track_id":', /^invalid JSON: /],
    ['not an object', '[1, 2]', /^file: must be an object$/],
    ['missing track_id', { ...valid, track_id: undefined }, /^track_id: is required$/],
    ['malformed track_id', { ...valid, track_id: 'short' }, /^track_id: must be a 22-character Spotify track id$/],
    ['negative streams', { ...valid, playlists: [playlist, playlist, playlist, { ...playlist, playlist_id: null, streams_12m: -1 }] }, /^playlists\[3\]\.streams_12m: must be >= 0$/],
    ['fractional plays', { ...valid, plays: { ...valid.plays, last_7d: 1.5 } }, /^plays\.last_7d: must be a whole number$/],
    ['streams beyond the integer column', { ...valid, playlists: [{ ...playlist, streams_28d: 2 ** 31 }] }, /^playlists\[0\]\.streams_28d: must be at most 2147483647$/],
    ['missing playlist streams', { ...valid, playlists: [{ name: 'x' }] }, /^playlists\[0\]\.streams_7d: is required; playlists\[0\]\.streams_28d: is required; playlists\[0\]\.streams_12m: is required$/],
    ['many problems at once', { ...valid, plays: {}, playlists: [{ name: 'x' }] }, /^plays\.last_7d: is required; .* \(and 3 more\)$/],
    ['scraped_at without a zone', { ...valid, scraped_at: '2026-11-20 02:00' }, /^scraped_at: must be an ISO date-time/],
    ['scraped_at in the future', { ...valid, scraped_at: '2026-12-01T00:00:00Z' }, /^scraped_at: 2026-12-01T00:00:00Z is in the future$/],
    ['bad date_added', { ...valid, playlists: [{ ...playlist, date_added: '14/09/2026' }] }, /^playlists\[0\]\.date_added: must be a date/],
    ['an empty playlist name', { ...valid, playlists: [{ ...playlist, name: '  ' }] }, /^playlists\[0\]\.name: must not be empty$/],
    ['an overlong playlist name', { ...valid, playlists: [{ ...playlist, name: 'x'.repeat(301) }] }, /^playlists\[0\]\.name: must be at most 300 characters$/],
    ['too many playlists', { ...valid, playlists: Array.from({ length: SCRAPE_LIMITS.playlists + 1 }, (_, index) => ({ ...playlist, playlist_id: null, name: `p${index}` })) }, /^playlists: must list at most 1000 playlists$/],
    ['the same playlist twice', { ...valid, playlists: [playlist, { ...playlist, name: 'other' }] }, /^playlists\[1\]\.playlist_id: repeats playlists\[0\]/],
  ])('rejects %s, naming the field', (_case, body, reason) => {
    expect(reasonOf(body)).toMatch(reason);
  });

  it('rejects a file name that is not song_<TRACK_ID>_<TIMESTAMP>.json or names another track', () => {
    expect(reasonOf(valid, 'scrape.json')).toBe('file name must be song_<TRACK_ID>_<TIMESTAMP>.json');
    expect(reasonOf(valid, `song_${'A'.repeat(22)}_20261120T020000Z.json`)).toBe(`track_id: "${TRACK}" does not match the file name's track id "${'A'.repeat(22)}"`);
  });

  it('refuses oversized files before parsing them', () => {
    expect(reasonOf(' '.repeat(SCRAPE_LIMITS.fileCharacters + 1))).toMatch(/^file is larger than/);
  });

  it('fingerprints content, not playlist order or file name', () => {
    const scrape = (body: unknown, name?: string) => (parse(body, name) as { scrape: ScrapeFile }).scrape;
    const other = { ...playlist, playlist_id: null, name: 'Other' };
    const base = scrapeFingerprint(scrape({ ...valid, playlists: [playlist, other] }));
    expect(scrapeFingerprint(scrape({ ...valid, playlists: [other, playlist] }, `song_${TRACK}_copy.json`))).toBe(base);
    expect(scrapeFingerprint(scrape({ ...valid, playlists: [playlist, { ...other, streams_7d: 9 }] }))).not.toBe(base);
    expect(scrapeFingerprint(scrape({ ...valid, saves: 1, playlists: [playlist, other] }))).not.toBe(base);
  });
});
