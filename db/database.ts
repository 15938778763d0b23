import { PrismaPg } from '@prisma/adapter-pg';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';
import { openPglite } from './pglite.ts';
import { pgliteConnection, postgresConnection, type SqlConnection } from './sql-connection.ts';

export { PrismaClient };
export type { Prisma } from './generated/prisma/client.ts';

/** An open database: the Prisma client every layer uses, plus raw SQL for migrations and bulk work. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  readonly sql: SqlConnection;
  /** Where the data lives, for messages (a folder or a URL without its password). */
  readonly location: string;
  /** The embedded engine itself, for snapshots (PGlite only). */
  readonly pglite?: PGlite;
  /** Runs `work` on one session, for what must share a connection (advisory locks, SET). */
  session<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** Whether pgvector can be used (always on PGlite; only where installed on Postgres). */
  vectorAvailable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Postgres connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; omitted (with no databaseUrl) for an in-memory one. */
  dataDir?: string;
  /** A PGlite `dumpDataDir()` snapshot to start from. */
  loadDataDir?: Blob;
}

/** Opens Postgres when a URL is given, else embedded PGlite; both behind the same Prisma client. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options);
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<Database> {
  const { db, release } = await openPglite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    kind: 'pglite',
    prisma,
    pglite: db,
    sql: pgliteConnection(db),
    location: options.dataDir ?? 'memory',
    session: (work) => work(pgliteConnection(db)),
    vectorAvailable: async () => true,
    async close() {
      await prisma.$disconnect();
      await db.close();
      release();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server drops (restart, failover, a forced DROP DATABASE) is replaced on
  // next use; without a listener, pg would turn that event into an uncaught exception.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql = postgresConnection(pool);
  return {
    kind: 'postgres',
    prisma,
    sql,
    location: redactPassword(databaseUrl),
    async session(work) {
      const client = await pool.connect();
      try {
        return await work(postgresConnection(client));
      } finally {
        client.release();
      }
    },
    async vectorAvailable() {
      const rows = await sql.query<{ installed: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`);
      return rows[0]?.installed === true;
    },
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
