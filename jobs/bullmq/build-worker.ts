import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { JobCatalogue } from '../catalogue.ts';
import type { JobDeps } from '../define-job.ts';
import { runRecorded } from '../job-runs.ts';
import { connectionOptions, DEFAULT_PREFIX, QUEUE_NAME, type RedisTarget } from './connection.ts';

export interface WorkerOptions {
  redis: RedisTarget;
  deps: JobDeps;
  catalogue?: JobCatalogue;
  /** Jobs this worker runs at once (default 4). */
  concurrency?: number;
}

/**
 * A BullMQ worker over the catalogue: validates each payload again, runs its handler, and turns
 * failures that cannot succeed on a retry (an unknown job, a bad payload, a tool answering
 * invalid_input or forbidden) into UnrecoverableError so they fail at once instead of retrying.
 */
export function buildWorker(options: WorkerOptions): Worker {
  const catalogue = options.catalogue ?? new JobCatalogue();
  const { deps } = options;
  const worker = new Worker(QUEUE_NAME, (job) => processJob(catalogue, deps, job), {
    connection: connectionOptions(options.redis),
    prefix: options.redis.prefix ?? DEFAULT_PREFIX,
    concurrency: options.concurrency ?? 4,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    const context = { job: job.name, id: job.id, organizationId: (job.data as { organizationId?: string }).organizationId, attempt: job.attemptsMade, error: error.message };
    if (final) deps.log.error('job failed for good (kept in the failed list)', context);
    else deps.log.warn('job failed, will retry', context);
  });
  worker.on('error', (error) => deps.log.error('worker error', { error: String(error) }));
  return worker;
}

async function processJob(catalogue: JobCatalogue, deps: JobDeps, job: Job): Promise<unknown> {
  const definition = catalogue.get(job.name);
  if (!definition) throw new UnrecoverableError(`Unknown job ${job.name}: deploy the worker that defines it.`);
  const parsed = definition.payload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
  const attempt = job.attemptsMade + 1;
  const maxAttempts = job.opts.attempts ?? 1;
  const isFinal = (error: unknown) => attempt >= maxAttempts || (error as { retryable?: boolean }).retryable === false;
  try {
    return (await runRecorded(deps, { job: definition, payload: parsed.data, key: definition.key(parsed.data), attempt, maxAttempts, runner: 'redis', queuedAt: new Date(job.timestamp), isFinal })) ?? null;
  } catch (error) {
    if ((error as { retryable?: boolean }).retryable === false) throw new UnrecoverableError((error as Error).message);
    throw error;
  }
}
