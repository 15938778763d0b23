import { BulkWriter } from '../../../db/bulk/bulk-writer.ts';
import { campaignPlaylists, scrapeSnapshots } from '../../../db/bulk/tables.ts';
import { uuidV7 } from '../../../db/uuid-v7.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { AutoDetectedPlaylist } from './playlist-linker.ts';
import { scrapeFingerprint, scrapeKey, type ScrapeContent, type ScrapeFile } from './scrape-file.ts';

// The database side of the scraper import. Raw SQL is not tenant-scoped: every statement here
// names the organisation itself, and every value travels as a parameter.

/** Imports adding at least this many playlist rows refresh the planner statistics of the tables they grew. */
const ANALYZE_AFTER_ROWS = 1000;

/** A scrape ready to store: each playlist row's Playlist id (or null), in the file's order. */
export interface LinkedScrape {
  scrape: ScrapeFile;
  playlistIds: Array<string | null>;
}

/** Serialises imports of one organisation, so two imports of the same file cannot both store it. */
export async function lockScrapeImports(db: ToolDb, organizationId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ingest_scraped_data'), hashtext(${organizationId}))::text`;
}

/**
 * Scrapes already stored under the same keys, by `scrapeKey`, with their content fingerprint.
 * Two set-based reads rather than one join: right after a bulk load the planner's statistics are
 * stale (PGlite never autovacuums), and a per-snapshot nested loop then turns quadratic.
 */
export async function loadStoredScrapes(db: ToolDb, organizationId: string, scrapes: ScrapeFile[]): Promise<Map<string, { fingerprint: string; sourceFile: string | null }>> {
  const stored = new Map<string, { fingerprint: string; sourceFile: string | null }>();
  const keys = [...new Map(scrapes.map((scrape) => [scrapeKey(scrape.spotifyTrackId, scrape.scrapedAt), scrape])).values()];
  if (keys.length === 0) return stored;
  const snapshots = await db.$queryRaw<Array<{
    id: string; spotifyTrackId: string; scrapedAt: Date; trackName: string | null; artistName: string | null; plays7d: number; plays28d: number;
    plays12m: number; saves: number | null; playlistAdds: number | null; sourceFile: string | null;
  }>>`
    SELECT s.id, s."spotifyTrackId", s."scrapedAt", s."trackName", s."artistName", s."plays7d", s."plays28d", s."plays12m", s.saves, s."playlistAdds", s."sourceFile"
    FROM unnest(${keys.map((scrape) => scrape.spotifyTrackId)}::text[], ${keys.map((scrape) => scrape.scrapedAt.toISOString())}::timestamptz[]) AS k(track, at)
    JOIN "ScrapeSnapshot" s ON s."organizationId" = ${organizationId} AND s."spotifyTrackId" = k.track AND s."scrapedAt" = k.at`;
  if (snapshots.length === 0) return stored;
  const contents = new Map<string, ScrapeContent>();
  for (const { id, trackName, artistName, plays7d, plays28d, plays12m, saves, playlistAdds } of snapshots) {
    contents.set(id, { trackName, artistName, plays7d, plays28d, plays12m, saves, playlistAdds, playlists: [] });
  }
  const rows = await db.$queryRaw<Array<{
    snapshotId: string; spotifyPlaylistId: string | null; name: string; curator: string | null; streams7d: number; streams28d: number; streams12m: number; dateAdded: string | null;
  }>>`
    SELECT c."snapshotId", c."spotifyPlaylistId", c.name, c.curator, c."streams7d", c."streams28d", c."streams12m", to_char(c."dateAdded", 'YYYY-MM-DD') AS "dateAdded"
    FROM "CampaignPlaylist" c
    WHERE c."organizationId" = ${organizationId} AND c."snapshotId" = ANY(${[...contents.keys()]}::text[])`;
  for (const { snapshotId, dateAdded, ...row } of rows) {
    contents.get(snapshotId)!.playlists.push({ ...row, dateAdded: dateAdded ? new Date(`${dateAdded}T00:00:00Z`) : null });
  }
  for (const snapshot of snapshots) {
    stored.set(scrapeKey(snapshot.spotifyTrackId, snapshot.scrapedAt), { fingerprint: scrapeFingerprint(contents.get(snapshot.id)!), sourceFile: snapshot.sourceFile });
  }
  return stored;
}


