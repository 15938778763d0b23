import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { PlacementDelivery } from '../delivery/load-delivery.ts';
import { todayIn } from '../../common/format.ts';
import { expectedToDate } from './plan-math.ts';

/** One kept plan line held against its placement's delivery as of a date. */
export interface PlanLineOutcome {
  placementId: string;
  campaignGroupId: string;
  vendorId: string;
  vendorName: string;
  approvalRequestId: string | null;
  expectedStreams: number;
  expectedToDate: number;
  /** Streams credited to the placement (tools/campaigns/delivery); 0 before its start. */
  delivered: number;
  /** The plan's expected cost, in `currency` (the booking's). */
  expectedCost: number;
  currency: string;
  /** What the placement cost in the base currency, as the delivery figures count it; null without an exchange rate. */
  cost: number | null;
  costNote: string | null;
  startDate: Date;
  days: number;
}

export type PlanLineRow = Awaited<ReturnType<typeof loadPlanLines>>[number];

/** Kept plan lines matching `where`, with their vendor's name and their placement's removal, oldest first. */
export async function loadPlanLines(db: ToolDb, where: Prisma.AllocationPlanLineWhereInput) {
  return db.allocationPlanLine.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { vendor: { select: { name: true } }, placement: { select: { removedAt: true } } },
  });
}

/**
 * Joins plan lines to their placements' delivery (as loaded by `loadDelivery`, which owns the
 * definition of delivered streams and price). A placement that has not started by as_of has
 * delivered nothing yet as far as its plan is concerned; a removed one stops accruing on the
 * organisation's calendar day of its removal.
 */
export function planOutcomes(lines: readonly PlanLineRow[], delivery: ReadonlyMap<string, PlacementDelivery>, asOf: Date, timeZone: string): PlanLineOutcome[] {
  return lines.map((line) => {
    const placement = delivery.get(line.placementId);
    const started = line.startDate <= asOf;
    const removedAt = line.placement.removedAt;
    return {
      placementId: line.placementId,
      campaignGroupId: line.campaignGroupId,
      vendorId: line.vendorId,
      vendorName: line.vendor.name,
      approvalRequestId: line.approvalRequestId,
      expectedStreams: line.expectedStreams,
      expectedToDate: expectedToDate({ expectedStreams: line.expectedStreams, startDate: line.startDate, days: line.days, removedAt: removedAt && todayIn(timeZone, removedAt) }, asOf),
      delivered: started ? (placement?.delivered ?? 0) : 0,
      expectedCost: Number(line.expectedCost),
      currency: line.currency,
      cost: placement?.price ?? null,
      costNote: placement?.priceNote ?? null,
      startDate: line.startDate,
      days: line.days,
    };
  });
}

/** Outcomes by vendor id, in their order. */
export function byVendor(outcomes: readonly PlanLineOutcome[]): Map<string, PlanLineOutcome[]> {
  const grouped = new Map<string, PlanLineOutcome[]>();
  for (const outcome of outcomes) {
    const own = grouped.get(outcome.vendorId);
    if (own) own.push(outcome);
    else grouped.set(outcome.vendorId, [outcome]);
  }
  return grouped;
}
