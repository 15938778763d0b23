import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { DeliveryScope } from './delivery-sql.ts';
import { fillScrapeDrops, holdScrapeImportLock } from './scrape-drops.ts';
import { fillSongCredits, songCreditCoverage, type SongCreditCoverage } from './song-credits.ts';

/**
 * Runs a delivery query over a whole organisation's playlist rows in a transaction tuned for it:
 * with the default work_mem the planner sorts the ~200,000 rows of the latest scrapes (by song and
 * owner, text keys) instead of hashing them, and its parallel plans only add workers' start-up on
 * small machines. Measured on Postgres 15 after the 10,000-file bench ingest (load average about 6),
 * the scorecard's query alone: about 1.8 s as it was, 0.9 s serial, 0.35-0.65 s serial with room to
 * hash. Only the plan changes, never a figure; SET LOCAL ends with the transaction.
 */
export function inDeliverySession<T>(ctx: Pick<ToolContext, 'inTransaction'>, work: (db: ToolDb) => Promise<T>): Promise<T> {
  return ctx.inTransaction(async (db) => {
    // Compiling the query costs more than it saves at these sizes (about 190 ms of LLVM emission
    // for a 60 ms scorecard once the planner's estimates are right). The planner cannot size a
    // CTE's DISTINCT (it guessed 1,147 songs per campaign for 10,000) and then sorts both sides to
    // merge them; with room to hash, hashing is never worse here (get_client 115 -> 105 ms at 10,000
    // songs). set_config(..., true) is SET LOCAL: the four settings in one round trip.
    await db.$queryRawUnsafe("SELECT set_config('work_mem', '128MB', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true), set_config('enable_mergejoin', 'off', true)");
    return work(db);
  });
}

/**
 * The scope with its playlist identities read from a temporary table of the session's connection
 * rather than sent with the query: the organisation's identities are about 250 KB of JSON (2,500
 * playlists), which every query would carry through the client, the driver and the server's
 * parser. The table is named after the identities' content, so a connection keeps one per
 * organisation and replaces it when they change (new scrapes, a changed registry). Inside
 * `inDeliverySession` only: the queries that read it must run on the same connection.
 */
export async function withSessionIdentities<Scope extends DeliveryScope>(db: ToolDb, scope: Scope): Promise<Scope> {
  const { version } = scope.identities;
  if (!version || !/^[0-9a-f]{8}_[0-9a-f]{16}$/.test(version)) return scope;
  const name = `delivery_owners_${version}`;
  const [present] = await db.$queryRawUnsafe<Array<{ present: boolean }>>(`SELECT to_regclass('pg_temp.${name}') IS NOT NULL AS present`);
  if (!present?.present) {
    const prefix = `delivery_owners_${version.slice(0, 8)}_`;
    const stale = await db.$queryRaw<Array<{ relname: string }>>`
      SELECT relname::text FROM pg_class WHERE relnamespace = pg_my_temp_schema() AND starts_with(relname::text, ${prefix})`;
    for (const { relname } of stale) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS pg_temp."${relname.replaceAll('"', '""')}"`);
    await db.$executeRawUnsafe(`CREATE TEMP TABLE "${name}" (pid text, name text, curator text, owner text, key text)`);
    await db.$executeRaw`INSERT INTO pg_temp.${Prisma.raw(`"${name}"`)} ${scope.identities.table}`;
    await db.$executeRawUnsafe(`ANALYZE pg_temp."${name}"`);
  }
  return { ...scope, identities: { ...scope.identities, table: Prisma.sql`SELECT pid, name, curator, owner, key FROM pg_temp.${Prisma.raw(`"${name}"`)}` } };
}

/**
 * `withSessionIdentities`, and the caches of the scope's registry version named in the scope: the
 * song credits when every song's latest scrape is before the cutoff (as_of today, the usual
 * question), so the figures read one row per song and vendor; else (and for `listings`, the
 * playlists of `listingCtes(scope, true)`) the drops, so the history rule reads them rather than
 * every earlier scrape. Each is filled first where it falls short. The scraper import's lock is
 * held for the session's transaction: inside `inDeliverySession` only.
 */
export async function withSessionCaches<Scope extends DeliveryScope>(db: ToolDb, scope: Scope, options: { listings?: boolean } = {}): Promise<Scope> {
  const session = await withSessionIdentities(db, scope);
  const registry = scope.ownerTotals;
  if (!registry || !(await holdScrapeImportLock(db, scope.organizationId))) return session;
  const answers = (credits: SongCreditCoverage) => credits.complete && (credits.latestScrape === null || credits.latestScrape < scope.cutoff);
  const credits = await songCreditCoverage(db, scope.organizationId, registry);
  if (answers(credits) && !options.listings) return { ...session, songCredits: registry };
  // The session's identities: the fills read the temporary table rather than sending their JSON again.
  if (!(await fillScrapeDrops(db, scope.organizationId, { ...session.identities, registry }))) return session;
  const cached = { ...session, drops: registry };
  const filled = credits.locked && !credits.complete ? await fillSongCredits(db, cached) : credits;
  return answers(filled) ? { ...cached, songCredits: registry } : cached;
}
