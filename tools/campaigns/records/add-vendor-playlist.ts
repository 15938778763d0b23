import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { relinkScrapedRows } from '../ingest/relink-playlist.ts';
import { countInput, EXAMPLE_ID, idInput, nameInput, normalizeGenres } from './inputs.ts';
import { requireVendor } from './lookups.ts';
import { findAdoptablePlaylist, resolveSpotifyPlaylistId } from './playlist-registration.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';
import { spotifyLinkInput } from '../../common/link-input.ts';

export const addVendorPlaylist = defineTool({
  name: 'add_vendor_playlist',
  title: 'Register a vendor playlist',
  description:
    'Registers a playlist to a vendor, so streams a song gets on it count as that vendor\'s delivery. Give the Spotify link as url or spotify_playlist_id. A playlist already auto-detected from a scrape (same Spotify id or name) is adopted: it moves to this vendor. Returns the playlist.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    vendor_id: idInput.describe('Id of the vendor that runs the playlist.'),
    name: nameInput.describe('Playlist name as shown on Spotify.'),
    spotify_playlist_id: z.string().trim().min(1).optional().describe('Spotify playlist id (or its URI or link); derived from url when omitted.'),
    url: spotifyLinkInput('playlist').optional().describe('Link to the playlist, e.g. https://open.spotify.com/playlist/<id>.'),
    genres: z.array(z.string().trim().min(1).max(50)).max(20).optional().describe('Genres, e.g. ["dance", "techno"] (stored lower-case).'),
    follower_count: countInput.nonnegative().optional().describe('Followers on Spotify.'),
    curator: z.string().trim().min(1).max(200).optional().describe('Curator name shown on Spotify.'),
  }),
  output: playlistView.extend({
    adopted: z.boolean().describe('True when an existing auto-detected or unassigned playlist was moved to this vendor.'),
    previous_vendor_id: z.string().nullable().describe('Vendor it was credited to before adoption.'),
  }),
  example: { vendor_id: EXAMPLE_ID, name: 'Deep Focus Dance', url: 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M' },
  async handler(ctx, input) {
    const vendor = await requireVendor(ctx.db, input.vendor_id);
    const spotifyId = resolveSpotifyPlaylistId(input);
    const url = input.url ?? (spotifyId ? `https://open.spotify.com/playlist/${spotifyId}` : undefined);
    const genres = input.genres === undefined ? undefined : normalizeGenres(input.genres);
    const existing = await findAdoptablePlaylist(ctx.db, vendor.id, input.name, spotifyId);
    const include = { vendor: { select: { name: true } } } as const;
    const details = { name: input.name, url, genres, followerCount: input.follower_count, curator: input.curator };
    const playlist = existing
      ? await ctx.db.playlist.update({
          where: { id: existing.id },
          data: { ...details, vendorId: vendor.id, autoDetected: false, spotifyPlaylistId: existing.spotifyPlaylistId ?? spotifyId },
          include,
        })
      : await ctx.db.playlist.create({
          data: { ...details, organizationId: ctx.orgId, vendorId: vendor.id, spotifyPlaylistId: spotifyId, genres: genres ?? [] },
          include,
        });
    const relinked = await relinkScrapedRows(ctx.db, ctx.orgId, playlist, ctx.now());
    await recordActivity(ctx, {
      subjectType: 'playlist',
      subjectId: playlist.id,
      kind: existing ? 'adopted' : 'created',
      summary: existing
        ? `Playlist ${playlist.name} adopted by vendor ${vendor.name}${existing.vendor ? ` (was auto-credited to ${existing.vendor.name})` : ''}`
        : `Playlist ${playlist.name} registered to vendor ${vendor.name}`,
      data: { vendorId: vendor.id, previousVendorId: existing?.vendorId ?? null, scrapeRowsLinked: relinked },
    });
    const current = relinked ? await ctx.db.playlist.findUniqueOrThrow({ where: { id: playlist.id }, include }) : playlist;
    return { ...toPlaylistView(current), adopted: Boolean(existing), previous_vendor_id: existing?.vendorId ?? null };
  },
});
