import { z } from 'zod';
import type { Playlist } from '../../../db/generated/prisma/client.ts';

/** A registered playlist as tools show it. */
export const playlistView = z.object({
  id: z.string(),
  name: z.string(),
  vendor_id: z.string().nullable(),
  vendor_name: z.string().nullable(),
  spotify_playlist_id: z.string().nullable(),
  url: z.string().nullable(),
  genres: z.array(z.string()),
  follower_count: z.number().nullable(),
  curator: z.string().nullable(),
  auto_detected: z.boolean().describe('Registered automatically from a scrape (the song had one vendor), not by a person.'),
  avg_daily_streams: z.number().nullable().describe('streams_28d / 28 at the last scrape; null if never scraped.'),
  last_scraped_at: z.string().nullable(),
});
export type PlaylistView = z.infer<typeof playlistView>;

export function toPlaylistView(playlist: Playlist & { vendor: { name: string } | null }): PlaylistView {
  return {
    id: playlist.id,
    name: playlist.name,
    vendor_id: playlist.vendorId,
    vendor_name: playlist.vendor?.name ?? null,
    spotify_playlist_id: playlist.spotifyPlaylistId,
    url: playlist.url,
    genres: playlist.genres,
    follower_count: playlist.followerCount,
    curator: playlist.curator,
    auto_detected: playlist.autoDetected,
    avg_daily_streams: playlist.avgDailyStreams === null ? null : Math.round(Number(playlist.avgDailyStreams)),
    last_scraped_at: playlist.lastScrapedAt?.toISOString() ?? null,
  };
}
