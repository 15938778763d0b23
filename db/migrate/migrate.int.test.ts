import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { migrate, readMigrations, MigrationError } from './migrate.ts';

describe('migrate', () => {
  let database: Database;
  beforeAll(async () => { database = await openTestDatabase(); });
  afterAll(async () => { await database.close(); });

  it('records every migration as Prisma does and is a no-op the second time', async () => {
    const again = await migrate(database);
    expect(again).toEqual({ applied: [], alreadyApplied: readMigrations().length, modified: [] });
    const rows = await database.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      readMigrations().map((migration) => [migration.name, migration.checksum, 1]),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('leaves a failed migration unfinished with its error, stores nothing of it, and blocks later runs', async () => {
    const broken = { name: '29990101000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();', checksum: 'x'.repeat(64) };
    await expect(migrate(database, [...readMigrations(), broken])).rejects.toBeInstanceOf(MigrationError);
    const [row] = await database.sql.query<{ finished_at: Date | null; logs: string }>(
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name],
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/no_such_function/);
    const half = await database.sql.query(`SELECT to_regclass('"Half"') AS t`);
    expect(half[0]).toEqual({ t: null });
    await expect(migrate(database)).rejects.toThrow(/failed earlier/);
  });
});
