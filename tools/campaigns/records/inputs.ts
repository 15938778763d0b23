import { z } from 'zod';

/** Stands in for any record id in tool examples; the registry-wide tests swap real ids in. */
export const EXAMPLE_ID = '01900000-0000-7000-8000-000000000000';

/** A record's display name: trimmed, never empty. */
export const nameInput = z.string().trim().min(1, 'must not be empty').max(200);

export { currencyCode as currencyInput } from '../../money/currency.ts';

/** Money: within Decimal(18,4). */
export const amountInput = z.number().nonnegative('must be 0 or more').max(1e13, 'must be at most 10,000,000,000,000').finite();
/** Stream counts and the like: within a Postgres integer. */
export const countInput = z.number().int('must be a whole number').max(2_147_483_647, 'must be at most 2,147,483,647');

/** A record id (ids are opaque strings). */
export const idInput = z.string().trim().min(1, 'must not be empty');


/** Genres are stored trimmed and lower-case so filters match whatever case was typed. */
export function normalizeGenres(genres: readonly string[]): string[] {
  return [...new Set(genres.map((genre) => genre.trim().toLocaleLowerCase('en')).filter(Boolean))];
}

/** The keys of an update input that were actually given (undefined means "leave as is"). */
export function givenFields<Input extends object, Field extends keyof Input>(input: Input, fields: readonly Field[]): Field[] {
  return fields.filter((field) => input[field] !== undefined);
}
