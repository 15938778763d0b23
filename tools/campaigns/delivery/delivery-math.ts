/** The playlist-campaign figures of DESIGN.md section 6, as pure functions (null where undefined). */

const DAY_MS = 86_400_000;

/** Delivering below this share of the promise to date is under-delivering (alerts, digest, UI flags). */
export const UNDER_DELIVERY_THRESHOLD = 0.8;
/** Reaching this share of the promise counts as delivered as promised (reliability score, UI flags). */
export const RELIABLE_DELIVERY_RATE = 0.9;

/** Whole days from `start` to `asOf` (both calendar dates, UTC), never negative. */
export function daysElapsed(start: Date, asOf: Date): number {
  return Math.max(0, Math.floor((utcDay(asOf) - utcDay(start)) / DAY_MS));
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** min(goal, daily x days elapsed since start). */
export function promisedToDate(goal: number, daily: number, start: Date, asOf: Date): number {
  return Math.min(goal, daily * daysElapsed(start, asOf));
}

/** delivered / promised; null when nothing was promised yet. */
export function deliveryRate(delivered: number, promised: number): number | null {
  return promised > 0 ? delivered / promised : null;
}

/** price / (delivered / 1000); null when nothing was delivered. */
export function realCostPer1k(price: number, delivered: number): number | null {
  return delivered > 0 ? price / (delivered / 1000) : null;
}

/** 100 x share of placements with something promised that reached RELIABLE_DELIVERY_RATE of it; null when none had. */
export function reliabilityScore(placements: ReadonlyArray<{ delivered: number; promised: number }>): number | null {
  const eligible = placements.filter((placement) => placement.promised > 0);
  if (eligible.length === 0) return null;
  const reliable = eligible.filter((placement) => placement.delivered / placement.promised >= RELIABLE_DELIVERY_RATE).length;
  return (100 * reliable) / eligible.length;
}

/** streams_28d / 28. */
export function averageDailyStreams(streams28d: number): number {
  return streams28d / 28;
}

/** max(0, goal - delivered). */
export function remainingStreams(goal: number, delivered: number): number {
  return Math.max(0, goal - delivered);
}

/** 1 - sum(remaining) / sum(goal); null when there is no goal. */
export function progress(placements: ReadonlyArray<{ goal: number; delivered: number }>): number | null {
  const goal = placements.reduce((sum, placement) => sum + placement.goal, 0);
  if (goal <= 0) return null;
  const remaining = placements.reduce((sum, placement) => sum + remainingStreams(placement.goal, placement.delivered), 0);
  return 1 - remaining / goal;
}
