import type { Logger, ProgressReporter, ProgressUpdate } from '../registry/context.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';

/** Progress is written to the import record at most this often (each write is a short statement). */
const WRITE_EVERY_MS = 500;

/**
 * Keeps a queued import's record up to date with its progress, so get_import can show it while
 * the job runs: the latest report is written at most every half second, never two writes at once.
 */
export class ImportRecordProgress {
  private latest: ProgressUpdate | null = null;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private inFlight = false;

  constructor(
    private readonly db: ToolDb,
    private readonly importId: string,
    private readonly log: Logger,
    private readonly forward: ProgressReporter,
  ) {}

  /** A ProgressReporter that records and forwards each report. */
  readonly report: ProgressReporter = (update) => {
    this.forward(update);
    this.latest = update;
    if (this.inFlight || performance.now() - this.lastWrite < WRITE_EVERY_MS) return;
    this.writing = this.write();
  };

  /** Waits for a write in flight and writes the latest report if it is newer. */
  async flush(): Promise<void> {
    await this.writing;
    if (this.latest) await this.write();
  }

  private async write(): Promise<void> {
    const update = this.latest;
    if (!update) return;
    this.latest = null;
    this.inFlight = true;
    this.lastWrite = performance.now();
    try {
      await this.db.dataImport.updateMany({
        where: { id: this.importId },
        data: { progress: update.progress, progressTotal: update.total ?? null, message: update.message ?? null },
      });
    } catch (error) {
      // Progress is a courtesy: the import itself goes on.
      this.log.warn('import progress not recorded', { importId: this.importId, error: String(error) });
    } finally {
      this.inFlight = false;
    }
  }
}
