/**
 * Meta's money. Budgets (`daily_budget`, `lifetime_budget`) travel in the currency's minor units with
 * Meta's per-currency offset ("Currency Codes" in the Marketing API docs): 100 for most currencies,
 * 1 for the ones it treats as zero-decimal (CLP, COP, CRC, HUF, ISK, IDR, JPY, KRW, PYG, TWD, VND).
 * Insights (`spend`, `action_values`) are decimal strings in the account's currency, major units.
 */

const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

export function currencyOffset(currency: string): 1 | 100 {
  return OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100;
}

/** "1050" in EUR is 10.5; "5000" in JPY is 5000. Null for an absent or empty budget ("0" means none on Meta). */
export function budgetFromMinor(value: string | number | null | undefined, currency: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const minor = Number(value);
  if (!Number.isInteger(minor) || minor < 0) throw new RangeError(`a budget of "${value}" is not a whole number of minor units`);
  if (minor === 0) return null;
  const offset = currencyOffset(currency);
  return offset === 1 ? minor : Math.round(minor) / 100;
}

/** 10.5 EUR is "1050"; refuses an amount finer than the currency allows (10.555 EUR, 12.5 JPY). */
export function budgetToMinor(amount: number, currency: string): string {
  if (!Number.isFinite(amount) || amount <= 0) throw new RangeError(`a budget must be a positive amount, not ${amount}`);
  const offset = currencyOffset(currency);
  const minor = Math.round(amount * offset);
  if (Math.abs(minor - amount * offset) > 1e-6) {
    throw new RangeError(offset === 1 ? `${currency} budgets are whole amounts on Meta; ${amount} is not` : `${amount} ${currency} has more than two decimals`);
  }
  return String(minor);
}

/** A decimal string from insights ("123.45") as a number rounded to 4 decimals (the database's scale). */
export function decimalAmount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const amount = Number(value);
  if (!Number.isFinite(amount)) throw new RangeError(`"${value}" is not an amount`);
  return Math.round(amount * 10_000) / 10_000;
}

/** A count string from insights ("10234") as a whole number. */
export function wholeCount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const count = Number(value);
  if (!Number.isFinite(count)) throw new RangeError(`"${value}" is not a count`);
  return Math.round(count);
}
