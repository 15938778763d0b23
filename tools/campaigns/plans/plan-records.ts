import type { ToolContext } from '../../registry/context.ts';
import { loadDelivery } from '../delivery/load-delivery.ts';
import { planRecord, type PlanRecord } from './plan-math.ts';
import { byVendor, loadPlanLines, planOutcomes } from './plan-outcomes.ts';

/** Each vendor's kept plans against what they delivered as of a date (vendors without plans are absent). */
export async function loadPlanRecords(ctx: ToolContext, vendorIds: readonly string[], asOf: Date): Promise<Map<string, PlanRecord>> {
  const lines = await loadPlanLines(ctx.db, { vendorId: { in: [...vendorIds] }, startDate: { lte: asOf } });
  if (lines.length === 0) return new Map();
  const delivery = await loadDelivery(ctx.db, ctx.orgId, {
    asOf, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, withPlaylists: false,
    placements: { id: { in: lines.map((line) => line.placementId) } },
  });
  const outcomes = planOutcomes(lines, new Map(delivery.placements.map((placement) => [placement.placementId, placement])), asOf, ctx.org.timeZone);
  return new Map([...byVendor(outcomes)].map(([vendorId, own]) => [vendorId, planRecord(own)]));
}
