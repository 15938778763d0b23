import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { ToolError } from '../../registry/errors.ts';
import { endOfDayIn } from '../../common/format.ts';
import { deliveryRate } from './delivery-math.ts';
import { DELIVERY_CHECKS, figureCtes, listingCtes, type DeliveryScope } from './delivery-sql.ts';
import { loadDeliveryScope, queryDelivery, type LoadedScope } from './delivery-scope.ts';
import { loadVendorsBySong } from './vendors-by-song.ts';
import { ownerOf, PlaylistIndex, type PlaylistOwner, type ScrapedPlaylistRow } from './playlist-ownership.ts';

/** One playlist row of a song's scrape, with who it is credited to. */
export interface CreditedPlaylist extends ScrapedPlaylistRow {
  playlistId: string | null;
  owner: PlaylistOwner;
  /** The scrape these figures come from. */
  scrapedAt?: Date;
  /** When the song is no longer on it: the first scrape after its last listing (its figures are that listing's). */
  droppedAt?: Date | null;
}

/** A song's own figures from its latest scrape on or before as_of. */
export interface SongPlays {
  plays7d: number;
  plays28d: number;
  plays12m: number;
  saves: number | null;
  playlistAdds: number | null;
}

export interface SongScrape {
  spotifyTrackId: string;
  scrapedAt: Date;
  /** The playlists of that scrape, most 28-day streams first. */
  playlists: CreditedPlaylist[];
  /** Playlists earlier scrapes listed and that one does not: kept with their last figures (history rule). */
  dropped: CreditedPlaylist[];
  plays?: SongPlays;
}

export type PlacementStatusName = 'ACTIVE' | 'PAUSED' | 'COMPLETED';

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
  weekly: number | null;
  status: PlacementStatusName;
  removedAt: Date | null;
  /** In the base currency; null when its currency has no rate on or before as_of (never a 1:1 guess): see `priceNote`. */
  price: number | null;
  /** The price as booked, in `currency`. */
  listPrice: number;
  currency: string;
  /** Why `price` is null and how to fix it; null when it was converted. */
  priceNote: string | null;
  /** What it cost in the base currency: its share of what was paid to the vendor on the campaign, else its price; null when unconvertible (see costNote). */
  cost: number | null;
  costBasis: 'paid' | 'price';
  costNote: string | null;
  startDate: Date;
  /** Sum of streams_12m over the song's playlists credited to this placement's vendor, each from its latest listing (history rule). */
  delivered: number;
  streams7d: number;
  streams28d: number;
  /** The vendor's playlists that dropped the song (they keep their last figures). */
  droppedPlaylists: number;
  /** min(goal, daily x days since start), the days stopping on the day it was removed. */
  promised: number;
  deliveryRate: number | null;
  /** The scrape the figures come from (latest on or before as_of); null when never scraped. */
  scrapedAt: Date | null;
  /** The vendor's playlists this song is on or was on (dropped ones flagged), most 28-day streams first. */
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
  /** false: only the sums per placement (organisation-wide reports); `playlists` and `songs` stay empty. Default true. */
  withPlaylists?: boolean;
}

/** Placements with their delivery figures, summed in the database; with their songs' playlists when asked. */
export async function loadDelivery(db: ToolDb, organizationId: string, options: LoadDeliveryOptions): Promise<DeliveryReport> {
  let condition = Prisma.sql`TRUE`;
  if (options.placements) {
    const chosen = await db.placement.findMany({ where: options.placements, select: { id: true } });
    condition = Prisma.sql`p.id = ANY(${chosen.map((placement) => placement.id)}::text[])`;
  }
  const detailed = options.withPlaylists !== false;
  // Listing every playlist row needs the identities of those songs only, always read fresh.
  const scope = await loadDeliveryScope(db, organizationId, { ...options, placements: condition, wholeOrganization: !options.placements && !detailed });
  const [placements, songs] = await Promise.all([
    loadPlacementFigures(db, scope),
    detailed ? loadSongListings(db, scope) : Promise.resolve(new Map<string, SongScrape>()),
  ]);
  for (const placement of placements) {
    const song = songs.get(placement.spotifyTrackId);
    if (!song) continue;
    placement.playlists = [...song.playlists, ...song.dropped]
      .filter((playlist) => creditedVendor(playlist.owner) === placement.vendorId)
      .sort(byStreams);
  }
  return { asOf: options.asOf, baseCurrency: options.baseCurrency, placements, songs };
}

