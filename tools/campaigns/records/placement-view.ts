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
    price: money(Number(placement.price)),
    currency: placement.currency,
    genre: placement.genre,
    start_date: isoDay(placement.startDate),
  };
}
