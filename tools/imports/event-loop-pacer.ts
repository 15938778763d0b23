/** Longest stretch of work between two yields: leaves room for other requests within 200 ms. */
const BUDGET_MS = 15;

/**
 * Lets long work on this thread give way to other requests: `yieldIfDue()` yields to the event
 * loop (setImmediate: pending I/O first) once the work has held the thread for 15 ms, so a slow
 * machine yields more often than a fast one and no stretch is long whatever the rows cost.
 */
export class EventLoopPacer {
  private since = performance.now();

  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.since < BUDGET_MS) return;
    await this.yieldNow();
  }

  async yieldNow(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
