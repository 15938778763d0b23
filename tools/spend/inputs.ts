import { z } from 'zod';
import { isoDate } from '../common/format.ts';
import { normalizeName } from './platform-name.ts';

/** A platform or channel name, normalised like the importers do (`Spotify ` -> `spotify`). */
export const platformName = z.string().trim().min(1).max(100).transform(normalizeName);

/** An ISO 4217 code, upper-cased. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'use a three-letter currency code such as USD')
  .transform((code) => code.toUpperCase());

/** Money in a Decimal(18,4) column: at most 14 digits before the point and 4 after. */
export const moneyAmount = z
  .number()
  .min(0)
  .max(99_999_999_999_999)
  .refine((value) => /^\d+(\.\d{1,4})?$/.test(String(value)), 'use at most 4 decimal places');

export const artistName = z.string().trim().min(1).max(500);

/** An inclusive range of calendar days. */
export const period = z
  .object({
    from: isoDate.describe('First day, YYYY-MM-DD (inclusive).'),
    to: isoDate.describe('Last day, YYYY-MM-DD (inclusive).'),
  })
  .refine((range) => range.from <= range.to, { message: 'from must be on or before to', path: ['to'] });