interface FigureRow {
  id: string; campaignGroupId: string; vendorId: string; track: string; songName: string | null; genre: string | null;
  goal: number; daily: number; weekly: number | null; list_price: number; currency: string; startDate: Date; status: PlacementStatusName; removedAt: Date | null;
  delivered: number; streams7d: number; streams28d: number; dropped_playlists: number; promised: number; price_base: number | null;
  paid: boolean; cost: number | null; unconverted_currency: string | null; scraped_at: Date | null; unknown_identities: number;
}

/** One row per placement, every figure computed in SQL. */
export async function loadPlacementFigures(db: ToolDb, scope: LoadedScope): Promise<PlacementDelivery[]> {
  const rows = await queryDelivery<FigureRow>(db, scope, (current) => Prisma.sql`
    WITH ${listingCtes(current)}${figureCtes(current)}
    SELECT ${DELIVERY_CHECKS}, f.id, f."campaignGroupId", f."vendorId", f.track, f."songName", f.genre, f.goal, f.daily, f.weekly, f.price::float8 AS list_price, f.currency,
           f."startDate", f.status::text AS status, f."removedAt", f.delivered, f.streams7d, f.streams28d, f.dropped_playlists, f.promised, f.price_base,
           f.paid, f.cost, f.unconverted_currency, l."scrapedAt" AS scraped_at
    FROM figures f LEFT JOIN latest l ON l.track = f.track
    ORDER BY f.id`);
  return rows.map((row) => ({
    placementId: row.id,
    campaignGroupId: row.campaignGroupId,
    vendorId: row.vendorId,
    spotifyTrackId: row.track,
    songName: row.songName,
    genre: row.genre,
    goal: row.goal,
    daily: row.daily,
    weekly: row.weekly,
    status: row.status,
    removedAt: row.removedAt,
    price: row.price_base,
    listPrice: row.list_price,
    currency: row.currency,
    priceNote: row.price_base === null ? scope.missingRateNote(row.currency) : null,
    cost: row.cost,
    costBasis: row.paid ? 'paid' : 'price',
    costNote: row.cost === null && row.unconverted_currency ? scope.missingRateNote(row.unconverted_currency) : null,
    startDate: row.startDate,
    delivered: row.delivered,
    streams7d: row.streams7d,
    streams28d: row.streams28d,
    droppedPlaylists: row.dropped_playlists,
    promised: row.promised,
    deliveryRate: deliveryRate(row.delivered, row.promised),
    scrapedAt: row.scraped_at,
    playlists: [],
  }));
}

interface ListingRow {
  track: string; songScrapedAt: Date; plays7d: number; plays28d: number; plays12m: number; saves: number | null; playlistAdds: number | null;
  /** The song's playlist rows, each as LISTED_COLUMNS; null when its scrape lists none. */
  playlists: ListedRow[] | null;
}

/** One playlist row of `listed`, as a JSON array: scraped_at, name, spotify id, curator, date_added, playlist id, streams 7d/28d/12m, dropped_at. */
type ListedRow = [string | null, string, string | null, string | null, string | null, string | null, number, number, number, string | null];

/**
 * Each song's latest scrape, its playlists by the history rule, each credited to its owner. A
 * song's playlists come as one JSON array (its ~20 rows): parsed natively in one piece, where a
 * row per playlist went through the client's per-value decoding (most of a busy campaign's time).
 */
async function loadSongListings(db: ToolDb, scope: DeliveryScope): Promise<Map<string, SongScrape>> {
  const [rows, index] = await Promise.all([
    db.$queryRaw<ListingRow[]>`
      WITH ${listingCtes(scope, true)}
      SELECT l.track, l."scrapedAt" AS "songScrapedAt", l."plays7d", l."plays28d", l."plays12m", l.saves, l."playlistAdds", x.playlists
      FROM latest l
      LEFT JOIN (
        SELECT x.track, json_agg(json_build_array(x."scrapedAt", x.name, x."spotifyPlaylistId", x.curator, x."dateAdded", x."playlistId",
                                                  x."streams7d", x."streams28d", x."streams12m", x.dropped_at)) AS playlists
        FROM listed x GROUP BY x.track
      ) x ON x.track = l.track`,
    // The registry the scope's identities were classified with, when it has it: the same rule, read once.
    scope.identities.index ?? loadPlaylistIndex(db),
  ]);
  const vendorsBySong = await loadVendorsBySong(db, scope.organizationId, rows.map((row) => row.track));
  const songs = new Map<string, SongScrape>();
  for (const row of rows) {
    const plays = { plays7d: row.plays7d, plays28d: row.plays28d, plays12m: row.plays12m, saves: row.saves, playlistAdds: row.playlistAdds };
    const song: SongScrape = { spotifyTrackId: row.track, scrapedAt: row.songScrapedAt, playlists: [], dropped: [], plays };
    songs.set(row.track, song);
    const vendors = vendorsBySong.get(row.track) ?? new Set<string>();
    for (const [scrapedAt, name, spotifyPlaylistId, curator, dateAdded, playlistId, streams7d, streams28d, streams12m, droppedAt] of row.playlists ?? []) {
      const scraped = { spotifyPlaylistId, name, curator };
      const playlist: CreditedPlaylist = {
        ...scraped, playlistId, dateAdded: dateAdded === null ? null : new Date(dateAdded), streams7d, streams28d, streams12m,
        scrapedAt: scrapedAt === null ? undefined : new Date(scrapedAt), droppedAt: droppedAt === null ? null : new Date(droppedAt),
        owner: ownerOf(scraped, index, vendors),
      };
      (droppedAt ? song.dropped : song.playlists).push(playlist);
    }
  }
  for (const song of songs.values()) {
    song.playlists.sort(byStreams);
    song.dropped.sort(byStreams);
  }
  return songs;
}

