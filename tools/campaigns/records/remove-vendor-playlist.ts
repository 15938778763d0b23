import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requirePlaylist } from './placement-record.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';

export const removeVendorPlaylist = defineTool({
  name: 'remove_vendor_playlist',
  title: 'Retire a playlist',
  description:
    'Retires a registered playlist: it leaves list_playlists (unless include_removed) but keeps its owner and scraped history, so what it delivered still counts. Again changes nothing. Returns it.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  hints: { idempotent: true, destructive: true },
  input: z.object({ playlist_id: idInput.describe('Id of the playlist (list_playlists).') }),
  output: playlistView.extend({ is_active: z.boolean(), already_removed: z.boolean() }),
  example: { playlist_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requirePlaylist(ctx.db, input.playlist_id);
    if (!before.isActive) return { ...toPlaylistView(before), is_active: false, already_removed: true };
    const playlist = await ctx.db.playlist.update({ where: { id: before.id }, data: { isActive: false }, include: { vendor: { select: { name: true } } } });
    await recordActivity(ctx, {
      subjectType: 'playlist',
      subjectId: playlist.id,
      kind: 'removed',
      summary: `Playlist ${playlist.name} removed${playlist.vendor ? ` from ${playlist.vendor.name}'s list` : ''} (history kept)`,
      data: { vendorId: playlist.vendorId },
    });
    return { ...toPlaylistView(playlist), is_active: false, already_removed: false };
  },
});
