import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { ToolError } from '../../registry/errors.ts';
import { endOfDayIn } from '../../common/format.ts';
import { deliveryRate } from './delivery-math.ts';
import { DELIVERY_CHECKS, figureCtes, listingCtes, type DeliveryScope } from './delivery-sql.ts';
import { loadDeliveryScope, queryDelivery, type LoadedScope } from './delivery-scope.ts';
import { inDeliverySession, withSessionCaches } from './delivery-session.ts';
import { loadVendorsBySong } from './vendors-by-song.ts';
import { ownerOf, type PlaylistIndex, type PlaylistOwner, type ScrapedPlaylistRow } from './playlist-ownership.ts';
import { loadPlaylistIndex } from './playlist-identities.ts';

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
  const condition = await placementCondition(db, options.placements);
  const detailed = options.withPlaylists !== false;
  // Listing every playlist row needs the identities of those songs only, always read fresh.
  const scope = await loadDeliveryScope(db, organizationId, { ...options, placements: condition, wholeOrganization: !options.placements && !detailed });
  const [placements, songs] = await Promise.all([
    loadPlacementFigures(db, scope),
    detailed ? loadSongListings(db, scope) : Promise.resolve(new Map<string, SongScrape>()),
  ]);
  creditPlaylists(placements, (track) => {
    const song = songs.get(track);
    return song && [...song.playlists, ...song.dropped];
  });
  return { asOf: options.asOf, baseCurrency: options.baseCurrency, placements, songs };
}

/** Gives each placement the playlists of its song credited to its vendor, most 28-day streams first. */
function creditPlaylists(placements: PlacementDelivery[], playlistsOf: (track: string) => CreditedPlaylist[] | undefined): void {
  for (const placement of placements) {
    const playlists = playlistsOf(placement.spotifyTrackId);
    if (playlists) placement.playlists = playlists.filter((playlist) => creditedVendor(playlist.owner) === placement.vendorId).sort(byStreams);
  }
}

/**
 * The placements' figures without their playlists (`loadDelivery` with `withPlaylists: false`), for
 * checks over many of an organisation's placements (alerts, the vendor outlook, milestones): in a
 * delivery session, where the history rule reads the drops cache and the latest scrapes their owner
 * totals, rather than every earlier scrape's rows. The same figures; seconds become a fraction of one
 * at 10,000 songs.
 */
export async function loadPlacementDelivery(ctx: ToolContext, options: PlacementDeliveryOptions): Promise<PlacementDelivery[]> {
  const scope = await loadDeliveryScope(ctx.db, ctx.orgId, { ...options, wholeOrganization: true });
  return inDeliverySession(ctx, async (db) => {
    const session = await withSessionCaches(db, scope, { listings: options.withDropped });
    const placements = await loadPlacementFigures(db, session);
    if (options.withDropped) {
      const dropped = await loadDroppedListings(db, session);
      creditPlaylists(placements, (track) => dropped.get(track));
    }
    return placements;
  });
}

export interface PlacementDeliveryOptions extends Omit<LoadDeliveryOptions, 'withPlaylists' | 'placements'> {
  /** Which placements: a condition on `"Placement" p` (its organisation is already chosen). */
  placements: Prisma.Sql;
  /** Each placement's `playlists` holds its vendor's playlists that dropped the song (they keep their last figures), and no others. */
  withDropped?: boolean;
}

/** The placements as a condition on `"Placement" p`: the chosen ones' ids, or all of the organisation's. */
async function placementCondition(db: ToolDb, placements: Prisma.PlacementWhereInput | undefined): Promise<Prisma.Sql> {
  if (!placements) return Prisma.sql`TRUE`;
  const chosen = await db.placement.findMany({ where: placements, select: { id: true } });
  return Prisma.sql`p.id = ANY(${chosen.map((placement) => placement.id)}::text[])`;
}

/**
 * One placement's figures as the JSON array `loadPlacementFigures` reads: id, campaign, vendor, track, song name, genre, goal,
 * daily, weekly, list price, currency, start date, status, removed at, delivered, streams 7d/28d, dropped playlists, promised,
 * price in the base currency, paid, cost, unconverted currency, scraped at.
 */
type FigureRow = [
  string, string, string, string, string | null, string | null, number, number, number | null, number, string, string, PlacementStatusName, string | null,
  number, number, number, number, number, number | null, boolean, number | null, string | null, string | null,
];

/**
 * One row per placement, every figure computed in SQL. The rows come as one JSON array, parsed
 * natively: 10,000 rows of 24 columns through the client's per-value decoding took longer than the query.
 */
