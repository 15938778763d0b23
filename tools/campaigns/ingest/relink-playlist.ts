import type { ToolDb } from '../../registry/tenant-scope.ts';
import { loadPlaylistIndex } from '../delivery/playlist-identities.ts';
import { refreshPlaylistAverages } from './scrape-store.ts';

/**
 * Links already-imported scrape rows to a playlist registered (or adopted) after they were
 * loaded, by the same matching rule as the importer, and refreshes its averages; delivery figures
 * re-match on every read anyway, but the stored averages feed capacity planning.
 */
export async function relinkScrapedRows(db: ToolDb, organizationId: string, playlist: { id: string; name: string; spotifyPlaylistId: string | null }, now: Date): Promise<number> {
  const candidates = await db.campaignPlaylist.findMany({
    where: {
      playlistId: null,
      OR: [
        ...(playlist.spotifyPlaylistId ? [{ spotifyPlaylistId: playlist.spotifyPlaylistId }] : []),
        { name: { equals: playlist.name, mode: 'insensitive' } },
      ],
    },
    select: { id: true, spotifyTrackId: true, spotifyPlaylistId: true, name: true, curator: true },
  });
  if (candidates.length === 0) return 0;
  const index = await loadPlaylistIndex(db);
  // `mode: 'insensitive'` also matches _ and % as wildcards: the index decides for real.
  const linked = candidates.filter((row) => {
    const match = index.match(row);
    return match !== null && match !== 'ambiguous' && match.playlist.id === playlist.id;
  });
  if (linked.length === 0) return 0;
  await db.campaignPlaylist.updateMany({ where: { id: { in: linked.map((row) => row.id) } }, data: { playlistId: playlist.id } });
  await refreshPlaylistAverages(db, organizationId, [...new Set(linked.map((row) => row.spotifyTrackId))], now);
  return linked.length;
}
