import { Queue } from 'bullmq';
import type { JobQueue, JobRequest } from '../../tools/registry/context.ts';
import { JobCatalogue } from '../catalogue.ts';
import { connectionOptions, DEFAULT_PREFIX, QUEUE_NAME, type RedisTarget } from './connection.ts';
import { jobOptions } from './job-options.ts';

/**
 * The production JobQueue: validates the request against the catalogue and adds it to Redis with
 * the job's key as BullMQ jobId, so a key that is waiting, running or recently done is not added
 * again (two workers can never both hold one approval). A key whose job failed for good is
 * retried instead, so re-enqueueing after an outage (resumeApprovedRequests) still runs it.
 */
export class BullmqJobQueue implements JobQueue {
  readonly mode = 'redis';
  readonly queue: Queue;
  private readonly catalogue: JobCatalogue;

  constructor(target: RedisTarget, catalogue: JobCatalogue = new JobCatalogue()) {
    this.catalogue = catalogue;
    this.queue = new Queue(QUEUE_NAME, { connection: connectionOptions(target), prefix: target.prefix ?? DEFAULT_PREFIX });
  }

  async enqueue(request: JobRequest): Promise<void> {
    const { job, payload, key } = this.catalogue.prepare(request);
    if (key) {
      const existing = await this.queue.getJob(key);
      if (existing && (await existing.isFailed())) {
        await existing.retry('failed');
        return;
      }
    }
    await this.queue.add(job.name, payload, { ...jobOptions(job), ...(key ? { jobId: key } : {}) });
  }

  /** Jobs run in `crescendo worker`; nothing to wait for in this process. */
  async drain(): Promise<void> {}

  async close(): Promise<void> {
    await this.queue.close();
  }
}
