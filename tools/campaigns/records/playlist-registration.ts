import type { Playlist } from '../../../db/generated/prisma/client.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { nameKey } from '../delivery/playlist-ownership.ts';
import { isSpotifyUrl, spotifyPlaylistId } from './spotify-playlist-id.ts';

type ExistingPlaylist = Playlist & { vendor: { name: string } | null };

/** The Spotify id from spotify_playlist_id (id, URI or URL) or else from a Spotify url; checks they agree. */
export function resolveSpotifyPlaylistId(input: { spotify_playlist_id?: string; url?: string }): string | null {
  const fromField = input.spotify_playlist_id === undefined ? null : spotifyPlaylistId(input.spotify_playlist_id);
  if (input.spotify_playlist_id !== undefined && !fromField) {
    throw invalidInput('spotify_playlist_id', 'is not a Spotify playlist id (22 letters and digits), URI or link');
  }
  const fromUrl = input.url === undefined ? null : spotifyPlaylistId(input.url);
  if (input.url !== undefined && !fromUrl && isSpotifyUrl(input.url)) {
    throw invalidInput('url', 'is a Spotify link but not to a playlist (expected https://open.spotify.com/playlist/<id>)');
  }
  if (fromField && fromUrl && fromField !== fromUrl) {
    throw invalidInput('url', `points at playlist ${fromUrl} but spotify_playlist_id is ${fromField}`);
  }
  return fromField ?? fromUrl;
}

/**
 * The playlist this registration is about, if the organisation already has it: the same Spotify
 * id, else the same name (case-insensitive, never across two different Spotify ids), as the
 * delivery rule matches them. Auto-detected or unassigned ones may be adopted; one a person
 * registered to a vendor is a conflict.
 */
export async function findAdoptablePlaylist(db: ToolDb, vendorId: string, name: string, spotifyId: string | null): Promise<ExistingPlaylist | null> {
  const include = { vendor: { select: { name: true } } } as const;
  const bySpotifyId = spotifyId ? await db.playlist.findFirst({ where: { spotifyPlaylistId: spotifyId }, include }) : null;
  const candidates = bySpotifyId
    ? [bySpotifyId]
    : (await db.playlist.findMany({ where: { name: { equals: name.trim(), mode: 'insensitive' } }, include, orderBy: { id: 'asc' } })).filter(
        (playlist) => nameKey(playlist.name) === nameKey(name) && !(playlist.spotifyPlaylistId && spotifyId && playlist.spotifyPlaylistId !== spotifyId),
      );
  if (candidates.length === 0) return null;
  const adoptable = candidates.find((playlist) => playlist.autoDetected || playlist.vendorId === null);
  if (adoptable) return adoptable;
  const taken = candidates[0]!;
  if (taken.vendorId === vendorId) {
    throw conflict(`This vendor already has the playlist "${taken.name}" (id ${taken.id}).`);
  }
  throw conflict(
    `The playlist "${taken.name}" (id ${taken.id}) is registered to another vendor, ${taken.vendor?.name ?? taken.vendorId}; a playlist belongs to one vendor.`,
  );
}
