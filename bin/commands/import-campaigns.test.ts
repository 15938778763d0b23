import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `crescendo import campaigns FILE` as a salesperson's admin runs it: a separate process over an embedded data folder.
const EXAMPLE = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'campaigns.csv');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-import-campaigns-'));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('crescendo import campaigns', { timeout: 400_000 }, () => {
  beforeAll(() => {
    expect(cli('org', 'create', '--name', 'Sheet Records', '--slug', 'sheet').code).toBe(0);
    for (const name of ['Pulse Media', 'Bassline Curators', 'Nightshift Playlists']) {
      const created = cli('call', 'create_vendor', '--org', 'sheet', '--input', JSON.stringify({ name, cost_per_1k_streams: 6 }));
      expect(created.code, created.stderr).toBe(0);
    }
  }, 400_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--dry-run checks the example sheet and stores nothing; the import stores it; again changes nothing', () => {
    const dryRun = cli('import', 'campaigns', EXAMPLE, '--org', 'sheet', '--dry-run');
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dry_run: true, files_loaded: 1, rows: 5, rows_stored: 0 });
    const stored = cli('import', 'campaigns', EXAMPLE, '--org', 'sheet');
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ dry_run: false, rows: 5, rows_stored: 5, rows_unchanged: 0 });
    const again = cli('import', 'campaigns', EXAMPLE, '--org', 'sheet');
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_stored: 0, rows_unchanged: 5 });
    const campaigns = JSON.parse(cli('call', 'list_campaigns', '--org', 'sheet').stdout) as { rows: Array<{ name: string }> };
    expect(campaigns.rows.map((row) => row.name).sort()).toEqual(['Golden single', 'Night Drive launch', 'Winter EP']);
  });

  it('a sheet with a bad row exits 2 naming its line and column, and stores nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crescendo-bad-sheet-'));
    const file = join(folder, 'bad.csv');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('Winter EP,Vera Hale,spotify:track:1301WleyT98MSxVHPZCA6M,Nightshift Playlists,40000,1500,250.00,2026-12-01', 'Spring EP,Vera Hale,spotify:track:1301WleyT98MSxVHPZCA6M,Nightshift Playlists,40000,1500,250.00,2026-13-01'));
    try {
      const rejected = cli('import', 'campaigns', file, '--org', 'sheet');
      expect(rejected.code).toBe(2);
      expect(JSON.parse(rejected.stdout)).toMatchObject({ files_rejected: 1, rows_stored: 0, errors: [{ file: 'bad.csv', line: 5, reason: 'start_date "2026-13-01" is not a date (use YYYY-MM-DD)' }] });
      const campaigns = JSON.parse(cli('call', 'list_campaigns', '--org', 'sheet').stdout) as { rows: Array<{ name: string }> };
      expect(campaigns.rows.map((row) => row.name)).not.toContain('Spring EP');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
