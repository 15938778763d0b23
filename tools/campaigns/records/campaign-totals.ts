import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { deliveryRate, remainingStreams } from '../delivery/delivery-math.ts';
import type { PlacementDelivery } from '../delivery/load-delivery.ts';
import { DELIVERY_CHECKS, figureCtes, listingCtes } from '../delivery/delivery-sql.ts';
import { loadDeliveryScope, queryDelivery } from '../delivery/delivery-scope.ts';
import { inDeliverySession, withSessionCaches } from '../delivery/delivery-session.ts';
import { NO_PLAYS, type GroupPlays } from '../delivery/song-plays.ts';
import { rate } from '../../common/format.ts';

/** A campaign's (or a client's) streams as of a date. No money: a placement priced without an exchange rate must not fail every list. */
export interface CampaignTotals {
  placements: number;
  goal: number;
  delivered: number;
  promised: number;
  remaining: number;
  streams7d: number;
  streams28d: number;
  /** Placements neither removed nor paused or completed: the live promise. */
  livePlacements: number;
  /** Sum of the live placements' daily promise. */
  dailyPromise: number;
  /** Sum of the live placements' weekly promise (daily x 7 where none was quoted). */
  weeklyPromise: number;
  /** Vendor playlists that dropped a song and keep their last figures. */
  droppedPlaylists: number;
  /** The songs' own plays (each song once, latest scrape), beside what vendors delivered. */
  plays7d: number;
  plays28d: number;
}

export const EMPTY_TOTALS: CampaignTotals = {
  placements: 0, goal: 0, delivered: 0, promised: 0, remaining: 0, streams7d: 0, streams28d: 0,
  livePlacements: 0, dailyPromise: 0, weeklyPromise: 0, droppedPlaylists: 0, plays7d: 0, plays28d: 0,
};

/** Whether a placement still counts in the live promise: not removed, and neither paused nor completed. */
export function isLive(placement: Pick<PlacementDelivery, 'status' | 'removedAt'>): boolean {
  return placement.removedAt === null && placement.status === 'ACTIVE';
}

/**
 * Sums placements; remaining is summed per placement (max(0, goal - delivered) each), as DESIGN.md
 * defines. Song plays are not placement figures: `plays` adds them (each song once).
 */
export function sumPlacements(placements: readonly PlacementDelivery[], plays = NO_PLAYS): CampaignTotals {
  const totals = placements.reduce<CampaignTotals>(
    (sums, placement) => ({
      ...sums,
      placements: sums.placements + 1,
      goal: sums.goal + placement.goal,
      delivered: sums.delivered + placement.delivered,
      promised: sums.promised + placement.promised,
      remaining: sums.remaining + remainingStreams(placement.goal, placement.delivered),
      streams7d: sums.streams7d + placement.streams7d,
      streams28d: sums.streams28d + placement.streams28d,
      livePlacements: sums.livePlacements + (isLive(placement) ? 1 : 0),
      dailyPromise: sums.dailyPromise + (isLive(placement) ? placement.daily : 0),
      weeklyPromise: sums.weeklyPromise + (isLive(placement) ? (placement.weekly ?? placement.daily * 7) : 0),
      droppedPlaylists: sums.droppedPlaylists + placement.droppedPlaylists,
    }),
    EMPTY_TOTALS,
  );
  return { ...totals, plays7d: plays.plays7d, plays28d: plays.plays28d };
}

/** Adds two groups' placement figures; song plays are not additive (a song may be in both) and are left to the caller. */
export function addTotals(a: CampaignTotals, b: CampaignTotals): CampaignTotals {
  const sum = Object.fromEntries(Object.keys(EMPTY_TOTALS).map((key) => [key, a[key as keyof CampaignTotals] + b[key as keyof CampaignTotals]]));
  return { ...(sum as unknown as CampaignTotals), plays7d: 0, plays28d: 0 };
}

/**
 * 1 - sum(remaining) / sum(goal); null without a goal. Equals delivery-math's `progress` over the
 * same placements, from sums, so campaigns can be added up into clients.
 */
export function totalsProgress(totals: CampaignTotals): number | null {
  return totals.goal > 0 ? 1 - totals.remaining / totals.goal : null;
}

