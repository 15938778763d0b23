import type { ApprovalSummary } from '../../registry/approval-summary.ts';
import type { ToolContext } from '../../registry/context.ts';
import { todayIn } from '../../common/format.ts';
import { amountText, countText, percentText } from '../../common/display-figures.ts';
import { loadDelivery } from '../delivery/load-delivery.ts';
import { songTitles } from '../delivery/song-titles.ts';
import { planEvidence } from '../plans/plan-math.ts';
import { loadPlanRecords } from '../plans/plan-records.ts';

export interface AllocationFigures {
  campaign: { id: string; name: string; status: string; currency: string; artistName: string };
  trackId: string;
  /** Vendor id -> name. */
  vendors: Map<string, string>;
  /** A price in the request's currency, converted to the campaign's. */
  inCampaignCurrency(price: number): number;
}

export interface AllocationRequest {
  allocations: ReadonlyArray<{ vendor_id: string; goal: number; daily: number; price: number }>;
}

/**
 * Placements to book as an approver weighs them: the total spend, the song, each vendor's order,
 * and how the campaign is delivering so far (what it already bought against what it got).
 */
export async function allocationSummary(ctx: ToolContext, request: AllocationRequest, figures: AllocationFigures): Promise<ApprovalSummary> {
  const { campaign, trackId, vendors, inCampaignCurrency } = figures;
  const currency = campaign.currency;
  const total = request.allocations.reduce((sum, allocation) => sum + inCampaignCurrency(allocation.price), 0);
  const ordered = request.allocations.reduce((sum, allocation) => sum + allocation.goal, 0);
  const asOf = todayIn(ctx.org.timeZone, ctx.now());
  // Placements that have not started yet promise nothing and would count their song's streams twice.
  const delivery = await loadDelivery(ctx.db, ctx.orgId, {
    asOf, placements: { campaignGroupId: campaign.id, startDate: { lte: asOf } }, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, withPlaylists: false,
  });
  const delivered = delivery.placements.reduce((sum, placement) => sum + placement.delivered, 0);
  const promised = delivery.placements.reduce((sum, placement) => sum + placement.promised, 0);
  const count = request.allocations.length;
  const evidence = [
    ...request.allocations.map((allocation) => ({
      label: vendors.get(allocation.vendor_id) ?? 'Unknown vendor',
      value: `${countText(allocation.goal)} streams at ${countText(allocation.daily)}/day for ${amountText(inCampaignCurrency(allocation.price), currency)}`,
    })),
    { label: 'Streams ordered', value: `${countText(ordered)} (${amountText(ordered > 0 ? (total / ordered) * 1000 : 0, currency)} per 1,000)` },
    { label: 'Campaign delivered to date', value: `${countText(delivered)} of ${countText(promised)} streams promised` },
    { label: 'Campaign delivery rate', value: promised > 0 ? percentText(delivered / promised) : 'nothing promised yet' },
  ];
  const warnings = campaign.status === 'ACTIVE' ? [] : [`The campaign is ${campaign.status.toLowerCase()}.`];
  // What the vendors did with their past plans, where it falls short: the approver books them again.
  const plans = await loadPlanRecords(ctx, [...vendors.keys()], asOf);
  for (const [vendorId, record] of plans) {
    if (record.underDelivers) warnings.push(`${vendors.get(vendorId)} ${planEvidence(record)}.`);
  }
  return {
    headline: `Book ${count} playlist placement${count === 1 ? '' : 's'} for ${amountText(total, currency)}`,
    amount: { value: Math.round(total * 100) / 100, currency },
    campaign: { id: campaign.id, name: campaign.name },
    songs: await songTitles(ctx.db, [{ spotifyTrackId: trackId, campaignArtist: campaign.artistName }]),
    evidence,
    warnings,
  };
}

/** What the booked allocation did, in words: "3 placements created, 120,000 streams ordered." */
export function committedAllocationText(result: { placements: ReadonlyArray<{ goal: number }> }): string {
  const count = result.placements.length;
  const ordered = result.placements.reduce((sum, placement) => sum + placement.goal, 0);
  return `${count} placement${count === 1 ? '' : 's'} created, ${countText(ordered)} streams ordered.`;
}
