import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `crescendo import records FILE --source S` as a person runs it: a separate process over an embedded data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-import-records-'));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const file = (name: string, content: string) => {
  const path = join(dataDir, name);
  writeFileSync(path, content);
  return path;
};

describe('crescendo import records', { timeout: 400_000 }, () => {
  beforeAll(() => {
    expect(cli('org', 'create', '--name', 'Shop Records', '--slug', 'shop', '--currency', 'USD', '--time-zone', 'Europe/Madrid').code).toBe(0);
    expect(cli('call', 'set_fx_rate', '--org', 'shop', '--input', JSON.stringify({ date: '2026-10-01', base: 'EUR', quote: 'USD', rate: 1.25 })).code).toBe(0);
  }, 400_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores a CSV export under its source; again changes nothing; list_data_sources shows its fields', () => {
    const orders = file('orders.csv', 'id,date,customer_key,currency,total,shipping_fee,items\nord-1,2026-10-02T10:00:00Z,c-1,EUR,80,4,2\nord-2,2026-10-03,c-2,USD,20,,1\n');
    const dryRun = cli('import', 'records', orders, '--org', 'shop', '--source', 'shopify', '--money-fields', 'total,shipping_fee', '--dry-run');
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dry_run: true, rows: 2, rows_stored: 0 });
    const stored = cli('import', 'records', orders, '--org', 'shop', '--source', 'shopify', '--money-fields', 'total,shipping_fee');
    expect(stored.code, stored.stderr).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ files_loaded: 1, rows: 2, rows_stored: 2, rows_unchanged: 0 });
    const again = cli('import', 'records', orders, '--org', 'shop', '--source', 'shopify', '--money-fields', 'total,shipping_fee');
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_stored: 0, rows_unchanged: 2 });

    const listed = cli('call', 'list_data_sources', '--org', 'shop');
    expect(listed.code, listed.stderr).toBe(0);
    // 80 EUR and 4 EUR at 1.25 (2 October in Madrid); the newest record (ord-2, USD) gives the examples it has.
    expect(JSON.parse(listed.stdout)).toEqual({
      base_currency: 'USD',
      data_sources: [{
        data_source: 'shopify', category: 'external_revenue', records: 2, sampled: 2,
        first_recorded_at: '2026-10-02T10:00:00.000Z', last_recorded_at: '2026-10-02T22:00:00.000Z',
        fields: [
          { path: 'items', type: 'number', example: 1, seen_in: 2 },
          { path: 'shipping_fee', type: 'number', example: 5, seen_in: 1 },
          { path: 'total', type: 'number', example: 20, seen_in: 2 },
        ],
      }],
    });
  });

  it('a bad row exits 2 naming its line; a missing --source or another kind\'s flag is a usage error', () => {
    const bad = file('bad.csv', 'id,date,total\nx-1,2026-10-02,5\nx-2,yesterday,6\n');
    const rejected = cli('import', 'records', bad, '--org', 'shop', '--source', 'stripe');
    expect(rejected.code).toBe(2);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ files_rejected: 1, rows_stored: 0, errors: [{ file: 'bad.csv', line: 3, reason: expect.stringMatching(/^date "yesterday" is not a date-time/) }] });

    const noSource = cli('import', 'records', bad, '--org', 'shop');
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/--source is required/);
    const foreign = cli('import', 'streams', bad, '--org', 'shop', '--source', 'x');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/--source is not a flag of this kind/);
    const sources = JSON.parse(cli('call', 'list_data_sources', '--org', 'shop').stdout) as { data_sources: Array<{ data_source: string }> };
    expect(sources.data_sources.map((source) => source.data_source)).toEqual(['shopify']);
  });
});
