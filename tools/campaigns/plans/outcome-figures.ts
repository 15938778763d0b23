import { z } from 'zod';
import { money, moneyOrNull, rate } from '../../common/format.ts';
import { deliveryRate, realCostPer1k } from '../delivery/delivery-math.ts';
import type { PlanLineOutcome } from './plan-outcomes.ts';

/** Expected against delivered over a set of plan lines (one vendor's, or all of them). */
export const outcomeFigures = z.object({
  plans: z.number().describe('Plan lines (one per placement booked).'),
  expected_streams: z.number().describe('Streams the plans expect in full.'),
  expected_to_date: z.number().describe('min(expected, expected / plan days x whole days since start), summed.'),
  delivered: z.number().describe('Streams delivered on the vendor\'s playlists (latest scrape on or before as_of).'),
  delivery_rate: z.number().nullable().describe('delivered / expected_to_date (1 = as planned); null while nothing is expected yet.'),
  expected_cost: z.number().nullable().describe('What the plans expected to spend, in the currency; null when a booking\'s currency has no exchange rate (see notes).'),
  expected_cost_per_1k: z.number().nullable().describe('expected_cost / (expected_streams / 1000).'),
  cost: z.number().describe('What the placements cost, as the delivery figures count it, leaving out those without an exchange rate.'),
  real_cost_per_1k: z.number().nullable().describe('cost / (delivered / 1000) over the costed placements; null when they delivered nothing.'),
});

export type OutcomeFigures = z.infer<typeof outcomeFigures>;

/**
 * Ratios of sums (DESIGN.md section 6). `toBase` converts a plan's expected cost from its
 * booking currency; null when there is no rate, which leaves the expected cost unknown.
 */
export function sumOutcomes(lines: readonly PlanLineOutcome[], toBase: (amount: number, currency: string) => number | null): OutcomeFigures {
  const expected = lines.reduce((sum, line) => sum + line.expectedStreams, 0);
  const expectedToDate = lines.reduce((sum, line) => sum + line.expectedToDate, 0);
  const delivered = lines.reduce((sum, line) => sum + line.delivered, 0);
  const expectedCosts = lines.map((line) => toBase(line.expectedCost, line.currency));
  const expectedCost = expectedCosts.some((cost) => cost === null) ? null : expectedCosts.reduce<number>((sum, cost) => sum + cost!, 0);
  const costed = lines.filter((line) => line.cost !== null);
  const cost = costed.reduce((sum, line) => sum + line.cost!, 0);
  return {
    plans: lines.length,
    expected_streams: expected,
    expected_to_date: Math.round(expectedToDate),
    delivered,
    delivery_rate: rate(deliveryRate(delivered, expectedToDate)),
    expected_cost: moneyOrNull(expectedCost),
    expected_cost_per_1k: moneyOrNull(expectedCost === null ? null : realCostPer1k(expectedCost, expected)),
    cost: money(cost),
    real_cost_per_1k: moneyOrNull(realCostPer1k(cost, costed.reduce((sum, line) => sum + line.delivered, 0))),
  };
}
