import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import type { SqlConnection } from '../sql-connection.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { formatDifferences } from './catalog.ts';
import { checkSchemaParity } from './check-schema-parity.ts';

/**
 * The migrations in db/prisma/migrations must build exactly what db/prisma/schema.prisma
 * describes (what `prisma migrate diff` would check if its engine could run here).
 */
describe('schema parity', () => {
  let database: Database;
  beforeAll(async () => { database = await openTestDatabase(); });
  afterAll(async () => { await database.close(); });

  it('the migrated database matches schema.prisma: tables, columns, keys, indexes, foreign keys, enums', async () => {
    const differences = await checkSchemaParity(database.sql);
    // Printed in full on failure: what is missing, extra or different, by name.
    expect(formatDifferences(differences)).toBe('the database matches schema.prisma');
  });

  it('reports each kind of drift by name (changes made in a transaction that is rolled back)', async () => {
    const drift = `
      ALTER TABLE "Vendor" ADD COLUMN "x" int;
      CREATE TABLE "Stray" ("id" int);
      DROP INDEX "Placement_organizationId_vendorId_idx";
      DROP INDEX "Organization_slug_key";
      CREATE INDEX "Organization_slug_key" ON "Organization" ("slug");
      ALTER TABLE "Vendor" ALTER COLUMN "contactEmail" SET NOT NULL;
      ALTER TABLE "Vendor" ALTER COLUMN "currency" SET DEFAULT 'EUR';
      ALTER TABLE "Vendor" ALTER COLUMN "isActive" DROP DEFAULT;
      ALTER TABLE "FxRate" ALTER COLUMN "rate" TYPE numeric(20, 8);
      ALTER INDEX "FxRate_pkey" RENAME TO "FxRate_primary";
      ALTER TABLE "Placement" DROP CONSTRAINT "Placement_organizationId_vendorId_fkey",
        ADD CONSTRAINT "Placement_organizationId_vendorId_fkey" FOREIGN KEY ("organizationId", "vendorId")
        REFERENCES "Vendor" ("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
      ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_cost_positive" CHECK ("costPer1kStreams" > 0);
      ALTER TYPE "Role" ADD VALUE 'DRIFT_CHECK';
    `;
    const differences = await inRolledBackTransaction(database, drift, (connection) => checkSchemaParity(connection));
    expect(differences.map(({ kind, key }) => `${kind}: ${key}`)).toEqual([
      'different: column FxRate.rate',
      'extra: column Stray.id',
      'different: column Vendor.contactEmail',
      'different: column Vendor.currency',
      'different: column Vendor.isActive',
      'extra: column Vendor.x',
      'extra: constraint Vendor.Vendor_cost_positive',
      'different: enum Role',
      'different: foreign key Placement.Placement_organizationId_vendorId_fkey',
      'different: index Organization_slug_key',
      'missing: index Placement_organizationId_vendorId_idx',
      'different: primary key of FxRate',
      'extra: relation Stray',
    ]);
    const report = formatDifferences(differences);
    expect(report).toContain('- extra in the database (not in schema.prisma): column Vendor.x: integer');
    expect(report).toContain('- missing in the database: index Placement_organizationId_vendorId_idx: INDEX ON Placement (organizationId, vendorId)');
    expect(report).toContain("schema.prisma: character(3) NOT NULL DEFAULT 'USD'\n    database:      character(3) NOT NULL DEFAULT 'EUR'");
    expect(report).toContain('ON DELETE RESTRICT ON UPDATE CASCADE\n    database:      (organizationId, vendorId) REFERENCES Vendor (organizationId, id) ON DELETE CASCADE');
    expect(await checkSchemaParity(database.sql)).toEqual([]);
  });

  it('lets hand-written objects (that schema.prisma cannot express) through only when listed', async () => {
    const differences = await inRolledBackTransaction(database, 'CREATE INDEX "Vendor_name_hash_idx" ON "Vendor" USING hash ("name")',
      async (connection) => [
        await checkSchemaParity(connection),
        await checkSchemaParity(connection, { allowExtra: ['index Vendor_name_hash_idx'] }),
      ]);
    expect(differences[0]).toEqual([{ kind: 'extra', key: 'index Vendor_name_hash_idx', actual: 'INDEX ON Vendor (name) USING hash' }]);
    expect(differences[1]).toEqual([]);
  });
});

/** Runs `script` and then `work` on one connection, inside a transaction that is always rolled back. */
async function inRolledBackTransaction<T>(database: Database, script: string, work: (connection: SqlConnection) => Promise<T>): Promise<T> {
  return database.session(async (connection) => {
    await connection.exec('BEGIN');
    try {
      await connection.exec(script);
      return await work(connection);
    } finally {
      await connection.exec('ROLLBACK');
    }
  });
}
