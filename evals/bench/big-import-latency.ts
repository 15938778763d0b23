import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { createApiToken } from '../../tools/access/api-tokens.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { streamsCsv } from '../../tools/imports/testing/streams-file.ts';
import { waitForImport } from '../../tools/imports/testing/wait-for-import.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { buildWebApp } from '../../web/app.ts';
import type { Figure } from './harness.ts';
import { median } from './harness.ts';
import { watchEventLoopStalls } from '../../tools/testing/event-loop-stalls.ts';

const ROWS = 200_000;
/** Issue 15 #8: other requests answer within this while a big import runs. */
export const TARGET_MS = 200;

/**
 * A 200,000-row import_streams uploaded by an ANALYST over HTTP (queued as the imports.run job),
 * with a VIEWER asking whoami over HTTP every 50 ms until the import is done: how long whoami
 * takes meanwhile (beside the same call with nothing else running), the import's duration, and
 * the longest the event loop went without running a 10 ms timer.
 */
export async function measureBigImportLatency(backend: string, database: Database): Promise<Figure[]> {
  await migrate(database);
  const jobs = new InProcessJobQueue();
  const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger, jobs });
  jobs.bind({ prisma: database.prisma, runner, log: silentLogger });
  const organization = await createOrganization(database.prisma, { name: 'Big import bench', slug: 'big-import-bench', ownerEmail: 'owner@big-import.bench' });
  const token = async (role: 'ANALYST' | 'VIEWER') => (await createApiToken(database.prisma, { organizationId: organization.id, email: `${role.toLowerCase()}@big-import.bench`, role })).token;
  const [analyst, viewer] = [await token('ANALYST'), await token('VIEWER')];
  const server = buildWebApp({ database, runner, log: silentLogger, version: 'bench', uiDir: false }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (tool: string, bearer: string, body: unknown) => {
    const response = await fetch(`${base}/api/tools/${tool}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`${tool} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const whoami = async () => {
    const started = performance.now();
    await post('whoami', viewer, {});
    return performance.now() - started;
  };
  try {
    const idle: number[] = [];
    for (let index = 0; index < 30; index++) idle.push(await whoami());
    const content = streamsCsv(ROWS);

    const stalls = watchEventLoopStalls();
    let finished = false;
    const busy: number[] = [];
    // Calls that started once the upload was answered: only the job was running then.
    const duringJob: number[] = [];
    let uploadAnswered = false;
    const asking = (async () => {
      while (!finished) {
        const afterUpload = uploadAnswered;
        const ms = await whoami();
        busy.push(ms);
        if (afterUpload) duringJob.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const load = loadavg()[0]!;
    const started = performance.now();
    const queued = await post('import_streams', analyst, { files: [{ name: 'streams.csv', content }] });
    const uploadMs = performance.now() - started;
    uploadAnswered = true;
    const owner = { orgId: organization.id, userId: null, role: 'ANALYST' as const, surface: 'CLI' as const };
    const outcome = await waitForImport(runner, owner, String(queued.import_id), () => {}, 250);
    const importMs = performance.now() - started;
    finished = true;
    await asking;
    const worstGap = stalls.stop();
    if (outcome.status !== 'done' || outcome.result?.rows_stored !== ROWS) throw new Error(`bench import did not store ${ROWS} rows: ${JSON.stringify(outcome).slice(0, 500)}`);

    const sorted = [...busy].sort((a, b) => a - b);
    const percentile = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
    const idleFloor = { value: median(idle), what: 'whoami with nothing else running (median)' };
    const label = `during a ${ROWS.toLocaleString('en')}-row import_streams, ${backend}`;
    return [
      { bench: 'ingest', metric: `import_streams ${ROWS.toLocaleString('en')} rows over HTTP, upload to done, ${backend}`, value: importMs / 1000, unit: 's' },
      { bench: 'ingest', metric: `  upload answered (queued), ${backend}`, value: uploadMs, unit: 'ms' },
      { bench: 'ingest', metric: `whoami median ${label}`, value: median(busy), unit: 'ms', floor: idleFloor },
      { bench: 'ingest', metric: `whoami p95 ${label} (target < ${TARGET_MS} ms)`, value: percentile(0.95), unit: 'ms', floor: idleFloor },
      { bench: 'ingest', metric: `whoami slowest of ${busy.length} ${label} (target < ${TARGET_MS} ms)`, value: sorted.at(-1)!, unit: 'ms', floor: idleFloor },
      { bench: 'ingest', metric: `  of which while only the job ran (upload answered), slowest of ${duringJob.length}`, value: Math.max(...duringJob), unit: 'ms', floor: idleFloor },
      { bench: 'ingest', metric: `longest event-loop stall ${label}`, value: worstGap, unit: 'ms' },
      { bench: 'ingest', metric: `  machine load average (1 min) when it started`, value: load, unit: 'runnable' },
    ];
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await jobs.drain();
  }
}
