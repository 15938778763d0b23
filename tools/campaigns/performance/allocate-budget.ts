/**
 * Splits a budget across vendors to reach a streams goal at the lowest expected real cost: fill
 * the cheapest vendor up to its capacity, then the next. With linear costs and per-vendor caps
 * this greedy order is optimal. Vendors in a later tier (those that under-delivered their past
 * plans) are used only once the earlier tiers are full, whatever their cost.
 */
export interface AllocationCandidate {
  vendorId: string;
  /** Expected price per 1,000 real streams. */
  costPer1k: number;
  /** Real streams the vendor can deliver in the period. */
  capacity: number;
  /** 0 (default) before 1: a vendor whose plans fell short waits for the others. */
  tier?: number;
}

export interface Allocation {
  vendorId: string;
  streams: number;
  cost: number;
}

export function allocateBudget(candidates: readonly AllocationCandidate[], budget: number, goalStreams: number): Allocation[] {
  const allocations: Allocation[] = [];
  let streamsLeft = goalStreams;
  let budgetLeft = budget;
  const cheapestFirst = [...candidates].filter((c) => c.capacity > 0 && Number.isFinite(c.costPer1k) && c.costPer1k > 0).sort((a, b) => (a.tier ?? 0) - (b.tier ?? 0) || a.costPer1k - b.costPer1k);
  for (const candidate of cheapestFirst) {
    if (streamsLeft <= 0 || budgetLeft <= 0) break;
    const affordable = Math.floor((budgetLeft / candidate.costPer1k) * 1000);
    const streams = Math.min(Math.floor(candidate.capacity), streamsLeft, affordable);
    if (streams <= 0) continue;
    const cost = (streams / 1000) * candidate.costPer1k;
    allocations.push({ vendorId: candidate.vendorId, streams, cost });
    streamsLeft -= streams;
    budgetLeft -= cost;
  }
  return allocations;
}
