import { z } from 'zod';

/**
 * ISO 4217 codes as the runtime knows them (Node's ICU data). Money in a made-up currency can
 * never be converted, so it is refused where it enters rather than breaking every report later.
 */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isIsoCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}

export const NOT_ISO_CURRENCY = 'is not an ISO 4217 currency code (such as USD, EUR or GBP)';

/** An ISO 4217 currency code as tools take it: trimmed, any case in, upper case out. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'use a three-letter ISO 4217 code such as EUR')
  .transform((code) => code.toUpperCase())
  .refine(isIsoCurrency, NOT_ISO_CURRENCY);
