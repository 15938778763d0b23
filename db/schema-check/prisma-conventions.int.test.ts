import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { checkSchemaParity } from './check-schema-parity.ts';
import { formatDifferences } from './catalog.ts';

/**
 * The expected catalogue is our reading of Prisma's conventions (type names, defaults, constraint
 * names cut to 63 bytes, default referential actions...). This holds it to SQL that Prisma 6.19
 * itself generated for a schema exercising more of them than schema.prisma does today
 * (see fixtures/conventions.prisma), applied in a namespace of its own.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const NAMESPACE = 'prisma_conventions';

describe('Prisma conventions', () => {
  let database: Database;
  beforeAll(async () => { database = await openTestDatabase(); });
  afterAll(async () => { await database.close(); });

  it('the catalogue expected from conventions.prisma is the one Prisma\'s SQL for it creates', async () => {
    const differences = await database.session(async (connection) => {
      // The search path puts Prisma's unqualified names in the namespace, and makes PostgreSQL show
      // them unqualified (nextval('children_id_seq')) as it does in `public`.
      await connection.exec('BEGIN');
      try {
        await connection.exec(`CREATE SCHEMA ${NAMESPACE}; SET LOCAL search_path TO ${NAMESPACE};\n${fixture('conventions.sql')}`);
        return await checkSchemaParity(connection, { schemaSource: fixture('conventions.prisma'), namespace: NAMESPACE });
      } finally {
        await connection.exec('ROLLBACK');
      }
    });
    expect(formatDifferences(differences)).toBe('the database matches schema.prisma');
  });
});
