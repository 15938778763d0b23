import type { JobQueue, JobRequest } from '../tools/registry/context.ts';
import { JobCatalogue, type AnyJob, type JobDeps } from './catalogue.ts';
import { runRecorded } from './job-runs.ts';
import { loggingNotifier } from './notifier.ts';

/** What the composition root supplies; the queue adds itself as `jobs`, and defaults the rest. */
export type JobBindings = Omit<JobDeps, 'jobs' | 'notifier' | 'now'> & Partial<Pick<JobDeps, 'notifier' | 'now'>>;

export interface InProcessQueueOptions {
  catalogue?: JobCatalogue;
  /** Delay before retry `attempt` (1-based); default the job's backoff, doubling. */
  retryDelayMs?: (job: AnyJob, attempt: number) => number;
}

/** A key that ran successfully is remembered this long, so a day's digest is not sent twice. */
const KEY_MEMORY_MS = 8 * 86_400_000;

/**
 * The embedded mode's queue: jobs run in this process right after the call that enqueued them.
 * Same catalogue, validation, keys and retry rules as the BullMQ worker; `drain()` lets
 * short-lived processes (the CLI) finish their jobs before exiting.
 */
export class InProcessJobQueue implements JobQueue {
  readonly mode = 'in-process';
  private readonly running = new Set<Promise<void>>();
  private readonly keysInFlight = new Set<string>();
  private readonly keysDone = new Map<string, number>();
  private readonly catalogue: JobCatalogue;
  private readonly retryDelayMs: (job: AnyJob, attempt: number) => number;
  private deps: JobDeps | undefined;
  /** Failed jobs, newest last (bounded), for the admin page in embedded mode. */
  readonly failures: Array<{ name: string; key: string | undefined; organizationId: string; error: string; at: Date }> = [];

  constructor(options: InProcessQueueOptions = {}) {
    this.catalogue = options.catalogue ?? new JobCatalogue();
    this.retryDelayMs = options.retryDelayMs ?? ((job, attempt) => job.backoffMs * 2 ** (attempt - 1));
  }

  /** Handlers need the tool runner, which itself needs this queue: bind once both exist. */
  bind(bindings: JobBindings): void {
    this.deps = { ...bindings, jobs: this, notifier: bindings.notifier ?? loggingNotifier(bindings.log), now: bindings.now ?? (() => new Date()) };
  }

  async enqueue(request: JobRequest): Promise<void> {
    const { job, payload, key } = this.catalogue.prepare(request);
    if (key) {
      this.forgetOldKeys();
      if (this.keysInFlight.has(key) || this.keysDone.has(key)) return;
      this.keysInFlight.add(key);
    }
    const task = this.runWithRetries(job, payload, key, new Date()).finally(() => {
      this.running.delete(task);
      if (key) this.keysInFlight.delete(key);
    });
    this.running.add(task);
  }

  /** Resolves when every job enqueued so far (and any they enqueue) has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Nothing to release: jobs live in this process (call drain() to finish them). */
  async close(): Promise<void> {}

  /** Jobs running or waiting for a retry. */
  get active(): number {
    return this.running.size;
  }

  private async runWithRetries(job: AnyJob, payload: { organizationId: string }, key: string | undefined, queuedAt: Date): Promise<void> {
    await Promise.resolve(); // start after the caller's own work
    const deps = this.requireDeps();
    const isFinal = (attempt: number) => (error: unknown) => attempt === job.attempts || (error as { retryable?: boolean }).retryable === false;
    for (let attempt = 1; attempt <= job.attempts; attempt++) {
      try {
        await runRecorded(deps, { job, payload, key, attempt, maxAttempts: job.attempts, runner: 'in-process', queuedAt, isFinal: isFinal(attempt) });
        if (key) this.keysDone.set(key, Date.now());
        return;
      } catch (error) {
        const context = { job: job.name, key, organizationId: payload.organizationId, attempt, error: String(error) };
        if (isFinal(attempt)(error)) {
          deps.log.error('job failed for good', context);
          this.failures.push({ name: job.name, key, organizationId: payload.organizationId, error: String(error), at: new Date() });
          if (this.failures.length > 100) this.failures.shift();
          return;
        }
        deps.log.warn('job failed, retrying', context);
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs(job, attempt)));
      }
    }
  }

  private forgetOldKeys(): void {
    const cutoff = Date.now() - KEY_MEMORY_MS;
    for (const [key, at] of this.keysDone) if (at < cutoff) this.keysDone.delete(key);
  }

  private requireDeps(): JobDeps {
    if (!this.deps) throw new Error('InProcessJobQueue used before bind()');
    return this.deps;
  }
}
