import { z } from 'zod';
import { ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { isoDate, spotifyTrackId } from '../../common/format.ts';
import { amountInput, countInput, idInput } from './inputs.ts';
import { isSpotifyUri, isWebLink } from '../../common/link-input.ts';

/** The track link is stored and shown as a link: a bare id, a spotify:track: URI or an http(s) link, never another scheme. */
export function isSpotifyTrackReference(text: string): boolean {
  return /^[A-Za-z0-9]{22}$/.test(text) || isSpotifyUri(text, 'track') || isWebLink(text);
}

/** One song placed with one vendor, as create_campaign takes it. */
export const songInput = z.object({
  track_url: z
    .string()
    .trim()
    .refine((url) => isSpotifyTrackReference(url) && spotifyTrackId(url) !== null, 'must be a Spotify track link (https://open.spotify.com/track/<22-character id>), URI or id')
    .describe('Spotify track link, e.g. https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC.'),
  song_name: z.string().trim().min(1).max(200).optional().describe('Song title, for people reading the figures.'),
  goal: countInput.positive('must be more than 0').describe('Streams the vendor promises in total.'),
  daily: countInput.positive('must be more than 0').describe('Streams the vendor promises per day.'),
  price: amountInput.describe('What the placement costs, in the campaign currency.'),
  vendor_id: idInput.describe('Id of the vendor placing the song (list_vendors).'),
  genre: z.string().trim().min(1).max(50).optional().describe('Genre of the song, e.g. "dance".'),
  start_date: isoDate.optional().describe('When this placement starts (YYYY-MM-DD); default the campaign start_date.'),
});
export type SongInput = z.output<typeof songInput>;

/** Every song's vendor must be one of this organisation's: one not_found naming each bad `songs[i].vendor_id`. */
export async function requireSongVendors(db: ToolDb, songs: readonly SongInput[]): Promise<Map<string, { id: string; name: string }>> {
  const ids = [...new Set(songs.map((song) => song.vendor_id))];
  const vendors = await db.vendor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, isActive: true } });
  const byId = new Map(vendors.map((vendor) => [vendor.id, vendor]));
  const issues = songs.flatMap((song, index) =>
    byId.has(song.vendor_id) ? [] : [{ path: `songs[${index}].vendor_id`, message: `no vendor with id ${song.vendor_id} in this organisation` }],
  );
  if (issues.length > 0) {
    throw new ToolError('not_found', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') + '. list_vendors shows the vendors.', issues);
  }
  const archived = songs.flatMap((song, index) => {
    const vendor = byId.get(song.vendor_id)!;
    return vendor.isActive ? [] : [{ path: `songs[${index}].vendor_id`, message: `${vendor.name} is archived; restore it with update_vendor (is_active: true) before booking it` }];
  });
  if (archived.length > 0) throw new ToolError('conflict', archived.map((issue) => `${issue.path}: ${issue.message}`).join('; ') + '.', archived);
  return byId;
}
