import type { ToolDb } from '../registry/tenant-scope.ts';
import { ToolError } from '../registry/errors.ts';

export type ToBase = (amount: number, currency: string) => number;

/**
 * Converts amounts into the organisation's base currency with the latest FxRate on or before
 * `asOf` (either direction of the pair). A missing rate is an `unavailable` error naming the pair,
 * never a silent 1:1.
 */
export async function baseCurrencyConverter(db: ToolDb, baseCurrency: string, currencies: Iterable<string>, asOf: Date): Promise<ToBase> {
  const foreign = [...new Set(currencies)].filter((currency) => currency !== baseCurrency);
  const rates = new Map<string, number>([[baseCurrency, 1]]);
  for (const currency of foreign) {
    const direct = await db.fxRate.findFirst({ where: { base: currency, quote: baseCurrency, date: { lte: asOf } }, orderBy: { date: 'desc' } });
    if (direct) {
      rates.set(currency, Number(direct.rate));
      continue;
    }
    const inverse = await db.fxRate.findFirst({ where: { base: baseCurrency, quote: currency, date: { lte: asOf } }, orderBy: { date: 'desc' } });
    if (inverse && Number(inverse.rate) > 0) rates.set(currency, 1 / Number(inverse.rate));
  }
  return (amount, currency) => {
    const rate = rates.get(currency);
    if (rate === undefined) {
      throw new ToolError('unavailable', `No exchange rate from ${currency} to ${baseCurrency} on or before ${asOf.toISOString().slice(0, 10)}; add one to FxRate.`);
    }
    return amount * rate;
  };
}
