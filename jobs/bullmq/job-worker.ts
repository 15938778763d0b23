import type { Worker } from 'bullmq';
import { startApprovalSweep, type ApprovalSweepSettings } from '../approval-sweep.ts';
import { JobCatalogue } from '../catalogue.ts';
import type { JobDeps } from '../define-job.ts';
import { BullmqJobQueue } from './bullmq-job-queue.ts';
import { buildWorker } from './build-worker.ts';
import type { RedisTarget } from './connection.ts';
import { syncSchedules } from './sync-schedules.ts';

export interface JobWorkerOptions {
  redis: RedisTarget;
  deps: Omit<JobDeps, 'jobs'>;
  catalogue?: JobCatalogue;
  concurrency?: number;
  /** Keep the per-organisation schedulers in sync (default true); a second worker may leave it off. */
  schedules?: boolean;
  /** How often to re-read the organisations for new ones and changed time zones (default 5 minutes). */
  resyncEveryMs?: number;
  /** The periodic sweep for approved actions whose job Redis lost; every worker runs one. */
  approvalSweep?: ApprovalSweepSettings;
}

export interface JobWorker {
  queue: BullmqJobQueue;
  worker: Worker;
  /** Re-reads the organisations and updates the schedulers (also after `crescendo org create`). */
  syncSchedules(): Promise<{ schedulers: number; removed: number }>;
  /** Stops taking jobs, waits for the running ones, closes every Redis connection. */
  close(): Promise<void>;
}

/** What `crescendo worker` runs: the worker over the catalogue plus the schedulers, against Redis. */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const catalogue = options.catalogue ?? new JobCatalogue();
  const queue = new BullmqJobQueue(options.redis, catalogue);
  const deps: JobDeps = { ...options.deps, jobs: queue };
  const worker = buildWorker({ redis: options.redis, deps, catalogue, concurrency: options.concurrency });
  const sync = () => syncSchedules(queue.queue, deps.prisma, { ingestDir: deps.ingestDir });
  let timer: NodeJS.Timeout | undefined;
  let sweep: { stop(): void } | undefined;
  try {
    await worker.waitUntilReady();
    sweep = startApprovalSweep({ prisma: deps.prisma, jobs: queue, log: deps.log, ...options.approvalSweep });
    if (options.schedules !== false) {
      const result = await sync();
      deps.log.info('job schedules in sync', result);
      timer = setInterval(() => {
        sync().catch((error) => deps.log.error('schedule sync failed', { error: String(error) }));
      }, options.resyncEveryMs ?? 5 * 60_000);
      timer.unref();
    }
  } catch (error) {
    sweep?.stop();
    await Promise.allSettled([worker.close(), queue.close()]);
    throw error;
  }
  return {
    queue,
    worker,
    syncSchedules: sync,
    async close() {
      if (timer) clearInterval(timer);
      sweep?.stop();
      await worker.close();
      await queue.close();
    },
  };
}
