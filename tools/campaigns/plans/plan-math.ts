/**
 * How a kept plan line (AllocationPlanLine) is held against what was delivered. Pure functions, so
 * allocation_outcome and the vendor recommendations apply the same rule.
 */
import { deliveryRate, promisedToDate, UNDER_DELIVERY_THRESHOLD } from '../delivery/delivery-math.ts';

/** A vendor whose plans delivered less than this share of what they expected to date ranks lower. */
export const PLAN_SHORTFALL_THRESHOLD = UNDER_DELIVERY_THRESHOLD;
/** Plans with something expected by as_of needed before a shortfall counts against a vendor. */
export const MIN_PLANS_FOR_SHORTFALL = 2;

/** Days a placement's order takes at its daily pace: the period its expected streams are spread over. */
export function planDays(goal: number, daily: number): number {
  return Math.max(1, Math.ceil(goal / Math.max(daily, 1)));
}

export interface PlanTimeline {
  expectedStreams: number;
  startDate: Date;
  days: number;
  /** When the placement was removed: expectations stop growing that day. */
  removedAt?: Date | null;
}

/**
 * Expected to date = min(expected, expected / days x whole days from the start to as_of), the
 * plan's counterpart of promised to date; a removed placement stops accruing on its removal day.
 */
export function expectedToDate(plan: PlanTimeline, asOf: Date): number {
  const until = plan.removedAt && plan.removedAt < asOf ? plan.removedAt : asOf;
  return promisedToDate(plan.expectedStreams, plan.expectedStreams / plan.days, plan.startDate, until);
}

export interface PlanDelivery {
  expectedToDate: number;
  delivered: number;
}

/** Ratio of sums over a vendor's plans with something expected by as_of (never an average of ratios). */
export interface PlanRecord {
  plans: number;
  expectedToDate: number;
  delivered: number;
  /** delivered / expected to date; null when nothing was expected yet. */
  deliveryRate: number | null;
  /** At least MIN_PLANS_FOR_SHORTFALL plans and a rate below PLAN_SHORTFALL_THRESHOLD. */
  underDelivers: boolean;
}

export function planRecord(plans: readonly PlanDelivery[]): PlanRecord {
  const counted = plans.filter((plan) => plan.expectedToDate > 0);
  const expected = counted.reduce((sum, plan) => sum + plan.expectedToDate, 0);
  const delivered = counted.reduce((sum, plan) => sum + plan.delivered, 0);
  const rate = deliveryRate(delivered, expected);
  return {
    plans: counted.length,
    expectedToDate: expected,
    delivered,
    deliveryRate: rate,
    underDelivers: counted.length >= MIN_PLANS_FOR_SHORTFALL && rate !== null && rate < PLAN_SHORTFALL_THRESHOLD,
  };
}

/** The evidence, as the reasons quote it: "delivered 61% of planned streams over 3 plans". */
export function planEvidence(record: PlanRecord): string | null {
  if (record.deliveryRate === null) return null;
  return `delivered ${Math.round(record.deliveryRate * 100)}% of planned streams over ${record.plans} plan${record.plans === 1 ? '' : 's'}`;
}
