import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { spotifyLinkInput } from '../../common/link-input.ts';
import { relinkScrapedRows } from '../ingest/relink-playlist.ts';
import { changedFieldsSummary, recordActivity } from './activity.ts';
import { countInput, EXAMPLE_ID, givenFields, idInput, nameInput, normalizeGenres } from './inputs.ts';
import { requirePlaylist } from './placement-record.ts';
import { resolveSpotifyPlaylistId } from './playlist-registration.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';

const FIELDS = ['name', 'spotify_playlist_id', 'url', 'genres', 'follower_count', 'curator'] as const;

export const updatePlaylist = defineTool({
  name: 'update_playlist',
  title: 'Update a playlist',
  description:
    "Changes a registered playlist's name, Spotify id or link, genres, follower count or curator; only the fields given change (null clears follower_count or curator). Scrape rows that now match it are credited to it. Returns the playlist. To move it to another vendor use add_vendor_playlist.",
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    playlist_id: idInput.describe('Id of the playlist (list_playlists).'),
    name: nameInput.optional().describe('Playlist name as shown on Spotify.'),
    spotify_playlist_id: z.string().trim().min(1).optional().describe('Spotify playlist id (or its URI or link).'),
    url: spotifyLinkInput('playlist').optional().describe('Link to the playlist, e.g. https://open.spotify.com/playlist/<id>.'),
    genres: z.array(z.string().trim().min(1).max(50)).max(20).optional().describe('Replaces the genres (stored lower-case).'),
    follower_count: countInput.nonnegative().nullable().optional().describe('Followers on Spotify; null clears it.'),
    curator: z.string().trim().min(1).max(200).nullable().optional().describe('Curator name shown on Spotify; null clears it.'),
  }),
  output: playlistView,
  example: { playlist_id: EXAMPLE_ID, follower_count: 48210, genres: ['dance', 'house'] },
  async handler(ctx, input) {
    const before = await requirePlaylist(ctx.db, input.playlist_id);
    const changed = givenFields(input, FIELDS);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    const spotifyId = resolveSpotifyPlaylistId(input);
    if (spotifyId && spotifyId !== before.spotifyPlaylistId) {
      const holder = await ctx.db.playlist.findFirst({ where: { spotifyPlaylistId: spotifyId, id: { not: before.id } }, select: { id: true, name: true } });
      if (holder) throw conflict(`Spotify playlist ${spotifyId} is already registered as "${holder.name}" (id ${holder.id}); a Spotify playlist is registered once.`);
    }
    const include = { vendor: { select: { name: true } } } as const;
    const playlist = await ctx.db.playlist.update({
      where: { id: before.id },
      data: {
        name: input.name,
        spotifyPlaylistId: spotifyId ?? undefined,
        url: input.url ?? (spotifyId && spotifyId !== before.spotifyPlaylistId ? `https://open.spotify.com/playlist/${spotifyId}` : undefined),
        genres: input.genres === undefined ? undefined : normalizeGenres(input.genres),
        followerCount: input.follower_count,
        curator: input.curator,
      },
      include,
    });
    // A new name or Spotify id may match scrape rows that matched nothing before.
    const relinked = input.name !== undefined || spotifyId ? await relinkScrapedRows(ctx.db, ctx.orgId, playlist, ctx.now()) : 0;
    await recordActivity(ctx, {
      subjectType: 'playlist',
      subjectId: playlist.id,
      kind: 'updated',
      summary: changedFieldsSummary(`Playlist ${playlist.name}`, changed),
      data: { fields: [...changed], scrapeRowsLinked: relinked },
    });
    const current = relinked ? await ctx.db.playlist.findUniqueOrThrow({ where: { id: playlist.id }, include }) : playlist;
    return toPlaylistView(current);
  },
});
