import type { JobQueue, JobRequest } from '../tools/registry/context.ts';
import { findJob, type JobDeps } from './catalogue.ts';

/**
 * The embedded mode's queue: jobs run in this process right after the call that enqueued them.
 * Same catalogue, validation and retry rules as the BullMQ worker; `drain()` lets short-lived
 * processes (the CLI) finish their jobs before exiting.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly running = new Set<Promise<void>>();
  private readonly keysInFlight = new Set<string>();
  private deps: JobDeps | undefined;

  /** Handlers need the tool runner, which itself needs this queue: bind once both exist. */
  bind(deps: JobDeps): void {
    this.deps = deps;
  }

  async enqueue(request: JobRequest): Promise<void> {
    const job = findJob(request.name);
    if (!job) throw new Error(`Unknown job ${request.name}`);
    const payload = job.payload.parse(request.payload);
    if (request.key) {
      if (this.keysInFlight.has(request.key)) return;
      this.keysInFlight.add(request.key);
    }
    const task = this.runWithRetries(request, () => job.run(this.requireDeps(), payload), job.attempts).finally(() => {
      this.running.delete(task);
      if (request.key) this.keysInFlight.delete(request.key);
    });
    this.running.add(task);
  }

  /** Resolves when every job enqueued so far (and any they enqueue) has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async runWithRetries(request: JobRequest, run: () => Promise<unknown>, attempts: number): Promise<void> {
    await Promise.resolve(); // start after the caller's own work
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await run();
        return;
      } catch (error) {
        const log = this.deps?.log;
        if (attempt === attempts) {
          log?.error('job failed for good', { job: request.name, attempts, error: String(error) });
          return;
        }
        log?.warn('job failed, retrying', { job: request.name, attempt, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  private requireDeps(): JobDeps {
    if (!this.deps) throw new Error('InProcessJobQueue used before bind()');
    return this.deps;
  }
}
