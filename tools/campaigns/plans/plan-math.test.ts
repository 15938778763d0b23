import { describe, expect, it } from 'vitest';
import { expectedToDate, planDays, planEvidence, planRecord } from './plan-math.ts';

const day = (value: string) => new Date(`${value}T00:00:00Z`);
const plan = { expectedStreams: 8_000, startDate: day('2026-11-01'), days: 10 };

describe('plan math', () => {
  it('spreads a plan over the days its order takes at the daily pace', () => {
    expect(planDays(10_000, 1_000)).toBe(10);
    expect(planDays(6_001, 500)).toBe(13);
    expect(planDays(100, 1_000)).toBe(1);
  });

  it('expects min(expected, expected / days x whole days elapsed), never before the start', () => {
    expect(expectedToDate(plan, day('2026-10-30'))).toBe(0);
    expect(expectedToDate(plan, day('2026-11-01'))).toBe(0);
    expect(expectedToDate(plan, day('2026-11-04'))).toBe(2_400);
    expect(expectedToDate(plan, day('2026-12-01'))).toBe(8_000);
    expect(expectedToDate({ ...plan, removedAt: day('2026-11-03') }, day('2026-12-01'))).toBe(1_600);
  });

  it('quotes the evidence from the ratio of sums', () => {
    const record = planRecord([{ expectedToDate: 8_000, delivered: 4_000 }, { expectedToDate: 2_000, delivered: 2_100 }, { expectedToDate: 10_000, delivered: 6_100 }]);
    // 12,200 of 20,000.
    expect(record).toMatchObject({ plans: 3, deliveryRate: 0.61, underDelivers: true });
    expect(planEvidence(record)).toBe('delivered 61% of planned streams over 3 plans');
    expect(planEvidence(planRecord([]))).toBeNull();
  });
});