/** Most 28-day streams first, then most 12-month streams, then by name, then by Spotify id (the same order on every call). */
export function byStreams(a: ScrapedPlaylistRow, b: ScrapedPlaylistRow): number {
  return b.streams28d - a.streams28d || b.streams12m - a.streams12m || a.name.localeCompare(b.name)
    || (a.spotifyPlaylistId ?? '').localeCompare(b.spotifyPlaylistId ?? '');
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

/**
 * Each song's latest (or the one before: alerts compare them) scrape taken before `cutoff`, exactly
 * as scraped (no history rule: alerts look for what changed), every playlist row credited to its owner.
 */
export async function loadCreditedScrapes(db: ToolDb, organizationId: string, trackIds: string[], cutoff: Date, which: 'latest' | 'previous' = 'latest'): Promise<Map<string, SongScrape>> {
  const songs = new Map<string, SongScrape>();
  if (trackIds.length === 0) return songs;
  const [rows, vendorsBySong, index] = await Promise.all([
    db.$queryRaw<Array<{
      spotifyTrackId: string; scrapedAt: Date; spotifyPlaylistId: string | null; name: string | null; curator: string | null;
      streams7d: number | null; streams28d: number | null; streams12m: number | null; dateAdded: Date | null; playlistId: string | null;
    }>>`
      WITH ranked AS (
        SELECT s.id, s."spotifyTrackId", s."scrapedAt", row_number() OVER (PARTITION BY s."spotifyTrackId" ORDER BY s."scrapedAt" DESC) AS rank
        FROM "ScrapeSnapshot" s
        WHERE s."organizationId" = ${organizationId} AND s."spotifyTrackId" = ANY(${trackIds}) AND s."scrapedAt" < ${cutoff}
      ), chosen AS (SELECT id, "spotifyTrackId", "scrapedAt" FROM ranked WHERE rank = ${which === 'latest' ? 1 : 2})
      SELECT l."spotifyTrackId", l."scrapedAt", c."spotifyPlaylistId", c.name, c.curator, c."streams7d", c."streams28d", c."streams12m", c."dateAdded", c."playlistId"
      FROM chosen l
      LEFT JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = l.id`,
    loadVendorsBySong(db, organizationId, trackIds),
    loadPlaylistIndex(db),
  ]);
  for (const row of rows) {
    let song = songs.get(row.spotifyTrackId);
    if (!song) {
      song = { spotifyTrackId: row.spotifyTrackId, scrapedAt: row.scrapedAt, playlists: [], dropped: [] };
      songs.set(row.spotifyTrackId, song);
    }
    if (row.name === null) continue;
    const scraped = { spotifyPlaylistId: row.spotifyPlaylistId, name: row.name, curator: row.curator };
    song.playlists.push({
      ...scraped, playlistId: row.playlistId, dateAdded: row.dateAdded, streams7d: row.streams7d ?? 0, streams28d: row.streams28d ?? 0, streams12m: row.streams12m ?? 0,
      owner: ownerOf(scraped, index, vendorsBySong.get(row.spotifyTrackId) ?? new Set()),
    });
  }
  for (const song of songs.values()) song.playlists.sort(byStreams);
  return songs;
}

/** The instant as_of ends for scrapes and payments. */
export function cutoffOf(asOf: Date, timeZone: string): Date {
  return endOfDayIn(asOf, timeZone);
}

/** The organisation's playlist registry, indexed for the ownership rule. */
async function loadPlaylistIndex(db: ToolDb): Promise<PlaylistIndex> {
  return new PlaylistIndex(await db.playlist.findMany({ select: { id: true, vendorId: true, spotifyPlaylistId: true, name: true }, orderBy: { id: 'asc' } }));
}
