import type { ToolDb } from '../../registry/tenant-scope.ts';
import { streamRatesInBase } from './stream-rates.ts';
import { streamTotals, type StreamFilter } from './stream-totals.ts';

export interface EarningEstimate {
  artist: string;
  platform: string;
  streams: number;
  /** Per-stream rate in the base currency. */
  ratePerStream: number;
  /** streams x ratePerStream, full precision, base currency. */
  amount: number;
}

/**
 * Estimated earnings = streams x the platform's per-stream rate, per artist and platform over the
 * filter's days, in the base currency (rates converted at the FX rate on or before the last day).
 * Computed from StreamStat and StreamRate on every call rather than stored, so a corrected stream
 * import or a new rate shows at once.
 */
export async function estimateEarnings(db: ToolDb, org: { id: string; baseCurrency: string }, filter: StreamFilter): Promise<EarningEstimate[]> {
  const totals = (await streamTotals(db, org.id, filter)).filter((total) => total.streams > 0);
  const rates = await streamRatesInBase(db, org.baseCurrency, totals.map((total) => total.platform), filter.to);
  return totals.map((total) => {
    const ratePerStream = rates.get(total.platform)!;
    return { ...total, ratePerStream, amount: total.streams * ratePerStream };
  });
}
