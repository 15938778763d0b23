import { z } from 'zod';
import { deliveryRate, progress, realCostPer1k, remainingStreams } from '../delivery/delivery-math.ts';
import { basePrice, byStreams, type CreditedPlaylist, type PlacementDelivery, type SongScrape } from '../delivery/load-delivery.ts';
import { isoDay, money, moneyOrNull, rate, todayIn } from '../../common/format.ts';
import { groupBy, sumOf } from './group-by.ts';

/** What get_campaign needs besides the delivery report: names, flags and the vendors' promised rates. */
export interface BreakdownContext {
  vendors: Map<string, { name: string; costPer1kBase: number }>;
  /** Registered playlists flagged auto-detected. */
  autoDetected: Set<string>;
  trackUrls: Map<string, string>;
  playlistsPerSong: number;
  asOf: Date;
  /** The organisation's: dates shown (dropped_on) are its local dates. */
  timeZone: string;
}

const placementFigures = z.object({
  id: z.string(),
  vendor_id: z.string(),
  vendor_name: z.string(),
  start_date: z.string(),
  goal: z.number(),
  daily: z.number(),
  price: z.number(),
  delivered: z.number(),
  promised_to_date: z.number().describe('min(goal, daily x whole days since start).'),
  delivery_rate: z.number().nullable().describe('delivered / promised_to_date; null when nothing is promised yet.'),
  remaining_streams: z.number(),
  streams_7d: z.number().describe('Last-7-days streams on this vendor\'s playlists.'),
  streams_28d: z.number().describe('Last-28-days streams on this vendor\'s playlists.'),
  weekly: z.number().nullable().describe('The weekly promise the vendor quoted; null when none (daily x 7 is implied).'),
  status: z.enum(['active', 'paused', 'completed']),
  removed_at: z.string().nullable().describe('When it was removed: it keeps its delivered history, stops counting in the live promise, and its promised_to_date stops growing that day.'),
  cost: z.number().nullable().describe('What it cost: its share (by goal) of what was paid to the vendor on this campaign where payments exist, else its price; null without an exchange rate.'),
  cost_basis: z.enum(['paid', 'price']),
  dropped_playlists: z.number().describe('The vendor\'s playlists that dropped the song (they keep their last figures).'),
});

const songPlaylist = z.object({
  name: z.string(),
  playlist_id: z.string().nullable().describe('Registered playlist id, when registered.'),
  spotify_playlist_id: z.string().nullable(),
  curator: z.string().nullable(),
  vendor: z.string().describe('Vendor credited with its streams, "Spotify" (editorial or algorithmic) or "organic".'),
  vendor_id: z.string().nullable(),
  auto_detected: z.boolean(),
  streams_7d: z.number(),
  streams_28d: z.number(),
  streams_12m: z.number(),
  date_added: z.string().nullable(),
  dropped_on: z.string().nullable().describe('Set when the song is no longer on this playlist: the date of the first scrape without it; its figures are from the last scrape that listed it and still count.'),
  scraped_at: z.string().nullable().describe('The scrape its figures come from.'),
});

export const songBreakdown = z.object({
  spotify_track_id: z.string(),
  song_name: z.string().nullable(),
  track_url: z.string(),
  genre: z.string().nullable(),
  goal: z.number(),
  delivered: z.number(),
  remaining_streams: z.number(),
  progress: z.number().nullable(),
  scraped_at: z.string().nullable().describe('Scrape the figures come from (latest on or before as_of).'),
  plays_7d: z.number().nullable().describe('The song\'s own last-7-days plays (every source) in that scrape; null when never scraped.'),
  plays_28d: z.number().nullable(),
  plays_12m: z.number().nullable(),
  saves: z.number().nullable(),
  playlist_adds: z.number().nullable(),
  vendor_streams_28d: z.number().describe('Last-28-days streams on its vendors\' playlists, beside plays_28d.'),
  placements: z.array(placementFigures),
  playlists: z.array(songPlaylist).describe('Every playlist the song is on, and those that dropped it (dropped_on), most 28-day streams first.'),
  playlists_total: z.number().describe('Playlists listed or dropped (the list may be cut at playlists_per_song).'),
});

export const vendorBreakdown = z.object({
  vendor_id: z.string(),
  vendor_name: z.string(),
  placements: z.number(),
  goal: z.number(),
  delivered: z.number(),
  promised_to_date: z.number(),
  delivery_rate: z.number().nullable().describe('Sum delivered / sum promised_to_date.'),
  spent: z.number().describe('Sum of its placement prices.'),
  paid: z.number().describe('Paid to the vendor for this campaign on or before as_of.'),
  real_cost_per_1k: z.number().nullable().describe('What its started placements cost (what was paid where payments exist, else the prices) / (delivered / 1000); null when nothing was delivered.'),
  cost_basis: z.enum(['paid', 'price']).describe('paid when payments to the vendor on this campaign exist (real_cost_per_1k uses them), else price.'),
  promised_cost_per_1k: z.number().describe("The vendor's own promised price per 1k streams."),
  contract_cost_per_1k: z.number().nullable().describe('spent / (goal / 1000): what these placements were priced at.'),
});