interface CampaignRow {
  campaign_id: string; placements: number; goal: number; delivered: number; promised: number; remaining: number; streams7d: number; streams28d: number;
  live_placements: number; daily_promise: number; weekly_promise: number; dropped_playlists: number; unknown_identities: number;
  plays7d: number | null; plays28d: number | null; plays12m: number | null; songs: number | null;
  client_plays?: Array<{ group_id: string; plays7d: number; plays28d: number; plays12m: number; songs: number }> | null;
}

/** Delivery figures of each campaign, added up in the database (the same rules as `loadDelivery`), with its songs' own plays. */
export async function loadCampaignTotals(ctx: ToolContext, campaignIds: readonly string[], asOf: Date): Promise<Map<string, CampaignTotals>> {
  return (await loadCampaignFigures(ctx, campaignIds, asOf)).totals;
}

/**
 * `loadCampaignTotals`, and with `clientPlays` the own plays of each client's songs over these
 * campaigns (each song once per client: the specification's client query), from the same query:
 * its latest scrapes are the ones the plays are read from.
 */
export async function loadCampaignFigures(
  ctx: ToolContext, campaignIds: readonly string[], asOf: Date, options: { clientPlays?: boolean } = {},
): Promise<{ totals: Map<string, CampaignTotals>; clientPlays: Map<string, GroupPlays> }> {
  const totals = new Map<string, CampaignTotals>();
  const clientPlays = new Map<string, GroupPlays>();
  if (campaignIds.length === 0) return { totals, clientPlays };
  const placements = Prisma.sql`p."campaignGroupId" = ANY(${[...campaignIds]}::text[])`;
  const scope = await loadDeliveryScope(ctx.db, ctx.orgId, {
    asOf, timeZone: ctx.org.timeZone, baseCurrency: ctx.org.baseCurrency, placements, wholeOrganization: campaignIds.length > SMALL_SELECTION,
  });
  const plays = (groups: Prisma.Sql) => Prisma.sql`
      SELECT s.group_id, sum(l."plays7d")::float8 AS plays7d, sum(l."plays28d")::float8 AS plays28d, sum(l."plays12m")::float8 AS plays12m, count(*)::int AS songs
      FROM (${groups}) s JOIN latest l ON l.track = s.track
      GROUP BY 1`;
  const rows = await inDeliverySession(ctx, async (db) => queryDelivery<CampaignRow>(db, await withSessionCaches(db, scope), (current) => Prisma.sql`
    WITH ${listingCtes(current)}${figureCtes(current)},
    -- The songs' own plays from the same latest scrapes, each song once per campaign (and per client).
    campaign_plays AS (${plays(Prisma.sql`SELECT DISTINCT "campaignGroupId" AS group_id, track FROM placed`)})${options.clientPlays ? Prisma.sql`,
    client_plays AS (${plays(Prisma.sql`
      SELECT DISTINCT g."clientId" AS group_id, p.track FROM placed p JOIN "CampaignGroup" g ON g."organizationId" = ${ctx.orgId} AND g.id = p."campaignGroupId"`)})` : Prisma.empty}
    SELECT t.*, c.plays7d, c.plays28d, c.plays12m, c.songs${options.clientPlays ? Prisma.sql`, (SELECT json_agg(x) FROM client_plays x) AS client_plays` : Prisma.empty}
    FROM (
      SELECT f."campaignGroupId" AS campaign_id, ${DELIVERY_CHECKS},
             count(*)::int AS placements, sum(f.goal)::float8 AS goal, sum(f.delivered) AS delivered, sum(f.promised) AS promised,
             sum(greatest(0, f.goal - f.delivered)) AS remaining, sum(f.streams7d) AS streams7d, sum(f.streams28d) AS streams28d,
             count(*) FILTER (WHERE ${LIVE})::int AS live_placements, coalesce(sum(f.daily) FILTER (WHERE ${LIVE}), 0)::float8 AS daily_promise,
             coalesce(sum(coalesce(f.weekly, f.daily * 7)) FILTER (WHERE ${LIVE}), 0)::float8 AS weekly_promise,
             sum(f.dropped_playlists)::int AS dropped_playlists
      FROM figures f GROUP BY 1
    ) t LEFT JOIN campaign_plays c ON c.group_id = t.campaign_id`));
  const byCampaign = new Map(rows.map((row) => [row.campaign_id, row]));
  for (const id of campaignIds) {
    const row = byCampaign.get(id);
    totals.set(id, row ? {
      placements: row.placements, goal: row.goal, delivered: row.delivered, promised: row.promised, remaining: row.remaining,
      streams7d: row.streams7d, streams28d: row.streams28d, livePlacements: row.live_placements, dailyPromise: row.daily_promise,
      weeklyPromise: row.weekly_promise, droppedPlaylists: row.dropped_playlists, plays7d: row.plays7d ?? 0, plays28d: row.plays28d ?? 0,
    } : EMPTY_TOTALS);
  }
  for (const client of rows[0]?.client_plays ?? []) {
    clientPlays.set(client.group_id, { plays7d: client.plays7d, plays28d: client.plays28d, plays12m: client.plays12m, scrapedSongs: client.songs });
  }
  return { totals, clientPlays };
}

