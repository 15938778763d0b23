import { z } from 'zod';
import { formatPath } from '../../registry/input-issues.ts';
import { findEncodingDamage, findUnstorableCharacter, NOT_UTF8_MESSAGE, unstorableMessage } from '../../common/storable-text.ts';
import type { ScrapedPlaylistRow } from '../delivery/playlist-ownership.ts';

export type { ScrapedPlaylistRow };

/**
 * One scraper file (DESIGN.md section 7), parsed and checked. Pure: no database, no clock of its
 * own. The content is untrusted, so every field is bounded and whole numbers must fit the
 * database's integer columns; a bad file gets one reason naming the field, never an exception.
 */

/** Limits a real scrape stays far below; anything beyond is junk or an attack. */
export const SCRAPE_LIMITS = {
  fileCharacters: 2_000_000,
  playlists: 1000,
  nameCharacters: 300,
  /** A scrape dated more than this after the clock is refused (it would stay "latest" forever). */
  futureToleranceMs: 86_400_000,
} as const;

const MAX_INT = 2_147_483_647;
const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;
const FILE_NAME = /^song_([A-Za-z0-9]+)_[^/\\]+\.json$/;

/** A schema-level message that still says "is required" when the field is missing. */
const orRequired = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message) });
const count = () => z.int(orRequired('must be a whole number')).min(0, 'must be >= 0').max(MAX_INT, `must be at most ${MAX_INT}`);
/** Names are stored as text: refused when the file was not UTF-8 or holds characters the database cannot store. */
const storable = <Schema extends z.ZodString>(schema: Schema) =>
  schema.superRefine((value, context) => {
    if (findEncodingDamage(value)) context.addIssue({ code: 'custom', message: NOT_UTF8_MESSAGE });
    const unstorable = findUnstorableCharacter(value);
    if (unstorable) context.addIssue({ code: 'custom', message: unstorableMessage(value, unstorable) });
  });
