import type { Database } from '../../../db/database.ts';

/** One playlist row of a scrape written by a test: 7-day and 28-day streams are 1 and 2. */
export interface StoredPlaylistRow { name: string; spotifyPlaylistId?: string; streams12m: number }

/**
 * Stores a song's scrape and its playlist rows as the importer would (no plays), for tests that
 * build a song's history by hand; returns the scrape's id.
 */
export async function storeScrape(
  database: Database, organizationId: string, song: string, scrapedAt: string, rows: StoredPlaylistRow[], curator: string,
): Promise<string> {
  const snapshot = await database.prisma.scrapeSnapshot.create({
    data: { organizationId, spotifyTrackId: song, scrapedAt: new Date(scrapedAt), plays7d: 0, plays28d: 0, plays12m: 0 },
  });
  await database.prisma.campaignPlaylist.createMany({
    data: rows.map((row) => ({
      organizationId, snapshotId: snapshot.id, spotifyTrackId: song, scrapedAt: snapshot.scrapedAt, name: row.name,
      spotifyPlaylistId: row.spotifyPlaylistId ?? null, curator, streams7d: 1, streams28d: 2, streams12m: row.streams12m,
    })),
  });
  return snapshot.id;
}
