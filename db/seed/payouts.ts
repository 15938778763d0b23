import type { Prisma } from '../generated/prisma/client.ts';
import type { Random } from './random.ts';
import { STREAM_RATES, type MonthlyStreams } from './streams.ts';

/**
 * Monthly payouts per artist and platform: streams x rate, off by the usual 3-15% either way
 * (rate mixes by country and tier), and now and then a statement 20-40% short, which is what
 * reconciliation exists to catch.
 */
export function payoutRows(random: Random, monthly: MonthlyStreams, organizationId: string): Prisma.ActualPayoutCreateManyInput[] {
  return monthly.entries().flatMap(({ artist, platform, month, streams }) => {
    if (streams === 0) return [];
    const variance = random.chance(0.06) ? -random.float(0.2, 0.4) : (random.chance(0.55) ? -1 : 1) * random.float(0.03, 0.15);
    const amount = streams * STREAM_RATES[platform] * (1 + variance);
    return [{ organizationId, artist, platform, periodStart: month.periodStart, periodEnd: month.periodEnd, amount: amount.toFixed(2), currency: 'USD' }];
  });
}
