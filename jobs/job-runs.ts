import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { AnyJob, JobDeps } from './define-job.ts';

/** Stored errors are for people reading a list: the message, not a stack or a whole response. */
const ERROR_LIMIT = 2_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface JobAttempt {
  job: AnyJob;
  payload: { organizationId: string };
  key: string | undefined;
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
  runner: 'in-process' | 'redis';
  queuedAt: Date;
  /** Whether this error ends the job (no retry follows); the queue decides, this only records it. */
  isFinal(error: unknown): boolean;
}

/**
 * Runs one attempt of a job and records it as a JobRun of the payload's organisation (running,
 * then succeeded, retrying or failed, with timings and the error), so each organisation can see
 * its own jobs (list_jobs) without the operator's cross-organisation dashboard. The in-process
 * queue and the BullMQ worker both run jobs through here. Recording never changes the job's
 * outcome: a failed write is logged and the job runs (or fails) as it would have.
 */
export async function runRecorded(deps: JobDeps, attempt: JobAttempt): Promise<unknown> {
  if (attempt.job.recordsRun) return runRecordedAfterwards(deps, attempt, attempt.job.recordsRun);
  const started = Date.now();
  const runId = await startRun(deps.prisma, deps.log, attempt, new Date(started));
  try {
    const result = await attempt.job.run(deps, attempt.payload);
    await finishRun(deps.prisma, deps.log, runId, started, { status: 'SUCCEEDED' });
    return result;
  } catch (error) {
    await finishRun(deps.prisma, deps.log, runId, started, { status: attempt.isFinal(error) ? 'FAILED' : 'RETRYING', error: describeError(error) });
    throw error;
  }
}

/** A sweep's attempt, recorded once it is over, and only when it failed or did something. */
async function runRecordedAfterwards(deps: JobDeps, attempt: JobAttempt, recordsRun: (result: unknown) => boolean): Promise<unknown> {
  const started = Date.now();
  const finish = async (outcome: { status: 'SUCCEEDED' | 'RETRYING' | 'FAILED'; error?: string }) =>
    finishRun(deps.prisma, deps.log, await startRun(deps.prisma, deps.log, attempt, new Date(started)), started, outcome);
  try {
    const result = await attempt.job.run(deps, attempt.payload);
    if (recordsRun(result)) await finish({ status: 'SUCCEEDED' });
    return result;
  } catch (error) {
    await finish({ status: attempt.isFinal(error) ? 'FAILED' : 'RETRYING', error: describeError(error) });
    throw error;
  }
}

async function startRun(prisma: PrismaClient, log: Logger, attempt: JobAttempt, startedAt: Date): Promise<string | null> {
  try {
    const row = await prisma.jobRun.create({
      data: {
        organizationId: attempt.payload.organizationId,
        job: attempt.job.name,
        key: attempt.key ?? null,
        status: 'RUNNING',
        attempt: attempt.attempt,
        maxAttempts: attempt.maxAttempts,
        runner: attempt.runner,
        queuedAt: attempt.queuedAt,
        startedAt,
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    // An organisation deleted since the job was queued, or the database briefly away: the job still runs.
    log.warn('job run not recorded', { job: attempt.job.name, organizationId: attempt.payload.organizationId, error: String(error) });
    return null;
  }
}

async function finishRun(prisma: PrismaClient, log: Logger, runId: string | null, started: number, outcome: { status: 'SUCCEEDED' | 'RETRYING' | 'FAILED'; error?: string }) {
  if (!runId) return;
  const finished = Date.now();
  try {
    await prisma.jobRun.update({
      where: { id: runId },
      data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(finished), durationMs: finished - started },
    });
  } catch (error) {
    log.warn('job run outcome not recorded', { runId, status: outcome.status, error: String(error) });
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Postgres text cannot hold NUL or a lone surrogate; a message is never worth losing the record over.
  const short = text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT - 1)}…` : text;
  return short.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}
