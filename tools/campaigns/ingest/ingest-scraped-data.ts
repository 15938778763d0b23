import { z } from 'zod';
import { CAMPAIGN_MILESTONES_JOB } from '../records/record-campaign-milestones.ts';
import { importFilesInput } from '../../imports/import-kinds.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { PlaylistLinker } from './playlist-linker.ts';
import { parseScrapeFile, scrapeFingerprint, scrapeKey, type ScrapeFile } from './scrape-file.ts';
import { loadVendorsBySong } from '../delivery/vendors-by-song.ts';
import { loadPlaylistIndex } from '../delivery/playlist-identities.ts';
import {
  loadStoredScrapes, lockScrapeImports, refreshPlaylistAverages, writeScrapes, type LinkedScrape,
} from './scrape-store.ts';

const LISTED_ERRORS = 100;

export const ingestScrapedDataInput = importFilesInput.extend({
  dry_run: z.boolean().default(false).describe('Check and link the files and report what an import would do, storing nothing.'),
});

const count = z.int().min(0);
export const ingestScrapedDataOutput = z.object({
  files: count.describe('Files received.'),
  loaded: count.describe('Files stored now.'),
  unchanged: count.describe('Files already stored with the same content (or repeated in this call): nothing changed.'),
  rejected: count.describe('Files not stored; each has an entry in errors.'),
  snapshots_created: count,
  playlist_rows_created: count,
  playlists_auto_detected: count.describe('Unregistered vendor playlists found on single-vendor songs and registered (autoDetected).'),
  playlists_refreshed: count.describe('Playlists whose streams28d, avgDailyStreams or lastScrapedAt changed.'),
  errors: z.array(z.object({ file: z.string(), reason: z.string() })).describe(`The first ${LISTED_ERRORS} rejected files, in input order.`),
  errors_not_shown: count.describe('Rejected files beyond those listed.'),
  dry_run: z.boolean(),
});
export type IngestScrapedDataOutput = z.infer<typeof ingestScrapedDataOutput>;

const EXAMPLE_FILE = {
  track_id: '4uLU6hMCjMI75M1A2tKUQC', scraped_at: '2026-11-20T02:00:00Z', plays: { last_7d: 18400, last_28d: 61250, last_12m: 143900 },
  playlists: [{ playlist_id: '37i9dQZF1DXexample0001', name: 'GYM - TEMAZOS MOTIVACION 2025', curator: 'Club Restricted', streams_7d: 9100, streams_28d: 30400, streams_12m: 70250 }],
};

/** Files in, per-file outcomes out; a bad file never stops the others. Errors are listed in input order. */
class FileOutcomes {
  readonly errors: Array<{ position: number; file: string; reason: string }> = [];
  unchanged = 0;
  private readonly positions = new Map<ScrapeFile, number>();

  parsed(scrape: ScrapeFile, position: number): void {
    this.positions.set(scrape, position);
  }

  unreadable(position: number, file: string, reason: string): void {
    this.errors.push({ position, file, reason });
  }

  reject(scrape: ScrapeFile, reason: string): false {
    this.errors.push({ position: this.positions.get(scrape)!, file: scrape.fileName, reason });
    return false;
  }

  listed(): Array<{ file: string; reason: string }> {
    return [...this.errors].sort((a, b) => a.position - b.position).slice(0, LISTED_ERRORS).map(({ file, reason }) => ({ file, reason }));
  }
}