/** Registers the auto-detected playlists, then writes snapshots and their playlist rows in `unnest` batches. */
export async function writeScrapes(db: ToolDb, organizationId: string, scrapes: LinkedScrape[], autoDetected: AutoDetectedPlaylist[]): Promise<void> {
  if (autoDetected.length) {
    await db.playlist.createMany({ data: autoDetected.map((playlist) => ({ ...playlist, organizationId, autoDetected: true })) });
  }
  const writer = new BulkWriter(db);
  let playlistRows = 0;
  for (const { scrape, playlistIds } of scrapes) {
    const snapshotId = uuidV7();
    const { spotifyTrackId, scrapedAt } = scrape;
    writer.add(scrapeSnapshots, {
      id: snapshotId, organizationId, spotifyTrackId, scrapedAt, trackName: scrape.trackName, artistName: scrape.artistName,
      plays7d: scrape.plays7d, plays28d: scrape.plays28d, plays12m: scrape.plays12m, saves: scrape.saves, playlistAdds: scrape.playlistAdds, sourceFile: scrape.fileName,
    });
    scrape.playlists.forEach((row, position) => {
      writer.add(campaignPlaylists, { organizationId, snapshotId, spotifyTrackId, scrapedAt, playlistId: playlistIds[position] ?? null, ...row });
    });
    playlistRows += scrape.playlists.length;
    await writer.drain();
  }
  await writer.finish();
  // Bulk loads leave the planner's statistics describing the tables as they were (and PGlite has no
  // autovacuum to catch up), which sends later joins down quadratic plans: refresh them.
  if (playlistRows >= ANALYZE_AFTER_ROWS) await db.$executeRawUnsafe('ANALYZE "ScrapeSnapshot", "CampaignPlaylist", "Playlist"');
}

/**
 * Recomputes every playlist that any scrape of these songs links to (a newer scrape can also take a
 * song off a playlist): streams28d = sum of streams_28d over the latest scrape of each song on it,
 * avgDailyStreams = streams28d / 28, lastScrapedAt = the last scrape that saw it. Rows whose
 * figures are already right are left alone. Returns how many playlists changed.
 */
export async function refreshPlaylistAverages(db: ToolDb, organizationId: string, trackIds: string[], now: Date): Promise<number> {
  if (trackIds.length === 0) return 0;
  return db.$executeRaw`
    WITH touched AS (
      SELECT DISTINCT c."playlistId" AS id FROM "CampaignPlaylist" c
      WHERE c."organizationId" = ${organizationId} AND c."spotifyTrackId" = ANY(${trackIds}::text[]) AND c."playlistId" IS NOT NULL
    ), appearances AS (
      SELECT c."playlistId" AS id, c."spotifyTrackId", c."snapshotId", c."scrapedAt", c."streams28d"
      FROM "CampaignPlaylist" c JOIN touched t ON t.id = c."playlistId"
      WHERE c."organizationId" = ${organizationId}
    ), latest AS (
      SELECT DISTINCT ON (s."spotifyTrackId") s.id FROM "ScrapeSnapshot" s
      WHERE s."organizationId" = ${organizationId} AND s."spotifyTrackId" IN (SELECT "spotifyTrackId" FROM appearances)
      ORDER BY s."spotifyTrackId", s."scrapedAt" DESC
    ), figures AS (
      SELECT a.id, least(coalesce(sum(a."streams28d") FILTER (WHERE l.id IS NOT NULL), 0), 2147483647)::int AS streams28d, max(a."scrapedAt") AS "lastScrapedAt"
      FROM appearances a LEFT JOIN latest l ON l.id = a."snapshotId"
      GROUP BY a.id
    )
    UPDATE "Playlist" p
    SET "streams28d" = f.streams28d, "avgDailyStreams" = round(f.streams28d / 28.0, 4), "lastScrapedAt" = f."lastScrapedAt", "updatedAt" = ${now}
    FROM figures f
    WHERE p."organizationId" = ${organizationId} AND p.id = f.id
      AND (p."streams28d", p."avgDailyStreams", p."lastScrapedAt") IS DISTINCT FROM (f.streams28d, round(f.streams28d / 28.0, 4), f."lastScrapedAt")`;
}
