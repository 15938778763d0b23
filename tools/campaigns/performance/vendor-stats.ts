import { money } from '../../common/format.ts';
import { averageDailyStreams, deliveryRate, realCostPer1k, reliabilityScore } from '../delivery/delivery-math.ts';
import type { PlacementDelivery } from '../delivery/load-delivery.ts';

/**
 * A vendor's accountability figures (DESIGN.md section 6): ratios of sums, never averages of ratios.
 * A placement priced in a currency without a rate still counts for streams and reliability, but
 * stays out of the money sums (price and real cost), so a cost is never guessed at 1:1.
 */
export interface VendorStats {
  vendorId: string;
  placements: number;
  /** Placements with something promised by as_of: the sample behind the delivery rate and reliability. */
  placementsWithPromise: number;
  campaignIds: Set<string>;
  delivered: number;
  promised: number;
  /** Sum of the prices in the base currency, leaving out `unpriced` placements. */
  price: number;
  /** Delivered by the placements `price` covers: the real cost's own denominator. */
  pricedDelivered: number;
  /** Placements whose currency has no rate by as_of: left out of `price` and the real cost. */
  unpriced: Array<{ listPrice: number; currency: string; priceNote: string }>;
  streams28d: number;
  deliveryRate: number | null;
  realCostPer1k: number | null;
  reliabilityScore: number | null;
  avgDailyStreams: number;
}

export function vendorStats(placements: readonly PlacementDelivery[]): Map<string, VendorStats> {
  const byVendor = new Map<string, PlacementDelivery[]>();
  for (const placement of placements) byVendor.set(placement.vendorId, [...(byVendor.get(placement.vendorId) ?? []), placement]);
  const stats = new Map<string, VendorStats>();
  for (const [vendorId, own] of byVendor) {
    const delivered = own.reduce((sum, placement) => sum + placement.delivered, 0);
    const promised = own.reduce((sum, placement) => sum + placement.promised, 0);
    const priced = own.filter((placement) => placement.price !== null);
    const price = priced.reduce((sum, placement) => sum + placement.price!, 0);
    const pricedDelivered = priced.reduce((sum, placement) => sum + placement.delivered, 0);
    const streams28d = own.reduce((sum, placement) => sum + placement.streams28d, 0);
    stats.set(vendorId, {
      vendorId,
      placements: own.length,
      placementsWithPromise: own.filter((placement) => placement.promised > 0).length,
      campaignIds: new Set(own.map((placement) => placement.campaignGroupId)),
      delivered,
      promised,
      price,
      pricedDelivered,
      unpriced: own.flatMap((placement) => (placement.price === null ? [{ listPrice: placement.listPrice, currency: placement.currency, priceNote: placement.priceNote! }] : [])),
      streams28d,
      deliveryRate: deliveryRate(delivered, promised),
      realCostPer1k: realCostPer1k(price, pricedDelivered),
      reliabilityScore: reliabilityScore(own),
      avgDailyStreams: averageDailyStreams(streams28d),
    });
  }
  return stats;
}

/** Names the placements a vendor's spend and real cost leave out, with their own prices; null when all were converted. */
export function unpricedPlacementsNote(stats: VendorStats | undefined): string | null {
  const unpriced = stats?.unpriced ?? [];
  if (unpriced.length === 0) return null;
  const prices = unpriced.map((placement) => `${money(placement.listPrice).toFixed(2)} ${placement.currency}`).join(', ');
  const reasons = [...new Set(unpriced.map((placement) => placement.priceNote))].join(' ');
  return `${unpriced.length} placement${unpriced.length === 1 ? '' : 's'} (${prices}) left out of the spend and real cost: ${reasons}`;
}
