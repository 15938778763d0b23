import { z } from 'zod';
import type { Placement } from '../../../db/generated/prisma/client.ts';
import { isoDay, money } from '../../common/format.ts';

/** A placement (one song booked with one vendor) as entered. */
export const placementView = z.object({
  id: z.string(),
  spotify_track_id: z.string(),
  track_url: z.string(),
  song_name: z.string().nullable(),
  vendor_id: z.string(),
  vendor_name: z.string(),
  goal: z.number().describe('Streams promised in total.'),
  daily: z.number().describe('Streams promised per day.'),
  weekly: z.number().nullable().describe('Streams promised per week, when the vendor quoted a weekly figure (else daily x 7 is implied).'),
  status: z.enum(['active', 'paused', 'completed']).describe('Paused and completed placements leave the live daily promise; their promised to date is unchanged.'),
  removed_at: z.string().nullable().describe('When it was removed: it keeps its delivered history and leaves the live promise; its promised to date stops growing that day.'),
  price: z.number(),
  currency: z.string(),
  genre: z.string().nullable(),
  start_date: z.string(),
});
export type PlacementView = z.infer<typeof placementView>;

export function toPlacementView(placement: Placement, vendorName: string): PlacementView {
  return {
    id: placement.id,
    spotify_track_id: placement.spotifyTrackId,
    track_url: placement.trackUrl,
    song_name: placement.songName,
    vendor_id: placement.vendorId,
    vendor_name: vendorName,
    goal: placement.goal,
    daily: placement.daily,
    weekly: placement.weekly,
    status: placement.status.toLowerCase() as PlacementView['status'],
    removed_at: placement.removedAt?.toISOString() ?? null,
    price: money(Number(placement.price)),
    currency: placement.currency,
    genre: placement.genre,
    start_date: isoDay(placement.startDate),
  };
}
