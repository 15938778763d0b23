import { readFileSync } from 'node:fs';
import { SCHEMA_PATH } from '../paths.ts';
import type { SqlConnection } from '../sql-connection.ts';
import { actualCatalog } from './actual-catalog.ts';
import { compareCatalogs, type CatalogDifference } from './catalog.ts';
import { expectedCatalog } from './expected-catalog.ts';
import { HAND_WRITTEN_OBJECTS } from './hand-written-objects.ts';
import { parsePrismaSchema } from './parse-prisma-schema.ts';

export interface SchemaParityOptions {
  /** The Prisma schema to hold the database to; db/prisma/schema.prisma by default. */
  schemaSource?: string;
  /** The PostgreSQL schema (namespace) to read; `public` by default. */
  namespace?: string;
  /** More catalogue keys to let through, besides those in ./hand-written-objects.ts. */
  allowExtra?: readonly string[];
}

/**
 * Differences between a migrated database and schema.prisma; none means `prisma migrate diff`
 * would find nothing to do. Takes a connection rather than a Database so that a caller can check
 * inside its own transaction. Vector columns are not expected where pgvector is not installed,
 * because migrations create them only where the extension exists.
 */
export async function checkSchemaParity(sql: SqlConnection, options: SchemaParityOptions = {}): Promise<CatalogDifference[]> {
  const schema = parsePrismaSchema(options.schemaSource ?? readFileSync(SCHEMA_PATH, 'utf8'));
  const [vector] = await sql.query<{ installed: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`);
  const expected = expectedCatalog(schema, { omitVectorColumns: vector?.installed !== true });
  const actual = await actualCatalog(sql, options.namespace);
  return compareCatalogs(expected, actual, { allowExtra: [...HAND_WRITTEN_OBJECTS, ...(options.allowExtra ?? [])] });
}
