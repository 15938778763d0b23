import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { JobQueue, Logger } from '../tools/registry/context.ts';
import { resumeApprovedRequests } from './resume-approvals.ts';

export interface ApprovalSweepSettings {
  /** How often to look for approved requests that have not run (default 20 s). */
  everyMs?: number;
  /**
   * Requests decided less than this long ago are left to the job their decision enqueued (default
   * 10 s), so a healthy queue never sees a second copy; the claim makes a copy harmless anyway.
   */
  settleMs?: number;
}

export interface ApprovalSweepOptions extends ApprovalSweepSettings {
  prisma: PrismaClient;
  jobs: JobQueue;
  log: Logger;
}

export interface ApprovalSweep {
  /** One pass: enqueues every approved-and-waiting request; resolves with how many it found. */
  sweep(): Promise<number>;
  stop(): void;
}

export const DEFAULT_SWEEP_EVERY_MS = 20_000;
export const DEFAULT_SWEEP_SETTLE_MS = 10_000;

/**
 * Finds approved requests whose execution job was lost (Redis restarted empty, a process died
 * between the decision and the enqueue) and enqueues them again under the decision's job key.
 * Every worker and the embedded server run one; the queue's key and the runner's claim
 * (APPROVED -> EXECUTING in the action's transaction) keep each action to a single execution.
 */
export function startApprovalSweep(options: ApprovalSweepOptions): ApprovalSweep {
  const settleMs = options.settleMs ?? DEFAULT_SWEEP_SETTLE_MS;
  let running: Promise<number> | null = null;
  const sweep = () => {
    // One pass at a time per process: a slow database must not pile passes up.
    running ??= resumeApprovedRequests(options.prisma, options.jobs, { decidedBefore: new Date(Date.now() - settleMs) }).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    sweep()
      .then((found) => found && options.log.info('approval sweep re-enqueued approved actions that had not run', { count: found }))
      .catch((error) => options.log.error('approval sweep failed; it runs again shortly', { error: String(error) }));
  }, options.everyMs ?? DEFAULT_SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
