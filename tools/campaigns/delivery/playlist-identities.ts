import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { isSpotifyCurated, nameKey, PlaylistIndex, type ScrapedPlaylist } from './playlist-ownership.ts';

/** Stand-in owner for a playlist whose streams go to the song's only vendor, if it has exactly one (auto-detection). */
export const SOLE_VENDOR = '(sole vendor)';

/**
 * Who each distinct scraped playlist (Spotify id, name, curator) belongs to, decided once per
 * identity in TypeScript by the ownership rule (playlist-ownership.ts), so the database only adds
 * up rows: a few thousand identities stand for hundreds of thousands of playlist rows.
 *
 * `key` says which rows of a song are the same playlist from one scrape to the next (the history
 * rule): the registered playlist it matches, else its Spotify id, else its name (case-insensitive).
 */
export interface PlaylistIdentities {
  /** A SQL table `o(pid, name, curator, owner, key)`; pid and curator are '' when absent. */
  table: Prisma.Sql;
  count: number;
}

/**
 * The ownership of every playlist scraped for `tracks` (a SQL list of track ids) before `cutoff`.
 * Only the registry and the scraped identity decide it, never the song (auto-detection is settled
 * per song in SQL through SOLE_VENDOR), which is what makes one decision per identity exact.
 */
export async function loadPlaylistIdentities(db: ToolDb, organizationId: string, tracks: Prisma.Sql | null, cutoff: Date): Promise<PlaylistIdentities> {
  const [identities, registered] = await Promise.all([
    db.$queryRaw<Array<{ pid: string; name: string; curator: string }>>`
      SELECT DISTINCT coalesce(c."spotifyPlaylistId", '') AS pid, c.name, coalesce(c.curator, '') AS curator
      FROM "CampaignPlaylist" c
      WHERE c."organizationId" = ${organizationId} AND c."scrapedAt" < ${cutoff}
        ${tracks ? Prisma.sql`AND c."spotifyTrackId" IN (${tracks})` : Prisma.empty}`,
    db.playlist.findMany({ select: { id: true, vendorId: true, spotifyPlaylistId: true, name: true }, orderBy: { id: 'asc' } }),
  ]);
  const index = new PlaylistIndex(registered);
  const owners = identities.map((identity) => classify({ spotifyPlaylistId: identity.pid || null, name: identity.name, curator: identity.curator || null }, index));
  return {
    count: identities.length,
    table: Prisma.sql`SELECT * FROM unnest(${identities.map((i) => i.pid)}::text[], ${identities.map((i) => i.name)}::text[],
      ${identities.map((i) => i.curator)}::text[], ${owners.map((o) => o.owner)}::text[], ${owners.map((o) => o.key)}::text[]) AS o(pid, name, curator, owner, key)`,
  };
}

/** The owner class (a vendor id, SOLE_VENDOR or null for organic) and the history key of one scraped identity. */
export function classify(scraped: ScrapedPlaylist, index: PlaylistIndex): { owner: string | null; key: string } {
  const matched = index.match(scraped);
  const rawKey = scraped.spotifyPlaylistId ? `spotify:${scraped.spotifyPlaylistId}` : `name:${nameKey(scraped.name)}`;
  if (matched === 'ambiguous') return { owner: null, key: rawKey };
  if (matched) return { owner: matched.playlist.vendorId, key: `playlist:${matched.playlist.id}` };
  return { owner: isSpotifyCurated(scraped.curator) ? null : SOLE_VENDOR, key: rawKey };
}
