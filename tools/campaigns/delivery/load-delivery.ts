import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { partialBaseCurrencyConverter, type PartialConverter } from '../../money/fx.ts';
import { ToolError } from '../../registry/errors.ts';
import { endOfDayIn } from '../../common/format.ts';
import { deliveryRate, promisedToDate } from './delivery-math.ts';
import { loadCreditedTotals } from './credited-totals.ts';
import { loadVendorsBySong } from './vendors-by-song.ts';
import { ownerOf, PlaylistIndex, type PlaylistOwner, type ScrapedPlaylistRow } from './playlist-ownership.ts';

/** One playlist row of a song's scrape, with who it is credited to. */
export interface CreditedPlaylist extends ScrapedPlaylistRow {
  playlistId: string | null;
  owner: PlaylistOwner;
}

export interface SongScrape {
  spotifyTrackId: string;
  scrapedAt: Date;
  playlists: CreditedPlaylist[];
}

/** A placement's figures as of a date (DESIGN.md section 6). Money is in the organisation's base currency. */
export interface PlacementDelivery {
  placementId: string;
  campaignGroupId: string;
  vendorId: string;
  spotifyTrackId: string;
  songName: string | null;
  genre: string | null;
  goal: number;
  daily: number;
  /** In the base currency; null when its currency has no rate on or before as_of (never a 1:1 guess): see `priceNote`. */
  price: number | null;
  /** The price as booked, in `currency`. */
  listPrice: number;
  currency: string;
  /** Why `price` is null and how to fix it; null when it was converted. */
  priceNote: string | null;
  startDate: Date;
  /** Sum of streams_12m over the song's scraped playlists credited to this placement's vendor. */
  delivered: number;
  streams7d: number;
  streams28d: number;
  promised: number;
  deliveryRate: number | null;
  /** The scrape the figures come from (latest on or before as_of); null when never scraped. */
  scrapedAt: Date | null;
  /** The vendor's playlists this song is on, in that scrape. */
  playlists: CreditedPlaylist[];
}

export interface DeliveryReport {
  asOf: Date;
  baseCurrency: string;
  placements: PlacementDelivery[];
  /** Latest scrape on or before as_of of every song the placements cover. */
  songs: Map<string, SongScrape>;
}

export interface LoadDeliveryOptions {
  /** A calendar date (UTC); scrapes taken later that day or after are ignored. */
  asOf: Date;
  /** Which placements to report on (default: all of the organisation). */
  placements?: Prisma.PlacementWhereInput;
  baseCurrency: string;
  /** The organisation's IANA time zone: as_of ends at its local midnight. */
  timeZone: string;
  /**
   * false: only the sums per placement (organisation-wide reports), computed in the database;
   * `playlists` and `songs[].playlists` then stay empty. Default true.
   */
  withPlaylists?: boolean;
}

/** Loads placements, their songs' latest scrapes as of a date and the playlist registry, and credits streams. */
export async function loadDelivery(db: ToolDb, organizationId: string, options: LoadDeliveryOptions): Promise<DeliveryReport> {
  const { asOf } = options;
  const placements = await db.placement.findMany({ where: options.placements ?? {}, orderBy: { id: 'asc' } });
  const trackIds = [...new Set(placements.map((placement) => placement.spotifyTrackId))];
  // One placement in a currency without a rate degrades its own price, never the whole report.
  const [songs, fx] = await Promise.all([
    options.withPlaylists === false
      ? loadSummedScrapes(db, organizationId, trackIds, endOfDayIn(asOf, options.timeZone))
      : loadCreditedScrapes(db, organizationId, trackIds, endOfDayIn(asOf, options.timeZone)),
    partialBaseCurrencyConverter(db, options.baseCurrency, placements.map((placement) => placement.currency), asOf),
  ]);
  const detailed = options.withPlaylists !== false;
  return {
    asOf,
    baseCurrency: options.baseCurrency,
    songs,
    placements: placements.map((placement) => {
      const song = songs.get(placement.spotifyTrackId);
      const credited = (song?.playlists ?? []).filter((playlist) => creditedVendor(playlist.owner) === placement.vendorId);
      const delivered = sum(credited, 'streams12m');
      const promised = promisedToDate(placement.goal, placement.daily, placement.startDate, asOf);
      return {
        placementId: placement.id,
        campaignGroupId: placement.campaignGroupId,
        vendorId: placement.vendorId,
        spotifyTrackId: placement.spotifyTrackId,
        songName: placement.songName,
        genre: placement.genre,
        goal: placement.goal,
        daily: placement.daily,
        ...priceOf(Number(placement.price), placement.currency, fx),
        startDate: placement.startDate,
        delivered,
        streams7d: sum(credited, 'streams7d'),
        streams28d: sum(credited, 'streams28d'),
        promised,
        deliveryRate: deliveryRate(delivered, promised),
        scrapedAt: song?.scrapedAt ?? null,
        playlists: detailed ? credited : [],
      };
    }),
  };
}

function priceOf(listPrice: number, currency: string, fx: PartialConverter): Pick<PlacementDelivery, 'price' | 'listPrice' | 'currency' | 'priceNote'> {
  const price = fx.toBase(listPrice, currency);
  return { price, listPrice, currency, priceNote: price === null ? fx.missingRateNote(currency) : null };
}

