import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../database.ts';
import type { SqlConnection } from '../sql-connection.ts';
import { MIGRATIONS_DIR } from '../paths.ts';

/** Prisma Migrate's own lock id, so our migrator and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK_ID = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations whose file changed since (Prisma warns about these too). */
  modified: string[];
}

/** A migration that failed earlier, or fails now, and blocks the ones after it. */
export class MigrationError extends Error {
  constructor(message: string, readonly migrationName: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, with Prisma's checksum (sha256 hex). */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations in order and records them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so either tool can take over from the other. Each file runs in
 * one transaction; a failure is recorded unfinished with its error in `logs` and stops the run.
 */
export async function migrate(database: Database, migrations: MigrationFile[] = readMigrations()): Promise<MigrateResult> {
  return database.session(async (connection) => {
    await connection.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_ID})`);
    try {
      return await applyPending(connection, migrations);
    } finally {
      // A failing unlock (connection lost) must not hide the migration's own error; the lock dies with the session.
      await connection.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_ID})`).catch(() => {});
    }
  });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function applyPending(connection: SqlConnection, migrations: MigrationFile[]): Promise<MigrateResult> {
  await connection.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await connection.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and blocks the others. Fix the database by hand, then mark it rolled back ` +
        `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}'). Its error: ${failed.logs ?? 'unknown'}`,
      failed.migration_name,
    );
  }
  const finished = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row.checksum]));
  const result: MigrateResult = { applied: [], alreadyApplied: 0, modified: [] };
  for (const migration of migrations) {
    const recordedChecksum = finished.get(migration.name);
    if (recordedChecksum !== undefined) {
      result.alreadyApplied++;
      if (recordedChecksum !== migration.checksum) result.modified.push(migration.name);
      continue;
    }
    await applyOne(connection, migration);
    result.applied.push(migration.name);
  }
  return result;
}

async function applyOne(connection: SqlConnection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await connection.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await connection.exec('BEGIN');
    await connection.exec(migration.sql);
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await connection.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`, migration.name);
  }
  await connection.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
