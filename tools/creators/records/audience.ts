import { z } from 'zod';
import type { AudienceSlice } from '../../../db/generated/prisma/client.ts';
import type { AudienceDimension } from '../../../db/generated/prisma/enums.ts';
import { isoDay } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import { countryInput, shareInput } from './creator-inputs.ts';

/**
 * Audience slices as rows (AudienceSlice.value): AGE "18-24" or "65+", GENDER female | male | other,
 * COUNTRY an ISO code ("US"), CITY "Madrid, ES". One module writes and reads them (set_creator_audience,
 * the Phyllo sync, get_creator, search), so every writer stores the same values.
 */
export const GENDERS = ['female', 'male', 'other'] as const;
const GENDER_ALIASES: Record<string, (typeof GENDERS)[number]> = { f: 'female', woman: 'female', women: 'female', m: 'male', man: 'male', men: 'male', others: 'other', 'non-binary': 'other', nonbinary: 'other', unknown: 'other' };
/** Shares of one dimension may add up to a little over 1 from rounding, never more. */
export const SUM_TOLERANCE = 0.01;

/** "18-24" or "65+" (any spacing); null otherwise. */
export function ageBand(text: string): string | null {
  const band = text.replace(/\s+/g, '');
  const range = /^(\d{1,2})-(\d{1,2})$/.exec(band);
  if (range) return Number(range[1]) < Number(range[2]) ? band : null;
  return /^\d{1,2}\+$/.test(band) ? band : null;
}

export function genderValue(text: string): (typeof GENDERS)[number] | null {
  const value = text.trim().toLowerCase();
  return (GENDERS as readonly string[]).includes(value) ? (value as (typeof GENDERS)[number]) : (GENDER_ALIASES[value] ?? null);
}

export function cityValue(name: string, country: string): string {
  return `${name.trim()}, ${country}`;
}

export const audienceInput = {
  age: z.record(z.string(), shareInput).optional().describe('Share per age band: {"13-17": 0.08, "18-24": 0.41, "25-34": 0.3, "65+": 0.01}.'),
  gender: z.record(z.string(), shareInput).optional().describe('Share per gender: {"female": 0.62, "male": 0.36, "other": 0.02}.'),
  countries: z.array(z.object({ code: countryInput, share: shareInput })).max(100).optional().describe('Top countries: [{code: "ES", share: 0.45}].'),
  cities: z.array(z.object({ name: z.string().trim().min(1).max(100), country: countryInput, share: shareInput })).max(100).optional().describe('Top cities: [{name: "Madrid", country: "ES", share: 0.12}].'),
};

export interface AudienceShares {
  age?: Record<string, number>;
  gender?: Record<string, number>;
  countries?: Array<{ code: string; share: number }>;
  cities?: Array<{ name: string; country: string; share: number }>;
}

/** The rows of an audience, values normalised; a bad key or a dimension over 1 is invalid_input naming its field. */
export function audienceRows(audience: AudienceShares): Array<{ dimension: AudienceDimension; value: string; share: number }> {
  const rows: Array<{ dimension: AudienceDimension; value: string; share: number; field: string }> = [];
  for (const [key, share] of Object.entries(audience.age ?? {})) {
    const band = ageBand(key);
    if (!band) throw invalidInput(`age.${key}`, 'is not an age band (use "18-24" or "65+")');
    rows.push({ dimension: 'AGE', value: band, share, field: `age.${key}` });
  }
  for (const [key, share] of Object.entries(audience.gender ?? {})) {
    const gender = genderValue(key);
    if (!gender) throw invalidInput(`gender.${key}`, `is not one of ${GENDERS.join(', ')}`);
    rows.push({ dimension: 'GENDER', value: gender, share, field: `gender.${key}` });
  }
  for (const [index, country] of (audience.countries ?? []).entries()) rows.push({ dimension: 'COUNTRY', value: country.code, share: country.share, field: `countries[${index}]` });
  for (const [index, city] of (audience.cities ?? []).entries()) rows.push({ dimension: 'CITY', value: cityValue(city.name, city.country), share: city.share, field: `cities[${index}]` });
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.dimension}:${row.value.toLowerCase()}`;
    if (seen.has(key)) throw invalidInput(row.field, `${row.value} is given twice`);
    seen.add(key);
  }
  const fields: Record<AudienceDimension, string> = { AGE: 'age', GENDER: 'gender', COUNTRY: 'countries', CITY: 'cities' };
  for (const dimension of Object.keys(fields) as AudienceDimension[]) {
    const sum = rows.filter((row) => row.dimension === dimension).reduce((total, row) => total + row.share, 0);
    if (sum > 1 + SUM_TOLERANCE) throw invalidInput(fields[dimension], `shares add up to ${sum.toFixed(3)}; a dimension's shares add up to 1 at most`);
  }
  return rows.map(({ dimension, value, share }) => ({ dimension, value, share }));
}

/** Replaces every slice of the platform's audience on that day with `rows`. */
export async function replaceAudience(
  ctx: Pick<ToolContext, 'db' | 'orgId'>,
  creatorPlatformId: string,
  asOf: Date,
  rows: ReadonlyArray<{ dimension: AudienceDimension; value: string; share: number }>,
  source: string,
): Promise<void> {
  await ctx.db.audienceSlice.deleteMany({ where: { creatorPlatformId, asOf } });
  if (rows.length) {
    await ctx.db.audienceSlice.createMany({ data: rows.map((row) => ({ organizationId: ctx.orgId, creatorPlatformId, asOf, dimension: row.dimension, value: row.value, share: row.share, source })) });
  }
}

const share = z.number().describe('0..1.');
export const audienceView = z.object({
  as_of: z.string(),
  source: z.string().describe('manual or phyllo.'),
  age: z.array(z.object({ band: z.string(), share })),
  gender: z.array(z.object({ gender: z.string(), share })),
  countries: z.array(z.object({ code: z.string(), share })).describe('Largest first.'),
  cities: z.array(z.object({ name: z.string(), country: z.string(), share })).describe('Largest first.'),
});
export type AudienceView = z.input<typeof audienceView>;

/** One day's slices of one platform as the view shows them: age bands youngest first, the rest largest first. */
export function toAudienceView(slices: readonly AudienceSlice[]): AudienceView | null {
  if (!slices.length) return null;
  const of = (dimension: AudienceDimension) => slices.filter((slice) => slice.dimension === dimension).map((slice) => ({ value: slice.value, share: Number(slice.share) }));
  const largestFirst = <Row extends { share: number }>(rows: Row[]) => rows.sort((a, b) => b.share - a.share);
  return {
    as_of: isoDay(slices[0]!.asOf),
    source: slices[0]!.source,
    age: of('AGE').sort((a, b) => parseInt(a.value, 10) - parseInt(b.value, 10)).map((row) => ({ band: row.value, share: row.share })),
    gender: largestFirst(of('GENDER')).map((row) => ({ gender: row.value, share: row.share })),
    countries: largestFirst(of('COUNTRY')).map((row) => ({ code: row.value, share: row.share })),
    cities: largestFirst(of('CITY')).map((row) => {
      const at = row.value.lastIndexOf(', ');
      return { name: at < 0 ? row.value : row.value.slice(0, at), country: at < 0 ? '' : row.value.slice(at + 2), share: row.share };
    }),
  };
}