/** The placement's price in the base currency, for answers that cannot do without it: `unavailable` (naming the currency) when there is no rate. */
export function basePrice(placement: Pick<PlacementDelivery, 'price' | 'priceNote'>): number {
  if (placement.price === null) throw new ToolError('unavailable', placement.priceNote!);
  return placement.price;
}

/** The vendor a playlist's streams go to, if any. */
export function creditedVendor(owner: PlaylistOwner): string | null {
  return owner.kind === 'vendor' || owner.kind === 'auto_detected' ? owner.vendorId : null;
}

function sum(rows: CreditedPlaylist[], field: 'streams7d' | 'streams28d' | 'streams12m'): number {
  return rows.reduce((total, row) => total + row[field], 0);
}


/**
 * Each song's latest (or the one before: alerts compare them) scrape taken before `cutoff`, every
 * playlist row credited to its owner.
 */
export async function loadCreditedScrapes(db: ToolDb, organizationId: string, trackIds: string[], cutoff: Date, which: 'latest' | 'previous' = 'latest'): Promise<Map<string, SongScrape>> {
  const [songs, vendorsBySong, registered] = await Promise.all([
    loadSongScrapes(db, organizationId, trackIds, cutoff, which === 'latest' ? 1 : 2),
    loadVendorsBySong(db, organizationId, trackIds),
    db.playlist.findMany({ select: { id: true, vendorId: true, spotifyPlaylistId: true, name: true } }),
  ]);
  const index = new PlaylistIndex(registered);
  for (const song of songs.values()) {
    const vendors = vendorsBySong.get(song.spotifyTrackId) ?? new Set<string>();
    for (const playlist of song.playlists) playlist.owner = ownerOf(playlist, index, vendors);
  }
  return songs;
}

/** Songs with one stand-in playlist per credited vendor, carrying that vendor's summed streams. */
async function loadSummedScrapes(db: ToolDb, organizationId: string, trackIds: string[], cutoff: Date): Promise<Map<string, SongScrape>> {
  const totals = await loadCreditedTotals(db, organizationId, trackIds, cutoff, await loadVendorsBySong(db, organizationId, trackIds));
  const songs = new Map<string, SongScrape>();
  for (const [spotifyTrackId, song] of totals) {
    songs.set(spotifyTrackId, {
      spotifyTrackId,
      scrapedAt: song.scrapedAt,
      playlists: [...song.byVendor].map(([vendorId, sums]) => ({
        playlistId: null, spotifyPlaylistId: null, name: '(all of the vendor\'s playlists)', curator: null, dateAdded: null, ...sums,
        owner: { kind: 'vendor', vendorId, playlistId: '', via: 'spotify_id' },
      })),
    });
  }
  return songs;
}

async function loadSongScrapes(db: ToolDb, organizationId: string, trackIds: string[], cutoff: Date, rank: 1 | 2): Promise<Map<string, SongScrape>> {
  const songs = new Map<string, SongScrape>();
  if (trackIds.length === 0) return songs;
  // Latest snapshot per song before the cutoff, and its playlist rows, in one round trip.
  const rows = await db.$queryRaw<Array<{
    spotifyTrackId: string; scrapedAt: Date; spotifyPlaylistId: string | null; name: string | null; curator: string | null;
    streams7d: number | null; streams28d: number | null; streams12m: number | null; dateAdded: Date | null; playlistId: string | null;
  }>>`
    WITH ranked AS (
      SELECT s.id, s."spotifyTrackId", s."scrapedAt", row_number() OVER (PARTITION BY s."spotifyTrackId" ORDER BY s."scrapedAt" DESC) AS rank
      FROM "ScrapeSnapshot" s
      WHERE s."organizationId" = ${organizationId} AND s."spotifyTrackId" = ANY(${trackIds}) AND s."scrapedAt" < ${cutoff}
    ), latest AS (SELECT id, "spotifyTrackId", "scrapedAt" FROM ranked WHERE rank = ${rank})
    SELECT l."spotifyTrackId", l."scrapedAt", c."spotifyPlaylistId", c.name, c.curator, c."streams7d", c."streams28d", c."streams12m", c."dateAdded", c."playlistId"
    FROM latest l
    LEFT JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = l.id
    ORDER BY l."spotifyTrackId"`;
  for (const row of rows) {
    let song = songs.get(row.spotifyTrackId);
    if (!song) {
      song = { spotifyTrackId: row.spotifyTrackId, scrapedAt: row.scrapedAt, playlists: [] };
      songs.set(row.spotifyTrackId, song);
    }
    if (row.name === null) continue; // a scrape with no playlists
    song.playlists.push({
      playlistId: row.playlistId,
      spotifyPlaylistId: row.spotifyPlaylistId,
      name: row.name,
      curator: row.curator,
      streams7d: row.streams7d ?? 0,
      streams28d: row.streams28d ?? 0,
      streams12m: row.streams12m ?? 0,
      dateAdded: row.dateAdded,
      owner: { kind: 'organic', reason: 'unmatched' },
    });
  }
  // Biggest playlists first, for every reader; sorting ~20 rows per song here is cheaper than in SQL.
  for (const song of songs.values()) song.playlists.sort((a, b) => b.streams12m - a.streams12m || a.name.localeCompare(b.name));
  return songs;
}
