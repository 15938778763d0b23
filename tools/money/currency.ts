import { z } from 'zod';

/** An ISO 4217 currency code as tools take it: trimmed, any case in, upper case out. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'use a three-letter ISO 4217 code such as EUR')
  .transform((code) => code.toUpperCase());
