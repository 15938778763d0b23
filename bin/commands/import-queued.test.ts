import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIG_IMPORT_ROWS } from '../../tools/imports/big-import.ts';
import { streamsCsv } from '../../tools/imports/testing/streams-file.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-import-'));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** `crescendo import` of a file big enough to be queued waits for its job and prints the outcome, as for a small one. */
describe('crescendo import of a big file', { timeout: 600_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const rows = BIG_IMPORT_ROWS + 100;

  it('prints the counts once the job has stored the rows, and a rejected file\'s line with exit 2', () => {
    expect(cli('org', 'create', '--name', 'Big Imports', '--slug', 'big').code).toBe(0);
    const good = join(dataDir, 'streams.csv');
    writeFileSync(good, streamsCsv(rows));
    const stored = cli('import', 'streams', good, '--org', 'big');
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ files_loaded: 1, rows, rows_stored: rows, status: 'done', import_id: expect.any(String) });
    expect(stored.stderr).toMatch(/import: Stored [\d,]+ of [\d,]+ rows|import: Stored [\d,]+ rows from 1 file/);

    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, streamsCsv(rows, { trackPrefix: 'other', badLine: 12_345 }));
    const rejected = cli('import', 'streams', bad, '--org', 'big');
    expect(rejected.code).toBe(2);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ files_rejected: 1, rows_stored: 0, errors: [{ file: 'bad.csv', line: 12_345 }] });
  });
});
