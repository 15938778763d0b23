import type { ApprovalSummary } from '../../registry/approval-summary.ts';
import type { ToolContext } from '../../registry/context.ts';
import { todayIn } from '../../common/format.ts';
import { amountText, countText, percentText } from '../../common/display-figures.ts';
import { loadDelivery } from '../delivery/load-delivery.ts';
import { songTitles } from '../delivery/song-titles.ts';

export interface PaymentFigures {
  vendor: { id: string; name: string };
  campaign: { id: string; name: string; status: string } | null;
  currency: string;
  placementPrice: number;
  paidSoFar: number;
}

export interface PaymentSummaryRequest {
  amount: number;
  reference?: string;
}

/**
 * A payment as an approver weighs it: who gets how much, for which campaign and songs, and
 * whether the vendor delivered what they promised so far (streams credited to their playlists
 * against min(goal, daily x days) of their placements), beside the price and what was paid.
 */
export async function paymentSummary(ctx: ToolContext, request: PaymentSummaryRequest, figures: PaymentFigures): Promise<ApprovalSummary> {
  const { vendor, campaign, currency, placementPrice, paidSoFar } = figures;
  const scope = { vendorId: vendor.id, ...(campaign ? { campaignGroupId: campaign.id } : {}) };
  const asOf = todayIn(ctx.org.timeZone, ctx.now());
  // Placements that have not started yet promise nothing and would count their song's streams twice.
  const [delivery, placements] = await Promise.all([
    loadDelivery(ctx.db, ctx.orgId, { asOf, placements: { ...scope, startDate: { lte: asOf } }, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, withPlaylists: false }),
    ctx.db.placement.findMany({ where: scope, orderBy: { id: 'asc' }, select: { spotifyTrackId: true, songName: true, campaignGroup: { select: { artistName: true } } } }),
  ]);
  const delivered = delivery.placements.reduce((sum, placement) => sum + placement.delivered, 0);
  const promised = delivery.placements.reduce((sum, placement) => sum + placement.promised, 0);
  const after = paidSoFar + request.amount;
  const evidence = [
    { label: 'Delivered to date', value: `${countText(delivered)} of ${countText(promised)} streams promised` },
    { label: 'Delivery rate', value: promised > 0 ? percentText(delivered / promised) : 'nothing promised yet' },
    { label: campaign ? 'Placements priced' : 'All their placements priced', value: amountText(placementPrice, currency) },
    { label: 'Paid so far', value: amountText(paidSoFar, currency) },
    { label: 'After this payment', value: amountText(after, currency) },
  ];
  if (request.reference) evidence.push({ label: 'Reference', value: request.reference });
  const warnings = [];
  if (Math.round(after * 100) > Math.round(placementPrice * 100)) warnings.push(`This brings payments to ${amountText(after, currency)}, ${amountText(after - placementPrice, currency)} more than the placements are priced.`);
  if (!campaign) warnings.push('No campaign is named: the payment is weighed against all of their placements.');
  return {
    headline: `Pay ${vendor.name} ${amountText(request.amount, currency)}`,
    amount: { value: request.amount, currency },
    campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
    songs: await songTitles(ctx.db, placements.map((placement) => ({ spotifyTrackId: placement.spotifyTrackId, songName: placement.songName, campaignArtist: placement.campaignGroup.artistName }))),
    evidence,
    warnings,
  };
}

/** What an executed payment did, in words: "Payment of 283.26 USD recorded on 20 Nov 2026." */
export function paymentOutcome(result: { amount: number; currency: string; paid_at: string }): string {
  const day = new Date(result.paid_at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `Payment of ${amountText(result.amount, result.currency)} recorded on ${day}.`;
}
