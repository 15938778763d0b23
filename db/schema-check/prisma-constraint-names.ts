/**
 * The names Prisma gives constraints and indexes when the schema does not `map:` one, as its
 * schema engine does for PostgreSQL (checked against the SQL Prisma 6.19 generated for
 * ./fixtures/conventions.prisma and for the init migration):
 *   <table>_pkey, <table>_<col>_<col>_key, <table>_<col>_<col>_idx, <table>_<col>_<col>_fkey
 * A foreign key is named after all its columns. When the name would not fit PostgreSQL's 63-byte
 * identifiers, Prisma cuts the part before the suffix so that the suffix survives
 * (e.g. "ActualPayout_organizationId_artist_platform_periodStart_per_key").
 */
const POSTGRES_MAX_IDENTIFIER_LENGTH = 63;

export type ConstraintSuffix = '_pkey' | '_key' | '_idx' | '_fkey';

export function prismaConstraintName(table: string, columns: readonly string[], suffix: ConstraintSuffix): string {
  const base = suffix === '_pkey' ? table : [table, ...columns].join('_');
  const room = POSTGRES_MAX_IDENTIFIER_LENGTH - suffix.length;
  // Prisma's own test is `>=`; cutting a string of exactly `room` characters changes nothing anyway.
  return `${base.length >= room ? base.slice(0, room) : base}${suffix}`;
}

/** The sequence behind `@default(autoincrement())` (a SERIAL column), as PostgreSQL names it. */
export function serialSequenceName(table: string, column: string): string {
  return `${table}_${column}_seq`;
}
