import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface EmbeddedApp {
  base: string;
  token: string;
  /** Its CRESCENDO_DATA_DIR: a `crescendo` command run with it attaches to this server (e.g. `token create`). */
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs `crescendo start` exactly as a new user would (fresh data directory, demo seeded on first
 * start, jobs in-process) and reads the URL and admin token from what it prints.
 */
export async function startEmbeddedApp(env: Record<string, string>, timeoutMs = 240_000): Promise<EmbeddedApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'crescendo-e2e-'));
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) =>
    !/^(REDIS_URL|DATABASE_URL|SLACK_|ANTHROPIC_|CRESCENDO_)/.test(name))) as Record<string, string>;
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/crescendo.js'), 'start'], {
    cwd: ROOT,
    env: { ...inherited, CRESCENDO_DATA_DIR: dataDir, PORT: String(port), CRESCENDO_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test run that dies must not leave a server behind.
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });

  const stop = async () => {
    process.off('exit', killChild);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    const token = /admin token for "demo"[^:]*: (cre_\S+)/.exec(output)?.[1];
    const base = /web UI\s+(http:\/\/\S+?)\/\s/.exec(output)?.[1];
    if (token && base) return { base, token, dataDir, output: () => output, stop };
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`crescendo start did not come up (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
