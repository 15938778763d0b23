import { startJobWorker } from '../../jobs/bullmq/job-worker.ts';
import { resumeApprovedRequests } from '../../jobs/resume-approvals.ts';
import { resumeUnfinishedImports } from '../../jobs/resume-imports.ts';
import { enqueueEmbeddingSweeps } from '../../jobs/creator-embeddings/creator-embeddings.ts';
import { activeSchedules } from '../../jobs/schedules.ts';
import type { AttachedServer } from '../attached-server.ts';
import type { Command } from '../command-catalogue.ts';
import { loadConfig } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import { readRunningServer } from '../server-state.ts';
import { parseOptions, UsageError } from '../usage.ts';

const OPTIONS = { concurrency: { type: 'string' }, 'no-schedules': { type: 'boolean' } } as const;

export const workerCommandEntry: Command = {
  checkArgs: (args) => void concurrencyOf(parseOptions(args, OPTIONS).values.concurrency),
  run: workerCommand,
  attached: async (server) => {
    throw new UsageError(embeddedServerRunning(server));
  },
};

/**
 * Why there is no worker to start beside `crescendo start` on the embedded database: that server
 * already runs every job and schedule itself, and a second process could not open the database anyway.
 */
function embeddedServerRunning(server: AttachedServer): string {
  const config = loadConfig(process.env);
  const running = readRunningServer(config.dataDir);
  const who = `\`crescendo start\` (${running ? `process ${running.pid}, ` : ''}${server.url})`;
  if (!config.redisUrl) {
    return `${who} already runs the jobs and schedules in-process: in embedded mode (no REDIS_URL) there is no separate worker to start. `
      + '`crescendo worker` is for production, with REDIS_URL and DATABASE_URL set, where it runs the jobs beside `crescendo start`.';
  }
  return `${who} holds the embedded database, which admits one process, so a worker cannot open it. `
    + 'With REDIS_URL set, point DATABASE_URL at a Postgres server for both processes, or unset REDIS_URL so `crescendo start` runs the jobs in-process.';
}

function concurrencyOf(flag: string | undefined): number {
  const concurrency = flag === undefined ? 4 : Number(flag);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100) throw new UsageError(`--concurrency: "${flag}" is not a whole number from 1 to 100`);
  return concurrency;
}

/**
 * Runs jobs from Redis until SIGINT or SIGTERM: approvals as they are approved, and the
 * per-organisation schedules (kept in sync with the organisations table every few minutes).
 * Several workers may run at once; each job still runs once.
 */
export async function workerCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, OPTIONS);
  const url = runtime.config.redisUrl;
  if (!url) throw new UsageError('crescendo worker needs REDIS_URL (for example redis://127.0.0.1:6379); without Redis, `crescendo start` runs the jobs in-process');
  const concurrency = concurrencyOf(values.concurrency);
  const worker = await startJobWorker({ redis: { url }, deps: runtime.jobDeps, concurrency, schedules: !values['no-schedules'] });
  try {
    const resumed = await resumeApprovedRequests(runtime.database.prisma, worker.queue);
    const resumedImports = await resumeUnfinishedImports(runtime.database.prisma, worker.queue);
    await enqueueEmbeddingSweeps(runtime.database.prisma, worker.queue);
    const schedules = activeSchedules({ ingestDir: runtime.config.ingestDir }).map((schedule) => `${schedule.job} (${schedule.pattern})`);
    process.stdout.write(
      [
        `Crescendo worker running against ${redactedUrl(url)} (concurrency ${concurrency}).`,
        values['no-schedules'] ? '  schedules: off (another worker keeps them)' : `  schedules per organisation, in its time zone: ${schedules.join(', ')}`,
        runtime.config.ingestDir ? `  scraper drops: ${runtime.config.ingestDir}/<org-slug>/` : '  scraper ingestion: off (set CRESCENDO_INGEST_DIR)',
        ...(resumed ? [`  re-enqueued ${resumed} approved action(s) that had not run`] : []),
        ...(resumedImports ? [`  resumed ${resumedImports} unfinished import(s)`] : []),
        'Stop with Ctrl-C (SIGINT) or SIGTERM; running jobs finish first.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    process.stdout.write('Stopping: waiting for running jobs...\n');
  } finally {
    await worker.close();
  }
  return 0;
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
