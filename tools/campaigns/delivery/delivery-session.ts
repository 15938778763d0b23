import type { ToolContext } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

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
    await db.$executeRawUnsafe("SET LOCAL work_mem = '128MB'");
    await db.$executeRawUnsafe('SET LOCAL max_parallel_workers_per_gather = 0');
    // Compiling the query costs more than it saves at these sizes (about 190 ms of LLVM emission
    // for a 60 ms scorecard once the planner's estimates are right).
    await db.$executeRawUnsafe('SET LOCAL jit = off');
    return work(db);
  });
}
