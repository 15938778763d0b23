import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, openPglite } from './pglite.ts';

describe('embedded database folder lock', () => {
  const root = mkdtempSync(join(tmpdir(), 'crescendo-lock-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second open of the same folder, and frees it on release', async () => {
    const dataDir = join(root, 'pgdata');
    const first = await openPglite({ dataDir });
    await expect(openPglite({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
    await first.db.close();
    first.release();
    expect(existsSync(join(root, 'pgdata.lock'))).toBe(false);
    const again = await openPglite({ dataDir });
    await again.db.close();
    again.release();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = join(root, 'stale');
    writeFileSync(join(root, 'stale.lock'), '999999999');
    const opened = await openPglite({ dataDir });
    await opened.db.close();
    opened.release();
  });
});
