import { averageDailyStreams, deliveryRate, realCostPer1k, reliabilityScore } from '../delivery/delivery-math.ts';
import type { PlacementDelivery } from '../delivery/load-delivery.ts';

/** A vendor's accountability figures (DESIGN.md section 6): ratios of sums, never averages of ratios. */
export interface VendorStats {
  vendorId: string;
  placements: number;
  /** Placements with something promised by as_of: the sample behind the delivery rate and reliability. */
  placementsWithPromise: number;
  campaignIds: Set<string>;
  delivered: number;
  promised: number;
  price: number;
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
    const price = own.reduce((sum, placement) => sum + placement.price, 0);
    const streams28d = own.reduce((sum, placement) => sum + placement.streams28d, 0);
    stats.set(vendorId, {
      vendorId,
      placements: own.length,
      placementsWithPromise: own.filter((placement) => placement.promised > 0).length,
      campaignIds: new Set(own.map((placement) => placement.campaignGroupId)),
      delivered,
      promised,
      price,
      streams28d,
      deliveryRate: deliveryRate(delivered, promised),
      realCostPer1k: realCostPer1k(price, delivered),
      reliabilityScore: reliabilityScore(own),
      avgDailyStreams: averageDailyStreams(streams28d),
    });
  }
  return stats;
}
