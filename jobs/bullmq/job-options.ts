import type { JobsOptions } from 'bullmq';
import type { AnyJob } from '../catalogue.ts';

const DAY_S = 86_400;

/**
 * Retries with exponential backoff from the definition. Completed jobs stay 8 days, so a keyed
 * job (a day's digest) added again within a week is recognised and not run twice; failed jobs are
 * kept (the newest 10,000) for a person to inspect and retry in /admin/queues.
 */
export function jobOptions(job: AnyJob): Omit<JobsOptions, 'jobId'> {
  return {
    attempts: job.attempts,
    backoff: { type: 'exponential', delay: job.backoffMs },
    removeOnComplete: { age: 8 * DAY_S, count: 50_000 },
    removeOnFail: { count: 10_000 },
  };
}
