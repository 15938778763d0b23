import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunningServer } from '../server-state.ts';

// `crescendo worker` beside `crescendo start` on the embedded database: nothing to start, and it says why.
const CLI = join(import.meta.dirname, '..', 'crescendo.js');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-worker-'));
const env = { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_PUBLIC_URL: '', CRESCENDO_LOG_LEVEL: 'error' } as Record<string, string>;
const cli = (extraEnv: Record<string, string>, ...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('crescendo worker while `crescendo start` runs on the embedded database', { timeout: 600_000 }, () => {
  let server: ChildProcess;

  beforeAll(async () => {
    // An organisation first, so the first start has no demo data to load.
    expect(cli({}, 'org', 'create', '--name', 'Worker Records', '--slug', 'wrk').code).toBe(0);
    server = spawn(process.execPath, [CLI, 'start', '--port', '0'], { env, stdio: 'ignore' });
    await waitUntil('crescendo start to record itself', () => readRunningServer(dataDir)?.pid === server.pid, 300_000);
  }, 600_000);

  afterAll(async () => {
    if (server?.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without REDIS_URL says the server already runs the jobs and schedules, and what the worker is for', () => {
    const worker = cli({}, 'worker');
    expect(worker.code).toBe(2);
    expect(worker.stderr).not.toMatch(/in use by process/);
    expect(worker.stderr).toContain(`\`crescendo start\` (process ${server.pid}, `);
    expect(worker.stderr).toContain('already runs the jobs and schedules in-process: in embedded mode (no REDIS_URL) there is no separate worker to start.');
    expect(worker.stderr).toContain('`crescendo worker` is for production, with REDIS_URL and DATABASE_URL set');
    expect(server.exitCode).toBeNull();
  });

  it('with REDIS_URL but the embedded database, says a worker needs a shared Postgres (DATABASE_URL)', () => {
    const worker = cli({ REDIS_URL: 'redis://127.0.0.1:9' }, 'worker');
    expect(worker.code).toBe(2);
    expect(worker.stderr).not.toMatch(/in use by process/);
    expect(worker.stderr).toMatch(/holds the embedded database, which admits one process.*point DATABASE_URL at a Postgres server for both processes/);
  });

  it('checks its flags before anything else', () => {
    const worker = cli({}, 'worker', '--concurrency', 'many');
    expect(worker.code).toBe(2);
    expect(worker.stderr).toBe('error: --concurrency: "many" is not a whole number from 1 to 100\n');
  });
});
