import { describe, expect, it } from 'vitest';
import type { Converter } from './campaign-common.ts';
import { checkFeeRange } from './fee-range.ts';

// 1 EUR = 1.25 USD; GBP has no rate.
const converter: Converter = {
  convert: (amount, from, to) => {
    const toUsd: Record<string, number> = { USD: 1, EUR: 1.25 };
    const a = toUsd[from];
    const b = toUsd[to];
    return a === undefined || b === undefined ? null : (amount * a) / b;
  },
  missingNote: (from, to) => `no rate ${from}->${to}`,
};
const at = new Date('2026-11-01T00:00:00Z');
const ranges = [
  { format: 'video', min: 200, max: 400, currency: 'USD' },
  { format: 'video', network: 'tiktok', min: 300, max: 600, currency: 'USD' },
  { format: 'reel', min: 100, max: 200, currency: 'EUR' },
  { format: 'story', min: 10, max: 20, currency: 'GBP' },
];

describe('contract fee ranges', () => {
  it("sums each line's range times its count, a network's own range before the any-network one", () => {
    const lines = [{ network: 'tiktok' as const, format: 'video', count: 2 }, { network: 'youtube' as const, format: 'Video', count: 1 }];
    expect(checkFeeRange(ranges, lines, 1000, 'USD', converter, at)).toEqual({ range: { min: 800, max: 1600 }, outside: null, note: null });
    expect(checkFeeRange(ranges, lines, 799.99, 'USD', converter, at).outside).toBe("799.99 USD is below the contract's range for these deliverables (at least 800.00 USD)");
    expect(checkFeeRange(ranges, lines, 1600.01, 'USD', converter, at).outside).toBe("1,600.01 USD is above the contract's range for these deliverables (at most 1,600.00 USD)");
  });

  it('converts ranges into the fee currency, lifts the upper bound for a line without a range, and skips when none applies', () => {
    // 2 reels at 100-200 EUR = 250-500 USD; the post has no range, so there is no upper bound.
    const lines = [{ network: 'instagram' as const, format: 'reel', count: 2 }, { network: 'instagram' as const, format: 'post', count: 1 }];
    expect(checkFeeRange(ranges, lines, 5000, 'USD', converter, at)).toEqual({ range: { min: 250, max: null }, outside: null, note: null });
    expect(checkFeeRange(ranges, lines, 200, 'USD', converter, at).outside).toContain('below');
    expect(checkFeeRange(ranges, [{ network: 'twitch', format: 'live', count: 1 }], 1, 'USD', converter, at)).toEqual({ range: null, outside: null, note: null });
    expect(checkFeeRange('not a list', [{ network: 'tiktok', format: 'video', count: 1 }], 1, 'USD', converter, at).range).toBeNull();
  });

  it('says when a range cannot be compared for want of an exchange rate, and refuses nothing then', () => {
    const check = checkFeeRange(ranges, [{ network: 'snapchat', format: 'story', count: 3 }], 1, 'USD', converter, at);
    expect(check).toEqual({ range: null, outside: null, note: "The contract's fee range for story could not be compared: no rate GBP->USD" });
  });
});
