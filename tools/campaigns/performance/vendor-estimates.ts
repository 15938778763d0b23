import type { VendorStats } from './vendor-stats.ts';

/**
 * Expected real cost and reliability per vendor, with small samples shrunk toward the
 * organisation's overall record so that one lucky placement does not top the ranking.
 *
 * The prior is PRIOR_PLACEMENTS pseudo-placements of the organisation's average promise, bought
 * at the vendor's own promised price and delivered at the organisation's overall delivery rate.
 * With no history a vendor's estimate is the prior itself; with a long history, its own record.
 */
export const PRIOR_PLACEMENTS = 3;
/** Below this many placements with a promise, an estimate is flagged as uncertain. */
export const CONFIDENT_SAMPLE = 5;

export type Confidence = 'none' | 'low' | 'medium' | 'high';

export interface VendorEstimate {
  vendorId: string;
  /** Streams per 1,000 promised that the vendor is expected to deliver. */
  expectedDeliveryRate: number;
  /** Price per 1,000 real streams, expected. */
  expectedRealCostPer1k: number;
  expectedReliability: number;
  confidence: Confidence;
  sample: number;
}

export interface OverallRecord {
  deliveryRate: number;
  reliability: number;
  averagePromise: number;
}

export function overallRecord(stats: Iterable<VendorStats>): OverallRecord {
  let delivered = 0;
  let promised = 0;
  let eligible = 0;
  let reliable = 0;
  for (const vendor of stats) {
    delivered += vendor.delivered;
    promised += vendor.promised;
    eligible += vendor.placementsWithPromise;
    reliable += ((vendor.reliabilityScore ?? 0) / 100) * vendor.placementsWithPromise;
  }
  return {
    // With no history at all, assume vendors deliver what they promise, and say so through confidence 'none'.
    deliveryRate: promised > 0 ? delivered / promised : 1,
    reliability: eligible > 0 ? (100 * reliable) / eligible : 50,
    averagePromise: eligible > 0 ? promised / eligible : 10_000,
  };
}

export function estimateVendor(vendorId: string, promisedCostPer1k: number, stats: VendorStats | undefined, overall: OverallRecord): VendorEstimate {
  const sample = stats?.placementsWithPromise ?? 0;
  const priorPromised = PRIOR_PLACEMENTS * overall.averagePromise;
  const priorDelivered = priorPromised * overall.deliveryRate;
  const priorPrice = (priorPromised / 1000) * promisedCostPer1k;
  const delivered = (stats?.delivered ?? 0) + priorDelivered;
  const promised = (stats?.promised ?? 0) + priorPromised;
  // What was really paid where known (else the price), as the scorecard's real cost.
  const price = (stats?.cost ?? 0) + priorPrice;
  // Placements whose money has no exchange rate are out of the cost, so out of its denominator too.
  const pricedDelivered = (stats?.costDelivered ?? 0) + priorDelivered;
  const reliable = ((stats?.reliabilityScore ?? 0) / 100) * sample;
  return {
    vendorId,
    expectedDeliveryRate: delivered / promised,
    expectedRealCostPer1k: pricedDelivered > 0 ? price / (pricedDelivered / 1000) : Number.POSITIVE_INFINITY,
    expectedReliability: (100 * (reliable + (PRIOR_PLACEMENTS * overall.reliability) / 100)) / (sample + PRIOR_PLACEMENTS),
    confidence: sample === 0 ? 'none' : sample < 3 ? 'low' : sample < CONFIDENT_SAMPLE * 2 ? 'medium' : 'high',
    sample,
  };
}

/** Share (0-1) of the vendor's playlists tagged with the genre; null when no genre was asked for. */
export function genreFit(genre: string | undefined, playlistGenres: readonly string[][]): number | null {
  if (!genre) return null;
  if (playlistGenres.length === 0) return 0;
  const wanted = genre.trim().toLowerCase();
  return playlistGenres.filter((genres) => genres.some((tag) => tag.toLowerCase() === wanted)).length / playlistGenres.length;
}

/**
 * The ranking key: expected real cost per 1k, made dearer by unreliability (up to 1.5x at 0) and
 * by a poor genre fit (up to 1.33x at 0), so cheap-but-flaky or off-genre vendors sink.
 */
export function effectiveCost(estimate: VendorEstimate, fit: number | null): number {
  const reliabilityFactor = 1 / (0.667 + 0.333 * (estimate.expectedReliability / 100));
  const genreFactor = fit === null ? 1 : 1 / (0.75 + 0.25 * fit);
  return estimate.expectedRealCostPer1k * reliabilityFactor * genreFactor;
}
