import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requirePlaylist } from './placement-record.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';

export const removeVendorPlaylist = defineTool({
  name: 'remove_vendor_playlist',
  title: 'Remove a vendor playlist',
  description:
    "Retires a vendor's playlist: it leaves playlist lists and pickers, but stays registered to its vendor with its scraped history, so streams it delivered still count. Removing it again changes nothing. Returns the playlist.",
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
