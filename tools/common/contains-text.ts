/**
 * A case-insensitive "contains" filter that matches the searched text literally. Prisma turns
 * `contains` into `ILIKE '%' || value || '%'` without escaping, so `%` and `_` in a search would act
 * as wildcards (`%` matching every row); they, and the escape character `\`, are escaped here.
 */
export function containsText(search: string): { contains: string; mode: 'insensitive' } {
  return { contains: escapeLikePattern(search), mode: 'insensitive' };
}

/** `\`, `%` and `_` preceded by `\`, Postgres' default LIKE escape character. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
