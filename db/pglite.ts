import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the embedded database folder. */
export class DatabaseLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(`The embedded database in ${dataDir} is in use by process ${holderPid}. Stop it (or use another CRESCENDO_DATA_DIR) and retry.`);
    this.name = 'DatabaseLockedError';
  }
}

export interface OpenPgliteOptions {
  /** Folder of the database; omitted for a throwaway in-memory database. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (tests start from a migrated snapshot). */
  loadDataDir?: Blob;
}

/**
 * Opens embedded PostgreSQL (PGlite) with pgvector. Two processes opening the same folder would
 * silently corrupt it, so a folder is held through a lock file naming the owner's pid.
 */
export async function openPglite(options: OpenPgliteOptions = {}): Promise<{ db: PGlite; release: () => void }> {
  const { dataDir, loadDataDir } = options;
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireLock(join(dataDir, '..', `${baseName(dataDir)}.lock`), dataDir);
  }
  try {
    const db = await PGlite.create({ dataDir, loadDataDir, extensions: { vector } });
    return { db, release };
  } catch (error) {
    release();
    throw error;
  }
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() || 'pgdata';
}

function acquireLock(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try { unlinkSync(lockPath); } catch { /* already gone */ }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      unlinkSync(lockPath); // a stale lock left by a crashed process
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
