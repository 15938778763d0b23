import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

type ImportOutput = {
  files: number; files_loaded: number; files_rejected: number; rows: number; rows_stored: number; rows_unchanged: number;
  errors: Array<{ file: string; line: number; reason: string }>; dry_run: boolean;
};

describe('touchpoint and conversion imports', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('imports'));
  });
  afterAll(async () => {
    await database.close();
  });

  async function load(tool: string, files: Array<[string, string]>, extra: Record<string, unknown> = {}): Promise<ImportOutput> {
    const result = await runner.call(tool, { files: files.map(([name, content]) => ({ name, content })), ...extra }, org.as('ANALYST'));
    if (!result.ok) throw new Error(result.error.message);
    return result.output as ImportOutput;
  }

  it('stores touchpoints once however often the file is imported', async () => {
    const file: [string, string] = ['touchpoints.csv', 'customer_id,occurred_at,channel,campaign,cost,currency\nc-1,2026-10-01T09:15:00Z,Meta,autumn,0.42,USD\nc-1,2026-10-03T18:02:11Z,email,,,\n'];
    expect(await load('import_touchpoints', [file])).toMatchObject({ files_loaded: 1, rows: 2, rows_stored: 2, rows_unchanged: 0, errors: [] });
    expect(await load('import_touchpoints', [file])).toMatchObject({ rows: 2, rows_stored: 0, rows_unchanged: 2 });
    const stored = await database.prisma.touchpoint.findMany({ where: { organizationId: org.id }, orderBy: { occurredAt: 'asc' } });
    expect(stored.map((row) => [row.customerId, row.channel, row.campaign, row.cost?.toString() ?? null, row.currency])).toEqual([
      ['c-1', 'meta', 'autumn', '0.42', 'USD'],
      ['c-1', 'email', null, null, null],
    ]);
  });

  it('rejects a file with a bad row whole, lists every problem with its line, and still loads the good file', async () => {
    const bad = [
      'customer_id,occurred_at,channel,cost,currency',
      'c-2,2026-10-01T09:15:00Z,meta,0.10,USD',
      'c-2,yesterday,meta,0.10,USD',
      'c-2,2026-10-02T09:15:00Z,,0.10,USD',
      'c-2,2026-10-02T09:15:00Z,(direct),,',
      'c-2,2026-10-02T09:15:00Z,meta,,EUR',
      'c-2,2026-10-02T09:15:00Z,meta,1,2,3',
    ].join('\n');
    const good = 'customer_id,occurred_at,channel\nc-3,2026-10-05T10:00:00Z,tiktok\n';
    const output = await load('import_touchpoints', [['bad.csv', bad], ['good.csv', good]]);
    expect(output).toMatchObject({ files: 2, files_loaded: 1, files_rejected: 1, rows: 1, rows_stored: 1 });
    expect(output.errors).toEqual([
      { file: 'bad.csv', line: 3, reason: 'occurred_at "yesterday" is not a date-time (use ISO 8601, e.g. 2026-11-03T14:05:00Z)' },
      { file: 'bad.csv', line: 4, reason: 'channel is empty' },
      { file: 'bad.csv', line: 5, reason: 'channel "(direct)" is reserved: names in parentheses are Crescendo\'s own keys such as (direct)' },
      { file: 'bad.csv', line: 6, reason: 'currency is set but cost is empty' },
      { file: 'bad.csv', line: 7, reason: 'expected 5 fields like the header, found 6' },
    ]);
    expect(await database.prisma.touchpoint.count({ where: { organizationId: org.id, customerId: 'c-2' } })).toBe(0);
  });

  it('explains header problems', async () => {
    const missing = await load('import_conversions', [['c.csv', 'customer_id,occurred_at,currency\nx,2026-10-01,USD\n']]);
    expect(missing.errors).toEqual([{ file: 'c.csv', line: 1, reason: 'missing column revenue (expected columns: customer_id, occurred_at, revenue, currency, order_id)' }]);
    const unknown = await load('import_conversions', [['c.csv', 'customer_id,occurred_at,revenue,currency,ordr_id\nx,2026-10-01,1,USD,1\n']]);
    expect(unknown.errors[0]!.reason).toMatch(/^unknown column "ordr_id"/);
    const empty = await load('import_conversions', [['c.csv', 'customer_id,occurred_at,revenue,currency\n']]);
    expect(empty.errors[0]!.reason).toBe('the file has a header but no rows');
  });

  it('deduplicates conversions by order_id, across files and re-imports', async () => {
    const first = 'customer_id,occurred_at,revenue,currency,order_id\nc-1,2026-10-04T20:30:00Z,49.90,USD,o-1001\nc-3,2026-10-05T08:00:00Z,19.00,usd,o-1002\n';
    const overlapping = 'customer_id,occurred_at,revenue,currency,order_id\nc-3,2026-10-05T08:00:00Z,19.00,USD,o-1002\nc-4,2026-10-06,5,USD,\n';
    expect(await load('import_conversions', [['a.csv', first]])).toMatchObject({ rows_stored: 2, rows_unchanged: 0 });
    expect(await load('import_conversions', [['b.csv', overlapping]])).toMatchObject({ rows_stored: 1, rows_unchanged: 1 });
    expect(await load('import_conversions', [['b.csv', overlapping]])).toMatchObject({ rows_stored: 0, rows_unchanged: 2 });
    const stored = await database.prisma.conversion.findMany({ where: { organizationId: org.id }, orderBy: { occurredAt: 'asc' } });
    expect(stored.map((row) => [row.orderId, row.revenue.toString(), row.currency])).toEqual([['o-1001', '49.9', 'USD'], ['o-1002', '19', 'USD'], [null, '5', 'USD']]);
  });

  it('an order that contradicts a stored one, or repeats in a file, is a bad row', async () => {
    const changed = 'customer_id,occurred_at,revenue,currency,order_id\nc-1,2026-10-04T20:30:00Z,59.90,USD,o-1001\nc-5,2026-10-07T10:00:00Z,9,USD,o-2001\n';
    const output = await load('import_conversions', [['changed.csv', changed]]);
    expect(output).toMatchObject({ files_rejected: 1, rows_stored: 0 });
    expect(output.errors).toEqual([{
      file: 'changed.csv', line: 2,
      reason: 'order o-1001 is already stored as c-1, 2026-10-04T20:30:00.000Z, 49.9 USD; a conversion cannot change (remove the row or fix the order id)',
    }]);
    const repeated = 'customer_id,occurred_at,revenue,currency,order_id\nc-6,2026-10-07T10:00:00Z,9,USD,o-3001\nc-6,2026-10-07T10:00:00Z,99,USD,o-3001\n';
    expect((await load('import_conversions', [['repeated.csv', repeated]])).errors).toEqual([
      { file: 'repeated.csv', line: 3, reason: 'repeats line 2 (order o-3001); each one may appear once per file' },
    ]);
    expect(await database.prisma.conversion.count({ where: { organizationId: org.id, orderId: { in: ['o-2001', 'o-3001'] } } })).toBe(0);
  });

  it('dry_run checks everything and stores nothing', async () => {
    const output = await load('import_touchpoints', [['t.csv', 'customer_id,occurred_at,channel\nc-9,2026-10-01T00:00:00Z,meta\n']], { dry_run: true });
    expect(output).toMatchObject({ dry_run: true, rows: 1, rows_stored: 0, files_loaded: 1 });
    expect(await database.prisma.touchpoint.count({ where: { organizationId: org.id, customerId: 'c-9' } })).toBe(0);
  });

  it('VIEWERs cannot import', async () => {
    const result = await runner.call('import_touchpoints', { files: [{ name: 't.csv', content: 'customer_id,occurred_at,channel\nx,2026-10-01,meta\n' }] }, org.as('VIEWER'));
    expect(result.ok || result.error.code).toBe('forbidden');
  });
});