const text = (max: number) => storable(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
const optionalText = (max: number) => storable(z.string().trim().max(max, `must be at most ${max} characters`)).nullish().transform((value) => value || null);
const spotifyIdMessage = (what: string) => `must be a 22-character Spotify ${what} id`;

const playlistSchema = z.object({
  // Scrapers write "" when they saw no id.
  playlist_id: z.string().regex(/^([A-Za-z0-9]{22})?$/, spotifyIdMessage('playlist')).nullish().transform((value) => value || null),
  name: text(SCRAPE_LIMITS.nameCharacters),
  curator: optionalText(SCRAPE_LIMITS.nameCharacters),
  streams_7d: count(),
  streams_28d: count(),
  streams_12m: count(),
  date_added: z.iso.date(orRequired('must be a date (YYYY-MM-DD)')).nullish(),
});

const scrapeSchema = z.object({
  track_id: z.string().regex(SPOTIFY_ID, spotifyIdMessage('track')),
  scraped_at: z.iso.datetime({ offset: true, ...orRequired('must be an ISO date-time with a time zone (2026-11-20T02:00:00Z)') }),
  track_name: optionalText(SCRAPE_LIMITS.nameCharacters),
  artist_name: optionalText(SCRAPE_LIMITS.nameCharacters),
  plays: z.object({ last_7d: count(), last_28d: count(), last_12m: count() }),
  saves: count().nullish(),
  playlist_adds: count().nullish(),
  playlists: z.array(playlistSchema).max(SCRAPE_LIMITS.playlists, `must list at most ${SCRAPE_LIMITS.playlists} playlists`),
});


/** What a scrape says about its song: the part two files with the same key must agree on. */
export interface ScrapeContent {
  trackName: string | null;
  artistName: string | null;
  plays7d: number;
  plays28d: number;
  plays12m: number;
  saves: number | null;
  playlistAdds: number | null;
  playlists: ScrapedPlaylistRow[];
}

export interface ScrapeFile extends ScrapeContent {
  fileName: string;
  spotifyTrackId: string;
  scrapedAt: Date;
}

export type ParsedScrape = { ok: true; scrape: ScrapeFile } | { ok: false; reason: string };

/** Parses and validates one file; `now` bounds scraped_at. */
export function parseScrapeFile(file: { name: string; content: string }, now: Date): ParsedScrape {
  const fail = (reason: string): ParsedScrape => ({ ok: false, reason });
  const nameMatch = FILE_NAME.exec(file.name);
  if (!nameMatch) return fail('file name must be song_<TRACK_ID>_<TIMESTAMP>.json');
  if (file.content.length > SCRAPE_LIMITS.fileCharacters) return fail(`file is larger than ${SCRAPE_LIMITS.fileCharacters} characters`);
  let json: unknown;
  try {
    json = JSON.parse(file.content);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  const checked = scrapeSchema.safeParse(json, { error: plainMessage });
  if (!checked.success) return fail(describeIssues(checked.error));
  const data = checked.data;
  if (data.track_id !== nameMatch[1]) return fail(`track_id: "${data.track_id}" does not match the file name's track id "${nameMatch[1]}"`);
  const scrapedAt = new Date(data.scraped_at);
  if (scrapedAt.getTime() > now.getTime() + SCRAPE_LIMITS.futureToleranceMs) return fail(`scraped_at: ${data.scraped_at} is in the future`);
  const duplicate = repeatedPlaylist(data.playlists);
  if (duplicate) return fail(duplicate);
  return {
    ok: true,
    scrape: {
      fileName: file.name,
      spotifyTrackId: data.track_id,
      scrapedAt,
      trackName: data.track_name,
      artistName: data.artist_name,
      plays7d: data.plays.last_7d,
      plays28d: data.plays.last_28d,
      plays12m: data.plays.last_12m,
      saves: data.saves ?? null,
      playlistAdds: data.playlist_adds ?? null,
      playlists: data.playlists.map((playlist) => ({
        spotifyPlaylistId: playlist.playlist_id,
        name: playlist.name,
        curator: playlist.curator,
        streams7d: playlist.streams_7d,
        streams28d: playlist.streams_28d,
        streams12m: playlist.streams_12m,
        dateAdded: playlist.date_added ? new Date(`${playlist.date_added}T00:00:00Z`) : null,
      })),
    },
  };
}

/** The same Spotify playlist listed twice would count its streams twice. */
function repeatedPlaylist(playlists: ReadonlyArray<{ playlist_id: string | null }>): string | null {
  const first = new Map<string, number>();
  for (const [position, { playlist_id: id }] of playlists.entries()) {
    if (!id) continue;
    const earlier = first.get(id);
    if (earlier !== undefined) return `playlists[${position}].playlist_id: repeats playlists[${earlier}] (${id})`;
    first.set(id, position);
  }
  return null;
}

/** Zod's defaults read "Invalid input: expected object, received array"; a person wants less. */
function plainMessage(issue: { code?: string; input?: unknown; expected?: string }): string | undefined {
  if (issue.input === undefined) return 'is required';
  if (issue.code !== 'invalid_type') return undefined;
  return { object: 'must be an object', array: 'must be a list', string: 'must be text' }[issue.expected ?? ''];
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.length ? formatPath(issue.path) : 'file'}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** The identity of a scrape: one song at one moment. */
export function scrapeKey(spotifyTrackId: string, scrapedAt: Date): string {
  return `${spotifyTrackId}@${scrapedAt.toISOString()}`;
}

/** Equal for two scrapes that would store the same rows, whatever the file name or playlist order. */
export function scrapeFingerprint(content: ScrapeContent): string {
  const playlists = content.playlists
    .map((row) => JSON.stringify([row.spotifyPlaylistId, row.name, row.curator, row.streams7d, row.streams28d, row.streams12m, row.dateAdded?.toISOString().slice(0, 10) ?? null]))
    .sort();
  const { trackName, artistName, plays7d, plays28d, plays12m, saves, playlistAdds } = content;
  return JSON.stringify([trackName, artistName, plays7d, plays28d, plays12m, saves, playlistAdds, playlists]);
}
