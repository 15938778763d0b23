import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { buildWebApp } from '../../web/app.ts';
import { createApiToken } from '../access/api-tokens.ts';
import { silentLogger } from '../registry/context.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { streamsCsv } from './testing/streams-file.ts';
import { waitForImport, type ImportState } from './testing/wait-for-import.ts';
import { watchEventLoopStalls } from '../testing/event-loop-stalls.ts';

const ROWS = 200_000;

/**
 * A 200,000-row import_streams, as an ANALYST over HTTP, runs as a job while other requests keep
 * answering: the issue saw whoami wait 29.5 s on the embedded server and 6.9 s on Postgres.
 */
describe('a large import', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('bigimport'));
    server = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const post = async (tool: string, token: string, body: unknown) => {
    const response = await fetch(`${base}/api/tools/${tool}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('is queued as a job with progress, and whoami over HTTP keeps answering meanwhile', { timeout: 300_000 }, async () => {
    const analyst = (await createApiToken(database.prisma, { organizationId: org.id, email: 'analyst@bigimport.test', role: 'ANALYST' })).token;
    const viewer = (await createApiToken(database.prisma, { organizationId: org.id, email: 'viewer@bigimport.test', role: 'VIEWER' })).token;
    const content = streamsCsv(ROWS);

    // The longest event-loop stall, from the upload to the outcome.
    const states: ImportState[] = [];
    const stalls = watchEventLoopStalls();
    let finished = false;
    const whoamiMs: number[] = [];
    const slowCalls: string[] = [];
    const asking = (async () => {
      while (!finished) {
        const started = performance.now();
        const during = states.at(-1)?.message ?? 'uploading';
        const answer = await post('whoami', viewer, {});
        expect(answer.status).toBe(200);
        whoamiMs.push(performance.now() - started);
        if (performance.now() - started > 300) slowCalls.push(`${Math.round(performance.now() - started)} ms during "${during}"`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const uploadStarted = performance.now();
    const queued = await post('import_streams', analyst, { files: [{ name: 'streams.csv', content }] });
    const uploadMs = performance.now() - uploadStarted;
    expect(queued).toMatchObject({ status: 200, body: { status: 'queued', rows: 0, files: 1 } });
    const importId = queued.body.import_id as string;

    const outcome = await waitForImport(runner, org.as('ANALYST'), importId, (state) => states.push(state), 250);
    finished = true;
    await asking;
    const worstTickGap = stalls.stop();

    expect(outcome).toMatchObject({ status: 'done', progress: 3 * ROWS, total: 3 * ROWS, error: null });
    expect(outcome.result).toMatchObject({ rows: ROWS, rows_stored: ROWS, rows_unchanged: 0, files_rejected: 0, status: 'done', import_id: importId });
    expect(await database.prisma.streamStat.count({ where: { organizationId: org.id } })).toBe(ROWS);
    // get_import showed it checking and storing along the way, never going backwards.
    const progressSeen = states.map((state) => state.progress);
    expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));
    expect(new Set(states.map((state) => state.status))).toContain('storing');
    expect(states.filter((state) => state.progress > 0 && state.progress < 3 * ROWS).length).toBeGreaterThan(3);
    // The job is the organisation's to see in list_jobs.
    const jobs = await runner.call('list_jobs', { job: 'imports.run' }, org.as('MANAGER'));
    expect(jobs).toMatchObject({ ok: true, output: { rows: [{ job: 'imports.run', status: 'succeeded', key: `imports.run.${importId}` }] } });

    const slowest = Math.max(...whoamiMs);
    console.info(`big import (${database.kind}): upload ${Math.round(uploadMs)} ms, ${whoamiMs.length} whoami calls, slowest ${Math.round(slowest)} ms, worst event-loop gap ${Math.round(worstTickGap)} ms; over 300 ms: ${slowCalls.join('; ') || 'none'}`);
    expect(whoamiMs.length).toBeGreaterThan(20);
    // Generous bounds for a shared, loaded machine (the issue saw 29.5 s and 6.9 s; one transaction
    // for the whole import, 52 s); `npm run bench ingest` measures against the 200 ms target.
    expect(slowest).toBeLessThan(3_000);
    expect(worstTickGap).toBeLessThan(2_000);
  });
});
