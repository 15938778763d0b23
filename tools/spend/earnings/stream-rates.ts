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
  const rates = await knownStreamRatesInBase(db, baseCurrency, wanted, asOf);
  const missing = wanted.filter((platform) => !rates.has(platform));
  if (missing.length) {
    const many = missing.length > 1;
    throw new ToolError('unavailable', `No per-stream rate for ${many ? 'platforms' : 'platform'} ${missing.join(', ')}, which ${many ? 'have' : 'has'} streams; set ${many ? 'them' : 'it'} with set_stream_rates.`);
  }
  return rates;
}

/** The rates that exist among `platforms`, in the base currency; platforms without one are absent. */
export async function knownStreamRatesInBase(db: ToolDb, baseCurrency: string, platforms: Iterable<string>, asOf: Date): Promise<Map<string, number>> {
  const wanted = [...new Set(platforms)];
  if (wanted.length === 0) return new Map();
  const stored = await db.streamRate.findMany({ where: { platform: { in: wanted } } });
  const toBase = await baseCurrencyConverter(db, baseCurrency, stored.map((rate) => rate.currency), asOf);
  return new Map(stored.map((rate) => [rate.platform, toBase(Number(rate.ratePerStream), rate.currency)]));
}