export function songsOf(placements: readonly PlacementDelivery[], songs: Map<string, SongScrape>, context: BreakdownContext): z.infer<typeof songBreakdown>[] {
  const byTrack = groupBy(placements, (placement) => placement.spotifyTrackId);
  return [...byTrack.entries()].map(([trackId, own]) => {
    const scrape = songs.get(trackId);
    const scraped = [...(scrape?.playlists ?? []), ...(scrape?.dropped ?? [])].sort(byStreams);
    const plays = scrape?.plays;
    return {
      spotify_track_id: trackId,
      song_name: own.find((placement) => placement.songName)?.songName ?? null,
      track_url: context.trackUrls.get(own[0]!.placementId) ?? `https://open.spotify.com/track/${trackId}`,
      genre: own.find((placement) => placement.genre)?.genre ?? null,
      goal: sumOf(own, (placement) => placement.goal),
      delivered: sumOf(own, (placement) => placement.delivered),
      remaining_streams: sumOf(own, (placement) => remainingStreams(placement.goal, placement.delivered)),
      progress: rate(progress(own)),
      scraped_at: scrape?.scrapedAt.toISOString() ?? null,
      plays_7d: plays?.plays7d ?? null,
      plays_28d: plays?.plays28d ?? null,
      plays_12m: plays?.plays12m ?? null,
      saves: plays?.saves ?? null,
      playlist_adds: plays?.playlistAdds ?? null,
      vendor_streams_28d: sumOf(own, (placement) => placement.streams28d),
      placements: own.map((placement) => placementRow(placement, context)),
      playlists: scraped.slice(0, context.playlistsPerSong).map((playlist) => playlistRow(playlist, context)),
      playlists_total: scraped.length,
    };
  });
}

export function vendorsOf(placements: readonly PlacementDelivery[], context: BreakdownContext): z.infer<typeof vendorBreakdown>[] {
  return [...groupBy(placements, (placement) => placement.vendorId).entries()].map(([vendorId, own]) => {
    const goal = sumOf(own, (placement) => placement.goal);
    const delivered = sumOf(own, (placement) => placement.delivered);
    const promised = sumOf(own, (placement) => placement.promised);
    const spent = sumOf(own, basePrice);
    // As in vendor_performance: a placement that has not started by as_of is not part of the real cost.
    const started = own.filter((placement) => placement.startDate.getTime() <= context.asOf.getTime());
    const paid = own.some((placement) => placement.costBasis === 'paid');
    const vendor = context.vendors.get(vendorId)!;
    return {
      vendor_id: vendorId,
      vendor_name: vendor.name,
      placements: own.length,
      goal,
      delivered,
      promised_to_date: promised,
      delivery_rate: rate(deliveryRate(delivered, promised)),
      spent: money(spent),
      paid: money(paid ? sumOf(own, placementCost) : 0),
      real_cost_per_1k: moneyOrNull(realCostPer1k(sumOf(started, placementCost), sumOf(started, (placement) => placement.delivered))),
      cost_basis: paid ? 'paid' as const : 'price' as const,
      promised_cost_per_1k: money(vendor.costPer1kBase),
      contract_cost_per_1k: moneyOrNull(goal > 0 ? spent / (goal / 1000) : null),
    };
  });
}

function placementRow(placement: PlacementDelivery, context: BreakdownContext): z.infer<typeof placementFigures> {
  return {
    id: placement.placementId,
    vendor_id: placement.vendorId,
    vendor_name: context.vendors.get(placement.vendorId)?.name ?? placement.vendorId,
    start_date: isoDay(placement.startDate),
    goal: placement.goal,
    daily: placement.daily,
    price: money(basePrice(placement)),
    delivered: placement.delivered,
    promised_to_date: placement.promised,
    delivery_rate: rate(placement.deliveryRate),
    remaining_streams: remainingStreams(placement.goal, placement.delivered),
    streams_7d: placement.streams7d,
    streams_28d: placement.streams28d,
    weekly: placement.weekly,
    status: placement.status.toLowerCase() as 'active' | 'paused' | 'completed',
    removed_at: placement.removedAt?.toISOString() ?? null,
    cost: moneyOrNull(placement.cost),
    cost_basis: placement.costBasis,
    dropped_playlists: placement.droppedPlaylists,
  };
}

/** What a placement cost in the base currency (its paid share, else its price): `unavailable` (naming the currency) when there is no rate. */
export function placementCost(placement: Pick<PlacementDelivery, 'cost' | 'costNote' | 'price' | 'priceNote'>): number {
  if (placement.cost !== null) return placement.cost;
  return basePrice({ price: null, priceNote: placement.costNote ?? placement.priceNote });
}

function playlistRow(playlist: CreditedPlaylist, context: BreakdownContext): z.infer<typeof songPlaylist> {
  const { owner } = playlist;
  const vendorId = owner.kind === 'vendor' || owner.kind === 'auto_detected' ? owner.vendorId : null;
  const label = vendorId ? (context.vendors.get(vendorId)?.name ?? vendorId) : owner.kind === 'organic' && owner.reason === 'spotify_curated' ? 'Spotify' : 'organic';
  const registeredId = owner.kind === 'vendor' ? owner.playlistId : playlist.playlistId;
  return {
    name: playlist.name,
    playlist_id: registeredId,
    spotify_playlist_id: playlist.spotifyPlaylistId,
    curator: playlist.curator,
    vendor: label,
    vendor_id: vendorId,
    auto_detected: owner.kind === 'auto_detected' || (registeredId !== null && context.autoDetected.has(registeredId)),
    streams_7d: playlist.streams7d,
    streams_28d: playlist.streams28d,
    streams_12m: playlist.streams12m,
    date_added: playlist.dateAdded ? isoDay(playlist.dateAdded) : null,
    dropped_on: playlist.droppedAt ? isoDay(todayIn(context.timeZone, playlist.droppedAt)) : null,
    scraped_at: playlist.scrapedAt?.toISOString() ?? null,
  };
}

