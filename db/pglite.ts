import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

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

/**
 * Takes `lockPath` by hard-linking a file that already holds our pid (atomic: the lock never
 * exists empty). A lock of a dead process is moved aside and checked before it is discarded, so
 * two processes clearing the same stale lock cannot both win.
 */
function acquireLock(lockPath: string, dataDir: string): () => void {
  const mine = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, lockPath);
        return () => {
          if (readHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(lockPath);
      if (holder === null) continue; // released meanwhile
      // Our own pid too: the same process must not open the folder twice.
      if (holder === process.pid || isProcessAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
      const aside = `${lockPath}.stale.${randomBytes(4).toString('hex')}`;
      try {
        renameSync(lockPath, aside);
      } catch {
        continue; // someone else moved it first
      }
      if (readHolder(aside) !== holder) linkSync(aside, lockPath); // it was a fresh lock: put it back
      rmSync(aside, { force: true });
    }
    throw new Error(`Could not lock ${dataDir}; retry.`);
  } finally {
    rmSync(mine, { force: true });
  }
}

function readHolder(lockPath: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

