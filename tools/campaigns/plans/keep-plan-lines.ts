import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { planDays } from './plan-math.ts';

/** A placement as it was booked, with what its plan expects of it. */
export interface BookedPlacement {
  id: string;
  campaignGroupId: string;
  vendorId: string;
  goal: number;
  daily: number;
  /** In `currency`: the plan's expected cost of this placement. */
  price: number | Prisma.Decimal;
  currency: string;
  startDate: Date;
  /** Real streams the plan expects; default the goal (the vendor's order is the plan). */
  expectedStreams?: number;
}

/**
 * Keeps each new placement's plan line (expected streams and cost, spread over the days its order
 * takes at its daily pace), in the caller's transaction so a booking and its plan commit together.
 * Idempotent: a placement keeps its first line, so recording a booking twice changes nothing.
 */
export async function keepPlanLines(ctx: Pick<ToolContext, 'db' | 'orgId'>, placements: readonly BookedPlacement[], approvalRequestId?: string): Promise<void> {
  if (placements.length === 0) return;
  await ctx.db.allocationPlanLine.createMany({
    data: placements.map((placement) => ({
      organizationId: ctx.orgId,
      campaignGroupId: placement.campaignGroupId,
      vendorId: placement.vendorId,
      placementId: placement.id,
      approvalRequestId: approvalRequestId ?? null,
      expectedStreams: placement.expectedStreams ?? placement.goal,
      expectedCost: placement.price,
      currency: placement.currency,
      startDate: placement.startDate,
      days: planDays(placement.goal, placement.daily),
    })),
    skipDuplicates: true,
  });
}
