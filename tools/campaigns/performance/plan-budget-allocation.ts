import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { money, rate } from '../../common/format.ts';
import { allocateBudget } from './allocate-budget.ts';
import { loadVendorOutlook } from './vendor-outlook.ts';
import { planEvidence } from '../plans/plan-math.ts';

const allocation = z.object({
  vendor_id: z.string(),
  vendor_name: z.string(),
  expected_streams: z.number().describe('Real streams expected from this vendor.'),
  promise_streams: z.number().describe('Streams to order (goal for the placement): expected / expected delivery rate.'),
  daily: z.number().describe('Daily streams to ask for: promise / days.'),
  price: z.number().describe('Expected cost, in the currency.'),
  expected_real_cost_per_1k: z.number(),
  expected_delivery_rate: z.number(),
  capacity_streams: z.number().describe("What the vendor's playlists can deliver in the period (average daily streams x days)."),
  confidence: z.enum(['none', 'low', 'medium', 'high']),
  planned_delivery_rate: z.number().nullable().describe('Delivered / expected to date over its kept budget plans; null without any.'),
});

export const planBudgetAllocation = defineTool({
  name: 'plan_budget_allocation',
  title: 'Plan a budget split across vendors',
  description:
    "Splits a budget across active vendors to reach a streams goal at the lowest expected real cost, within each vendor's capacity (its playlists' average daily streams x days); vendors that under-delivered their past plans are used last. A plan only: commit_allocation (with each expected_streams) turns it into placements after approval.",
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    budget: z.number().positive().describe('Money available, in the organisation currency.'),
    goal_streams: z.number().int().positive().describe('Real streams wanted.'),
    genre: z.string().min(1).optional().describe("Only count playlists in this genre towards a vendor's capacity."),
    days: z.number().int().min(1).max(365).describe('Length of the push in days.'),
    include_untested: z.boolean().default(false).describe('Also use vendors with no delivery history (estimated at the organisation average).'),
  }),
  output: z.object({
    currency: z.string(),
    budget: z.number(),
    goal_streams: z.number(),
    days: z.number(),
    allocations: z.array(allocation),
    total_cost: z.number(),
    expected_streams: z.number(),
    reaches_goal: z.boolean(),
    shortfall_streams: z.number(),
    unspent_budget: z.number(),
    notes: z.array(z.string()),
  }),
  async handler(ctx, input) {
    const { outlook, notes: unpricedVendors } = await loadVendorOutlook(ctx, input.genre);
    const usable = outlook.filter((vendor) => input.include_untested || vendor.estimate.sample > 0);
    const byId = new Map(usable.map((vendor) => [vendor.vendorId, vendor]));
    const allocations = allocateBudget(
      usable.map((vendor) => ({
        vendorId: vendor.vendorId, costPer1k: vendor.estimate.expectedRealCostPer1k, capacity: vendor.dailyCapacity * input.days, tier: vendor.plans.underDelivers ? 1 : 0,
      })),
      input.budget,
      input.goal_streams,
    );
    const rows = allocations.map((chosen) => {
      const vendor = byId.get(chosen.vendorId)!;
      const promise = Math.ceil(chosen.streams / Math.max(vendor.estimate.expectedDeliveryRate, 0.01));
      return {
        vendor_id: vendor.vendorId,
        vendor_name: vendor.vendorName,
        expected_streams: chosen.streams,
        promise_streams: promise,
        daily: Math.ceil(promise / input.days),
        price: money(chosen.cost),
        expected_real_cost_per_1k: money(vendor.estimate.expectedRealCostPer1k),
        expected_delivery_rate: rate(vendor.estimate.expectedDeliveryRate) ?? 0,
        capacity_streams: Math.floor(vendor.dailyCapacity * input.days),
        confidence: vendor.estimate.confidence,
        planned_delivery_rate: rate(vendor.plans.deliveryRate),
      };
    });
    const expected = allocations.reduce((sum, chosen) => sum + chosen.streams, 0);
    const cost = allocations.reduce((sum, chosen) => sum + chosen.cost, 0);
    const notes: string[] = [
      ...unpricedVendors,
      ...usable.filter((vendor) => vendor.plans.underDelivers).map((vendor) => `${vendor.vendorName} ${planEvidence(vendor.plans)}: used only after the vendors that keep their plans.`),
    ];
    if (expected < input.goal_streams) {
      const capacity = usable.reduce((sum, vendor) => sum + vendor.dailyCapacity * input.days, 0);
      notes.push(capacity < input.goal_streams
        ? `The vendors' combined capacity over ${input.days} days is about ${Math.floor(capacity)} streams: lengthen the push or add vendors.`
        : 'The budget runs out before the goal: raise it or lower the goal.');
    }
    if (rows.some((row) => row.confidence === 'none' || row.confidence === 'low')) notes.push('Some vendors have little history: their figures are estimates pulled toward the organisation average.');
    if (!input.include_untested && outlook.some((vendor) => vendor.estimate.sample === 0)) notes.push('Vendors with no history were left out; pass include_untested to consider them.');
    return {
      currency: ctx.org.baseCurrency,
      budget: input.budget,
      goal_streams: input.goal_streams,
      days: input.days,
      allocations: rows,
      total_cost: money(cost),
      expected_streams: expected,
      reaches_goal: expected >= input.goal_streams,
      shortfall_streams: Math.max(0, input.goal_streams - expected),
      unspent_budget: money(input.budget - cost),
      notes,
    };
  },
});
