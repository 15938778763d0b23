import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * The few raw-SQL operations the migrator, the schema checks and bulk loaders need, identical over
 * PGlite and a Postgres connection. Domain code goes through Prisma, never through this.
 */
export interface SqlConnection {
  /** One parameterised statement; rows come back as plain objects. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (migration files). */
  exec(script: string): Promise<void>;
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

export function postgresConnection(client: pg.Pool | pg.PoolClient | pg.Client): SqlConnection {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}
