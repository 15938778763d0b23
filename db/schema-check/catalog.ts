/**
 * A database schema described as a flat map: the key names one object ("column Vendor.name",
 * "index Vendor_organizationId_name_key", ...) and the value says everything checked about it, in
 * words. Comparing two catalogues is then comparing two maps, and a difference reads as a sentence.
 * Built from schema.prisma by ./expected-catalog.ts and from a live database by ./actual-catalog.ts.
 */
export type Catalog = Map<string, string>;

export const catalogKey = {
  enum: (name: string) => `enum ${name}`,
  relation: (table: string) => `relation ${table}`,
  column: (table: string, column: string) => `column ${table}.${column}`,
  primaryKey: (table: string) => `primary key of ${table}`,
  index: (name: string) => `index ${name}`,
  foreignKey: (table: string, name: string) => `foreign key ${table}.${name}`,
  otherConstraint: (table: string, name: string) => `constraint ${table}.${name}`,
};

/** Adds one object; two objects under one key would hide one of them, so that is an error. */
export function addToCatalog(catalog: Catalog, key: string, description: string): void {
  if (catalog.has(key)) throw new Error(`schema check: ${key} is described twice`);
  catalog.set(key, description);
}

export interface CatalogDifference {
  kind: 'missing' | 'extra' | 'different';
  key: string;
  expected?: string;
  actual?: string;
}

export interface CompareOptions {
  /** Objects migrations create by hand that schema.prisma cannot express (an HNSW index, say). */
  allowExtra?: readonly string[];
}

/** Missing = in the schema, not in the database; extra = the reverse; different = both, unlike. */
export function compareCatalogs(expected: Catalog, actual: Catalog, options: CompareOptions = {}): CatalogDifference[] {
  const allowed = new Set(options.allowExtra ?? []);
  const differences: CatalogDifference[] = [];
  for (const [key, description] of expected) {
    const found = actual.get(key);
    if (found === undefined) differences.push({ kind: 'missing', key, expected: description });
    else if (found !== description) differences.push({ kind: 'different', key, expected: description, actual: found });
  }
  for (const [key, description] of actual) {
    if (!expected.has(key) && !allowed.has(key)) differences.push({ kind: 'extra', key, actual: description });
  }
  return differences.sort((a, b) => a.key.localeCompare(b.key));
}

export function formatDifferences(differences: CatalogDifference[]): string {
  if (differences.length === 0) return 'the database matches schema.prisma';
  const lines = differences.map((difference) => {
    if (difference.kind === 'missing') return `- missing in the database: ${difference.key}: ${difference.expected}`;
    if (difference.kind === 'extra') return `- extra in the database (not in schema.prisma): ${difference.key}: ${difference.actual}`;
    return `- different: ${difference.key}\n    schema.prisma: ${difference.expected}\n    database:      ${difference.actual}`;
  });
  return `the database differs from schema.prisma in ${differences.length} place(s):\n${lines.join('\n')}`;
}

/**
 * Postgres shows a default with casts (`'USD'::bpchar`, `'{}'::jsonb`, `nextval('"T_id_seq"'::regclass)`),
 * which schema.prisma does not say; both sides are compared without them.
 */
export function normalizeDefault(expression: string): string {
  const withoutCasts = expression
    .trim()
    .replace(/('(?:[^']|'')*'|\b\d+(?:\.\d+)?|\])::(?:"[^"]+"|[a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/gi, '$1');
  const number = /^\(?'?(-?\d+(?:\.\d+)?)'?\)?$/.exec(withoutCasts);
  if (number) return number[1]!;
  if (/^now\(\)$/i.test(withoutCasts)) return 'CURRENT_TIMESTAMP';
  return withoutCasts;
}