export const ingestScrapedData = defineTool({
  name: 'ingest_scraped_data',
  title: 'Import scraper files',
  description:
    'Loads Spotify for Artists scraper files (song_<TRACK_ID>_<TIMESTAMP>.json, one per song): stores each song snapshot and its playlist rows, ' +
    'links rows to vendor playlists (registering unregistered ones on single-vendor songs), refreshes playlist averages. ' +
    'Files already loaded change nothing; bad files are listed by name and reason while the rest load. Returns counts.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: ingestScrapedDataInput,
  output: ingestScrapedDataOutput,
  hints: { idempotent: true },
  transactionTimeoutMs: 15 * 60_000,
  example: { files: [{ name: 'song_4uLU6hMCjMI75M1A2tKUQC_20261120T020000Z.json', content: JSON.stringify(EXAMPLE_FILE) }] },
  async handler(ctx, input) {
    const outcomes = new FileOutcomes();
    const parsed: ScrapeFile[] = [];
    input.files.forEach((file, position) => {
      const result = parseScrapeFile(file, ctx.now());
      if (!result.ok) return outcomes.unreadable(position, file.name, result.reason);
      outcomes.parsed(result.scrape, position);
      parsed.push(result.scrape);
    });
    if (!input.dry_run) await lockScrapeImports(ctx.db, ctx.orgId);
    const vendorsBySong = await loadVendorsBySong(ctx.db, ctx.orgId, [...new Set(parsed.map((scrape) => scrape.spotifyTrackId))]);
    const known = parsed.filter(
      (scrape) => vendorsBySong.has(scrape.spotifyTrackId) || outcomes.reject(scrape, `unknown track ${scrape.spotifyTrackId}: no placement in this organisation has this Spotify track id`),
    );
    const fresh = newScrapes(known, await loadStoredScrapes(ctx.db, ctx.orgId, known), outcomes);
    const linker = new PlaylistLinker(await loadPlaylistIndex(ctx.db));
    const linked: LinkedScrape[] = fresh.map((scrape) => {
      const vendors = vendorsBySong.get(scrape.spotifyTrackId)!;
      return { scrape, playlistIds: scrape.playlists.map((row) => linker.link(row, vendors)) };
    });
    let playlistsRefreshed = 0;
    if (!input.dry_run) {
      await writeScrapes(ctx.db, ctx.orgId, linked, linker.autoDetected);
      playlistsRefreshed = await refreshPlaylistAverages(ctx.db, ctx.orgId, [...new Set(fresh.map((scrape) => scrape.spotifyTrackId))], ctx.now());
      // New scrapes can complete a goal, extend an under-delivery streak or show a dropped playlist.
      if (fresh.length) ctx.jobs.enqueue({ name: CAMPAIGN_MILESTONES_JOB, payload: { organizationId: ctx.orgId } });
    }
    const listed = outcomes.listed();
    return {
      files: input.files.length,
      loaded: fresh.length,
      unchanged: outcomes.unchanged,
      rejected: outcomes.errors.length,
      snapshots_created: fresh.length,
      playlist_rows_created: fresh.reduce((total, scrape) => total + scrape.playlists.length, 0),
      playlists_auto_detected: linker.autoDetected.length,
      playlists_refreshed: playlistsRefreshed,
      errors: listed,
      errors_not_shown: outcomes.errors.length - listed.length,
      dry_run: input.dry_run,
    };
  },
});

/**
 * The scrapes to store: not yet stored, and first of their key in this call. A repeat with the same
 * content is unchanged; one with other content is a conflict, and the scrape already kept stays.
 */
function newScrapes(scrapes: ScrapeFile[], stored: Map<string, { fingerprint: string; sourceFile: string | null }>, outcomes: FileOutcomes): ScrapeFile[] {
  const fresh = new Map<string, { fingerprint: string; scrape: ScrapeFile }>();
  for (const scrape of scrapes) {
    const key = scrapeKey(scrape.spotifyTrackId, scrape.scrapedAt);
    const fingerprint = scrapeFingerprint(scrape);
    const earlier = stored.get(key);
    const inThisCall = fresh.get(key);
    if (!earlier && !inThisCall) {
      fresh.set(key, { fingerprint, scrape });
    } else if ((earlier ?? inThisCall)!.fingerprint === fingerprint) {
      outcomes.unchanged++;
    } else {
      const holder = earlier ? `already stored (from ${earlier.sourceFile ?? 'an earlier import'})` : `in ${inThisCall!.scrape.fileName} of this import`;
      outcomes.reject(scrape, `conflict: a different scrape of track ${scrape.spotifyTrackId} at ${scrape.scrapedAt.toISOString()} is ${holder}; kept that one`);
    }
  }
  return [...fresh.values()].map(({ scrape }) => scrape);
}
