import type { ToolContext } from '../../registry/context.ts';
import { amountText } from '../../common/display-figures.ts';
import { recordActivity } from './activity.ts';
import { requirePlacement, toPlacementRecordView, type PlacementRecordView } from './placement-record.ts';

export interface PaidAmount {
  amount: number;
  currency: string;
}

/**
 * Money already paid to the placement's vendor for its campaign (vendor payments naming both), per
 * currency. Removing a placement that was paid for changes what the payment bought, so it needs
 * an approver's eyes; one nobody paid for is a plain edit.
 */
export async function paidForPlacement(ctx: ToolContext, placement: { vendorId: string; campaignGroupId: string }): Promise<PaidAmount[]> {
  const sums = await ctx.db.vendorPayment.groupBy({
    by: ['currency'],
    where: { vendorId: placement.vendorId, campaignGroupId: placement.campaignGroupId },
    _sum: { amount: true },
    orderBy: { currency: 'asc' },
  });
  return sums.map((sum) => ({ amount: Number(sum._sum.amount ?? 0), currency: sum.currency })).filter((paid) => paid.amount > 0);
}

export function paidText(paid: readonly PaidAmount[]): string {
  return paid.length ? paid.map((entry) => amountText(entry.amount, entry.currency)).join(' + ') : 'nothing';
}

/** "Night Drive with Pulse Media in Summer push": the placement as people name it. */
export function placementLabel(placement: { songName: string | null; spotifyTrackId: string; vendor: { name: string }; campaignGroup: { name: string } }): string {
  return `${placement.songName ?? `track ${placement.spotifyTrackId}`} with ${placement.vendor.name} in “${placement.campaignGroup.name}”`;
}

/**
 * Soft removal: the row, its scrapes and payments stay (delivered streams never vanish), it just
 * stops being a live promise. Removing a removed placement changes nothing.
 */
export async function softRemovePlacement(ctx: ToolContext, placementId: string): Promise<{ placement: PlacementRecordView; alreadyRemoved: boolean }> {
  const placement = await requirePlacement(ctx.db, placementId);
  if (placement.removedAt) return { placement: toPlacementRecordView(placement, placement.vendor.name), alreadyRemoved: true };
  const removed = await ctx.db.placement.update({ where: { id: placement.id }, data: { removedAt: ctx.now() } });
  await recordActivity(ctx, {
    subjectType: 'placement',
    subjectId: placement.id,
    kind: 'removed',
    summary: `Placement of ${placementLabel(placement)} removed (history kept)`,
    data: { campaignId: placement.campaignGroupId, vendorId: placement.vendorId, approvalId: ctx.approvalId ?? null },
  });
  return { placement: toPlacementRecordView(removed, placement.vendor.name), alreadyRemoved: false };
}
