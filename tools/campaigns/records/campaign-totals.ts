import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { deliveryRate, remainingStreams } from '../delivery/delivery-math.ts';
import { loadDelivery, type PlacementDelivery } from '../delivery/load-delivery.ts';
import { rate } from '../../common/format.ts';
import { groupBy } from './group-by.ts';

/** A campaign's (or a client's) streams as of a date. No money: a placement priced without an exchange rate must not fail every list. */
export interface CampaignTotals {
  placements: number;
  goal: number;
  delivered: number;
  promised: number;
  remaining: number;
  streams7d: number;
  streams28d: number;
}

export const EMPTY_TOTALS: CampaignTotals = { placements: 0, goal: 0, delivered: 0, promised: 0, remaining: 0, streams7d: 0, streams28d: 0 };

/** Sums placements; remaining is summed per placement (max(0, goal - delivered) each), as DESIGN.md defines. */
export function sumPlacements(placements: readonly PlacementDelivery[]): CampaignTotals {
  return placements.reduce<CampaignTotals>(
    (totals, placement) => ({
      placements: totals.placements + 1,
      goal: totals.goal + placement.goal,
      delivered: totals.delivered + placement.delivered,
      promised: totals.promised + placement.promised,
      remaining: totals.remaining + remainingStreams(placement.goal, placement.delivered),
      streams7d: totals.streams7d + placement.streams7d,
      streams28d: totals.streams28d + placement.streams28d,
    }),
    EMPTY_TOTALS,
  );
}

export function addTotals(a: CampaignTotals, b: CampaignTotals): CampaignTotals {
  return {
    placements: a.placements + b.placements,
    goal: a.goal + b.goal,
    delivered: a.delivered + b.delivered,
    promised: a.promised + b.promised,
    remaining: a.remaining + b.remaining,
    streams7d: a.streams7d + b.streams7d,
    streams28d: a.streams28d + b.streams28d,
  };
}

/**
 * 1 - sum(remaining) / sum(goal); null without a goal. Equals delivery-math's `progress` over the
 * same placements, from sums, so campaigns can be added up into clients.
 */
export function totalsProgress(totals: CampaignTotals): number | null {
  return totals.goal > 0 ? 1 - totals.remaining / totals.goal : null;
}

/** Delivery figures of each campaign, from the shared delivery loader (never recomputed here). */
export async function loadCampaignTotals(ctx: ToolContext, campaignIds: readonly string[], asOf: Date): Promise<Map<string, CampaignTotals>> {
  const totals = new Map<string, CampaignTotals>();
  if (campaignIds.length === 0) return totals;
  const report = await loadDelivery(ctx.db, ctx.orgId, {
    asOf,
    baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone,
    withPlaylists: false,
    placements: { campaignGroupId: { in: [...campaignIds] } },
  });
  const byCampaign = groupBy(report.placements, (placement) => placement.campaignGroupId);
  for (const id of campaignIds) totals.set(id, sumPlacements(byCampaign.get(id) ?? []));
  return totals;
}

/** The streams figures every campaign row carries. */
export const streamsFigures = z.object({
  goal: z.number().describe('Sum of the placements\' stream goals.'),
  delivered: z.number().describe('Streams (12 months) on the vendors\' playlists, latest scrape on or before as_of.'),
  streams_7d: z.number().describe('Last-7-days streams on the vendors\' playlists.'),
  streams_28d: z.number().describe('Last-28-days streams on the vendors\' playlists.'),
  remaining_streams: z.number().describe('Sum over placements of max(0, goal - delivered).'),
  progress: z.number().nullable().describe('1 - remaining / goal (0-1); null without a goal.'),
});

export function toStreamsFigures(totals: CampaignTotals): z.infer<typeof streamsFigures> {
  return {
    goal: totals.goal,
    delivered: totals.delivered,
    streams_7d: totals.streams7d,
    streams_28d: totals.streams28d,
    remaining_streams: totals.remaining,
    progress: rate(totalsProgress(totals)),
  };
}

/** Delivered against what the vendors promised by as_of: the figures real-vs-promised views share. */
export const promiseFigures = z.object({
  promised_to_date: z.number().describe('Sum over placements of min(goal, daily x whole days since start): what the vendors promised by as_of.'),
  delivery_rate: z.number().nullable().describe('delivered / promised_to_date (1 = as promised); null when nothing is promised yet.'),
});

export function toPromiseFigures(totals: CampaignTotals): z.infer<typeof promiseFigures> {
  return { promised_to_date: totals.promised, delivery_rate: rate(deliveryRate(totals.delivered, totals.promised)) };
}
