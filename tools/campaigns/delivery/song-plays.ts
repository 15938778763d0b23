import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/** A group's songs' own plays (not only what vendors delivered): each distinct song counted once, from its latest scrape. */
export interface GroupPlays {
  plays7d: number;
  plays28d: number;
  plays12m: number;
  /** Songs of the group with a scrape before the cutoff. */
  scrapedSongs: number;
}

export const NO_PLAYS: GroupPlays = { plays7d: 0, plays28d: 0, plays12m: 0, scrapedSongs: 0 };

/**
 * Sums the plays of each group's distinct songs from each song's latest scrape before `cutoff`
 * (the specification's campaign and client queries). `pairs` is a SQL query of (group_id, track).
 */
export async function loadGroupPlays(db: ToolDb, organizationId: string, pairs: Prisma.Sql, cutoff: Date): Promise<Map<string, GroupPlays>> {
  const rows = await db.$queryRaw<Array<{ group_id: string; plays7d: number; plays28d: number; plays12m: number; songs: number }>>`
    WITH pairs AS MATERIALIZED (SELECT DISTINCT group_id, track FROM (${pairs}) AS g(group_id, track)),
    latest AS (
      SELECT DISTINCT ON (s."spotifyTrackId") s."spotifyTrackId" AS track, s."plays7d", s."plays28d", s."plays12m"
      FROM "ScrapeSnapshot" s
      WHERE s."organizationId" = ${organizationId} AND s."scrapedAt" < ${cutoff} AND s."spotifyTrackId" IN (SELECT track FROM pairs)
      ORDER BY s."spotifyTrackId", s."scrapedAt" DESC
    )
    SELECT p.group_id, sum(l."plays7d")::float8 AS plays7d, sum(l."plays28d")::float8 AS plays28d, sum(l."plays12m")::float8 AS plays12m, count(*)::int AS songs
    FROM pairs p JOIN latest l ON l.track = p.track
    GROUP BY p.group_id`;
  return new Map(rows.map((row) => [row.group_id, { plays7d: row.plays7d, plays28d: row.plays28d, plays12m: row.plays12m, scrapedSongs: row.songs }]));
}
