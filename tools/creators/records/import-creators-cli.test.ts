import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `crescendo import creators FILE` as an agency's admin runs it: a separate process over an embedded data folder.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'creators.csv');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-import-creators-'));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('crescendo import creators', { timeout: 400_000 }, () => {
  beforeAll(() => {
    expect(cli('org', 'create', '--name', 'Roster Agency', '--slug', 'roster').code).toBe(0);
  }, 400_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--dry-run checks the example file and stores nothing; the import stores it; again changes nothing', () => {
    const dryRun = cli('import', 'creators', EXAMPLE, '--org', 'roster', '--dry-run');
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dry_run: true, files_loaded: 1, rows: 4, rows_stored: 0 });
    const stored = cli('import', 'creators', EXAMPLE, '--org', 'roster');
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ dry_run: false, rows: 4, rows_stored: 4, rows_unchanged: 0 });
    const again = cli('import', 'creators', EXAMPLE, '--org', 'roster');
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_stored: 0, rows_unchanged: 4 });
    const listed = JSON.parse(cli('call', 'list_creators', '--org', 'roster', '--input', '{"network":"tiktok"}').stdout) as { rows: Array<{ handle: string }> };
    expect(listed.rows.map((row) => row.handle).sort()).toEqual(['aiko.lofi', 'mara.beats', 'tomasrivera']);
  });

  it('a file with a bad row exits 2 naming its line and column, and stores nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crescendo-bad-creators-'));
    const file = join(folder, 'bad.csv');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('Leo Park,leo@parkplays.example,leoplays,US', 'Leo Park,leo@parkplays.example,leo.new,USA'));
    try {
      const rejected = cli('import', 'creators', file, '--org', 'roster');
      expect(rejected.code).toBe(2);
      expect(JSON.parse(rejected.stdout)).toMatchObject({ files_rejected: 1, rows_stored: 0, errors: [{ file: 'bad.csv', line: 3, reason: 'country "USA" is not an ISO 3166-1 alpha-2 code (such as US, GB, ES)' }] });
      const listed = JSON.parse(cli('call', 'list_creators', '--org', 'roster', '--input', '{"search":"leo"}').stdout) as { rows: Array<{ handle: string }> };
      expect(listed.rows.map((row) => row.handle)).toEqual(['leoplays']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