export async function loadPlacementFigures(db: ToolDb, scope: LoadedScope): Promise<PlacementDelivery[]> {
  const [result] = await queryDelivery<{ unknown_identities: number; uncached_rows: number; figures: FigureRow[] | null }>(db, scope, (current) => Prisma.sql`
    WITH ${listingCtes(current)}${figureCtes(current)}
    SELECT ${DELIVERY_CHECKS}, (
      SELECT json_agg(json_build_array(f.id, f."campaignGroupId", f."vendorId", f.track, f."songName", f.genre, f.goal, f.daily, f.weekly, f.price::float8, f.currency,
                                       f."startDate", f.status, f."removedAt", f.delivered, f.streams7d, f.streams28d, f.dropped_playlists, f.promised, f.price_base,
                                       f.paid, f.cost, f.unconverted_currency, l."scrapedAt") ORDER BY f.id)
      FROM figures f LEFT JOIN latest l ON l.track = f.track
    ) AS figures`);
  return (result?.figures ?? []).map(([
    id, campaignGroupId, vendorId, track, songName, genre, goal, daily, weekly, listPrice, currency, startDate, status, removedAt,
    delivered, streams7d, streams28d, droppedPlaylists, promised, priceBase, paid, cost, unconvertedCurrency, scrapedAt,
  ]) => ({
    placementId: id,
    campaignGroupId,
    vendorId,
    spotifyTrackId: track,
    songName,
    genre,
    goal,
    daily,
    weekly,
    status,
    removedAt: removedAt === null ? null : new Date(removedAt),
    price: priceBase,
    listPrice,
    currency,
    priceNote: priceBase === null ? scope.missingRateNote(currency) : null,
    cost,
    costBasis: paid ? 'paid' : 'price',
    costNote: cost === null && unconvertedCurrency ? scope.missingRateNote(unconvertedCurrency) : null,
    startDate: new Date(startDate),
    delivered,
    streams7d,
    streams28d,
    droppedPlaylists,
    promised,
    deliveryRate: deliveryRate(delivered, promised),
    scrapedAt: scrapedAt === null ? null : new Date(scrapedAt),
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
    for (const listed of row.playlists ?? []) {
      const playlist = creditedListing(listed, index, vendors);
      (playlist.droppedAt ? song.dropped : song.playlists).push(playlist);
    }
  }
  for (const song of songs.values()) {
    song.playlists.sort(byStreams);
    song.dropped.sort(byStreams);
  }
  return songs;
}

/**
 * Per song, the playlists that dropped it and keep their last figures (`SongScrape.dropped`),
 * credited to their owners: the history rule's kept rows alone, where a listing reads every
 * playlist row of every song.
 */
async function loadDroppedListings(db: ToolDb, scope: DeliveryScope): Promise<Map<string, CreditedPlaylist[]>> {
  const rows = await db.$queryRaw<Array<{ track: string; playlists: ListedRow[] }>>`
    WITH ${listingCtes(scope, true)}
    SELECT k.track, json_agg(json_build_array(k."scrapedAt", k.name, k."spotifyPlaylistId", k.curator, k."dateAdded", k."playlistId",
                                              k."streams7d", k."streams28d", k."streams12m", k.dropped_at)) AS playlists
    FROM kept_listed k GROUP BY k.track`;
  const dropped = new Map<string, CreditedPlaylist[]>();
  if (rows.length === 0) return dropped;
  const index = scope.identities.index ?? (await loadPlaylistIndex(db));
  const vendorsBySong = await loadVendorsBySong(db, scope.organizationId, rows.map((row) => row.track));
  for (const row of rows) {
    const vendors = vendorsBySong.get(row.track) ?? new Set<string>();
    dropped.set(row.track, row.playlists.map((listed) => creditedListing(listed, index, vendors)).sort(byStreams));
  }
  return dropped;
}

/** A row of `listed` credited to its owner. */
function creditedListing(
  [scrapedAt, name, spotifyPlaylistId, curator, dateAdded, playlistId, streams7d, streams28d, streams12m, droppedAt]: ListedRow,
  index: PlaylistIndex, vendors: ReadonlySet<string>,
): CreditedPlaylist {
  const scraped = { spotifyPlaylistId, name, curator };
  return {
    ...scraped, playlistId, dateAdded: dateAdded === null ? null : new Date(dateAdded), streams7d, streams28d, streams12m,
    scrapedAt: scrapedAt === null ? undefined : new Date(scrapedAt), droppedAt: droppedAt === null ? null : new Date(droppedAt),
    owner: ownerOf(scraped, index, vendors),
  };
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

/** The instant as_of ends for scrapes and payments. */
export function cutoffOf(asOf: Date, timeZone: string): Date {
  return endOfDayIn(asOf, timeZone);
}
