import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { isoDate, money, moneyOrNull, rate, score } from '../../common/format.ts';
import { CONFIDENT_SAMPLE, effectiveCost } from './vendor-estimates.ts';
import { loadVendorOutlook, type VendorOutlook } from './vendor-outlook.ts';
import { PLAN_SHORTFALL_THRESHOLD, planEvidence } from '../plans/plan-math.ts';

const recommendation = z.object({
  rank: z.number().nullable().describe('1 = best; null for vendors without enough history to rank.'),
  vendor_id: z.string(),
  vendor_name: z.string(),
  expected_real_cost_per_1k: z.number().nullable().describe('Shrunk toward the organisation average when the sample is small.'),
  observed_real_cost_per_1k: z.number().nullable(),
  promised_cost_per_1k: z.number(),
  expected_delivery_rate: z.number(),
  reliability_score: z.number().nullable().describe('Observed, 0-100.'),
  genre_fit: z.number().nullable().describe('Share of the vendor\'s playlists in the genre (0-1).'),
  placements_with_promise: z.number(),
  confidence: z.enum(['none', 'low', 'medium', 'high']),
  planned_delivery_rate: z.number().nullable().describe('Delivered / expected to date over its kept budget plans (allocation_outcome); null without any.'),
  plans: z.number().describe('Kept plans with something expected by now: the sample behind planned_delivery_rate.'),
  expected_streams_for_budget: z.number().describe('Real streams the whole budget would buy at the expected cost.'),
  reaches_goal_within_budget: z.boolean(),
  reason: z.string(),
});

export const recommendVendors = defineTool({
  name: 'recommend_vendors',
  title: 'Recommend vendors',
  description:
    'Ranks active vendors for a new push by expected real cost per 1k streams, reliability and genre fit (vendors with playlists in the genre first; vendors that under-delivered their past budget plans after the rest), each with its reason. Small samples are shrunk toward the organisation average and flagged; vendors with no history are listed apart, unranked.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['book', 'which vendors should', 'best vendor', 'choose', 'suggest'],
  input: z.object({
    genre: z.string().min(1).optional().describe('Genre of the song to promote, e.g. "techno".'),
    goal_streams: z.number().int().positive().describe('Real streams wanted.'),
    budget: z.number().positive().describe('Money available, in the organisation currency.'),
    start_date: isoDate.optional().describe('When the push would start (YYYY-MM-DD); informational.'),
    limit: z.number().int().min(1).max(50).default(10).describe('How many ranked vendors to return.'),
  }),
  output: z.object({
    currency: z.string(), goal_streams: z.number(), budget: z.number(), ranked: z.array(recommendation), insufficient_history: z.array(recommendation),
    notes: z.array(z.string()).describe('Vendors left out because their prices cannot be converted (no exchange rate), with what to do.'),
  }),
  async handler(ctx, input) {
    const { outlook, notes } = await loadVendorOutlook(ctx, input.genre);
    const toRow = (vendor: VendorOutlook, rank: number | null) => describe(vendor, rank, input);
    // Vendors with playlists in the genre come first; off-genre ones follow. Within each, vendors that
    // under-delivered their plans come after those that kept them; then the cheapest expected cost.
    const offGenre = (vendor: VendorOutlook) => (vendor.genreFit === 0 ? 1 : 0);
    const shortfall = (vendor: VendorOutlook) => (vendor.plans.underDelivers ? 1 : 0);
    const known = outlook
      .filter((vendor) => vendor.estimate.sample > 0)
      .sort((a, b) => offGenre(a) - offGenre(b) || shortfall(a) - shortfall(b)
        || compareCosts(effectiveCost(a.estimate, a.genreFit), effectiveCost(b.estimate, b.genreFit)));
    const unknown = outlook.filter((vendor) => vendor.estimate.sample === 0 && vendor.genreFit !== 0);
    return {
      currency: ctx.org.baseCurrency,
      goal_streams: input.goal_streams,
      budget: input.budget,
      ranked: known.slice(0, input.limit).map((vendor, index) => toRow(vendor, index + 1)),
      insufficient_history: unknown.map((vendor) => toRow(vendor, null)),
      notes,
    };
  },
});

/** Ascending, with vendors that delivered nothing at all (infinite cost) last. */
function compareCosts(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number(!Number.isFinite(a)) - Number(!Number.isFinite(b));
  return a - b;
}

function describe(vendor: VendorOutlook, rank: number | null, input: { goal_streams: number; budget: number; genre?: string }) {
  const { estimate, stats } = vendor;
  const expectedCost = Number.isFinite(estimate.expectedRealCostPer1k) ? estimate.expectedRealCostPer1k : null;
  const streamsForBudget = expectedCost ? Math.floor((input.budget / expectedCost) * 1000) : 0;
  return {
    rank,
    vendor_id: vendor.vendorId,
    vendor_name: vendor.vendorName,
    expected_real_cost_per_1k: moneyOrNull(expectedCost),
    observed_real_cost_per_1k: moneyOrNull(stats?.realCostPer1k ?? null),
    promised_cost_per_1k: money(vendor.promisedCostPer1k),
    expected_delivery_rate: rate(estimate.expectedDeliveryRate) ?? 0,
    reliability_score: score(stats?.reliabilityScore ?? null),
    genre_fit: rate(vendor.genreFit),
    placements_with_promise: estimate.sample,
    confidence: estimate.confidence,
    planned_delivery_rate: rate(vendor.plans.deliveryRate),
    plans: vendor.plans.plans,
    expected_streams_for_budget: streamsForBudget,
    reaches_goal_within_budget: streamsForBudget >= input.goal_streams,
    reason: reason(vendor, expectedCost, input.genre),
  };
}

function reason(vendor: VendorOutlook, expectedCost: number | null, genre: string | undefined): string {
  const { estimate, stats } = vendor;
  const parts: string[] = [];
  if (estimate.sample === 0) {
    parts.push(expectedCost === null
      ? 'No placement with a promise yet, and no vendor has delivered anything so far to compare with; test it with a small order first.'
      : `No placement with a promise yet: expect about ${expectedCost.toFixed(2)} per 1k if it delivers like the average vendor; test it with a small order first.`);
  } else {
    parts.push(`Delivered ${Math.round((stats?.deliveryRate ?? 0) * 100)}% of what it promised over ${estimate.sample} placement${estimate.sample === 1 ? '' : 's'}`);
    parts.push(`real cost ${stats?.realCostPer1k?.toFixed(2) ?? 'n/a'} per 1k vs ${vendor.promisedCostPer1k.toFixed(2)} promised`);
    parts.push(`reliability ${Math.round(stats?.reliabilityScore ?? 0)}/100`);
    if (estimate.sample < CONFIDENT_SAMPLE && expectedCost !== null) parts.push(`small sample: estimate pulled toward the organisation average (${expectedCost.toFixed(2)} per 1k)`);
  }
  const evidence = planEvidence(vendor.plans);
  if (evidence && vendor.plans.underDelivers) parts.push(`${evidence}, below ${Math.round(PLAN_SHORTFALL_THRESHOLD * 100)}%: ranked after the vendors that keep their plans`);
  else if (evidence) parts.push(evidence);
  if (genre && vendor.genreFit === 0) parts.push(`none of its playlists are ${genre}: ranked after the vendors that have some`);
  else if (genre && vendor.genreFit !== null) parts.push(`${Math.round(vendor.genreFit * 100)}% of its playlists are ${genre}`);
  return `${parts.join('; ')}.`.replace(/\.\.$/, '.');
}