/** Up to this many campaigns, only their songs' scrapes are read; beyond, the organisation's (cheaper than filtering most of them). */
const SMALL_SELECTION = 20;
const LIVE = Prisma.sql`f."removedAt" IS NULL AND f.status = 'ACTIVE'`;

/** The streams figures every campaign row carries. */
export const streamsFigures = z.object({
  goal: z.number().describe('Sum of the placements\' stream goals.'),
  delivered: z.number().describe('Streams (12 months) on the vendors\' playlists, each playlist from its latest scrape on or before as_of that lists the song (a playlist that dropped it keeps its last figures).'),
  streams_7d: z.number().describe('Real streams: the songs\' own last-7-days plays on Spotify (every source), each song once, from its latest scrape on or before as_of.'),
  streams_28d: z.number().describe('Real streams: the songs\' own last-28-days plays, likewise.'),
  vendor_streams_7d: z.number().describe('Last-7-days streams on the vendors\' playlists (what the vendors delivered), each playlist from its latest listing.'),
  vendor_streams_28d: z.number().describe('Last-28-days streams on the vendors\' playlists, likewise.'),
  dropped_playlists: z.number().describe('Vendor playlists that dropped a song: they keep their last figures in delivered.'),
  remaining_streams: z.number().describe('Sum over placements of max(0, goal - delivered).'),
  progress: z.number().nullable().describe('1 - remaining / goal (0-1); null without a goal.'),
});

export function toStreamsFigures(totals: CampaignTotals): z.infer<typeof streamsFigures> {
  return {
    goal: totals.goal,
    delivered: totals.delivered,
    streams_7d: totals.plays7d,
    streams_28d: totals.plays28d,
    vendor_streams_7d: totals.streams7d,
    vendor_streams_28d: totals.streams28d,
    dropped_playlists: totals.droppedPlaylists,
    remaining_streams: totals.remaining,
    progress: rate(totalsProgress(totals)),
  };
}

/** Delivered against what the vendors promised by as_of: the figures real-vs-promised views share. */
export const promiseFigures = z.object({
  promised_to_date: z.number().describe('Sum over placements of min(goal, daily x whole days since start; a removed placement\'s days stop on its removal day): what the vendors promised by as_of.'),
  delivery_rate: z.number().nullable().describe('delivered / promised_to_date (1 = as promised); null when nothing is promised yet.'),
  daily_promise: z.number().describe('Sum of the daily promise of its live placements (not removed, neither paused nor completed).'),
  weekly_promise: z.number().describe('Sum of the weekly promise of its live placements (daily x 7 where the vendor quoted none).'),
  live_placements: z.number().describe('Placements not removed, neither paused nor completed.'),
});

export function toPromiseFigures(totals: CampaignTotals): z.infer<typeof promiseFigures> {
  return {
    promised_to_date: totals.promised,
    delivery_rate: rate(deliveryRate(totals.delivered, totals.promised)),
    daily_promise: totals.dailyPromise,
    weekly_promise: totals.weeklyPromise,
    live_placements: totals.livePlacements,
  };
}
