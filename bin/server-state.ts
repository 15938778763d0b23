import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from '../db/process-alive.ts';

/** What a running `crescendo start` leaves in its data folder, so other processes can find it. */
export interface RunningServer {
  pid: number;
  /** Where its web UI, API and /mcp answer, e.g. http://localhost:3000. */
  url: string;
  /** Where this machine reaches it over loopback (the CLI's local credential is accepted only there). */
  localUrl?: string;
  startedAt: string;
}

const FILE = 'server.json';

/** Records this process as the folder's running server; the returned function removes the record. */
export function recordRunningServer(dataDir: string, url: string, localUrl?: string): () => void {
  const path = join(dataDir, FILE);
  const record: RunningServer = { pid: process.pid, url, ...(localUrl ? { localUrl } : {}), startedAt: new Date().toISOString() };
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(record)}\n`);
  } catch {
    // A read-only folder: other processes just cannot find this server; it still serves.
    return () => {};
  }
  const remove = () => {
    // Only our own record: a newer server may have replaced it.
    if (readRunningServer(dataDir)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.once('exit', remove);
  return remove;
}

/** The folder's running server, if its record names a live process. */
export function readRunningServer(dataDir: string): RunningServer | null {
  let record: RunningServer;
  try {
    record = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as RunningServer;
  } catch {
    return null;
  }
  if (!Number.isInteger(record.pid) || typeof record.url !== 'string') return null;
  return isProcessAlive(record.pid) ? record : null;
}

