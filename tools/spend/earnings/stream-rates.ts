import { baseCurrencyConverter } from '../../money/fx.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/**
 * Each platform's per-stream rate in the organisation's base currency, converted with the FX rate
 * on or before `asOf`. A platform that has streams but no rate is an `unavailable` error naming
 * every such platform: a silent zero would understate earnings and overstate payout variances.
 */
export async function streamRatesInBase(db: ToolDb, baseCurrency: string, platforms: Iterable<string>, asOf: Date): Promise<Map<string, number>> {
  const wanted = [...new Set(platforms)].sort();
  if (wanted.length === 0) return new Map();
  const stored = await db.streamRate.findMany({ where: { platform: { in: wanted } } });
  const missing = wanted.filter((platform) => !stored.some((rate) => rate.platform === platform));
  if (missing.length) {
    const list = missing.join(', ');
    throw new ToolError('unavailable', `No per-stream rate for ${missing.length > 1 ? 'platforms' : 'platform'} ${list}, which ${missing.length > 1 ? 'have' : 'has'} streams; set ${missing.length > 1 ? 'them' : 'it'} with set_stream_rates.`);
  }
  const toBase = await baseCurrencyConverter(db, baseCurrency, stored.map((rate) => rate.currency), asOf);
  return new Map(stored.map((rate) => [rate.platform, toBase(Number(rate.ratePerStream), rate.currency)]));
}
