import { z } from 'zod';
import { isoDate } from '../common/format.ts';
import { isReservedName, normalizeName, RESERVED_NAME_MESSAGE } from '../common/channel-name.ts';

/** A platform or channel name, normalised like the importers do (`Spotify ` -> `spotify`). */
export const platformName = z.string().trim().min(1).max(100).refine((name) => !isReservedName(name), RESERVED_NAME_MESSAGE).transform(normalizeName);

export { currencyCode } from '../money/currency.ts';

/**
 * Money for a Decimal(18,4) column, as a JSON number or a decimal string ("120.50", exact): at
 * least 0, at most 14 digits before the point and 4 after. Parsed to its exact decimal text.
 */
export const moneyAmount = z
  .union([z.number(), z.string().trim()])
  .transform((value) => (typeof value === 'number' ? String(value) : value))
  .superRefine((text, context) => {
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) context.addIssue({ code: 'custom', message: `"${text}" is not a decimal number such as 120.50` });
    else if (text.startsWith('-')) context.addIssue({ code: 'custom', message: 'must be at least 0' });
    else if ((text.split('.')[1] ?? '').length > 4) context.addIssue({ code: 'custom', message: 'use at most 4 decimal places' });
    else if (text.replace(/^\+?0*/, '').split('.')[0]!.length > 14) context.addIssue({ code: 'custom', message: 'is too large (at most 14 digits before the point)' });
  })
  .transform((text) => text.replace(/^\+/, ''));

export const artistName = z.string().trim().min(1).max(500).refine((name) => !isReservedName(name), RESERVED_NAME_MESSAGE);

/** A campaign name as entered (not normalised), refusing reserved names. */
export const campaignNameInput = z.string().trim().min(1).max(500).refine((name) => !isReservedName(name), RESERVED_NAME_MESSAGE);

/** An inclusive range of calendar days. */
export const period = z
  .object({
    from: isoDate.describe('First day, YYYY-MM-DD (inclusive).'),
    to: isoDate.describe('Last day, YYYY-MM-DD (inclusive).'),
  })
  .refine((range) => range.from <= range.to, { message: 'from must be on or before to', path: ['to'] });
