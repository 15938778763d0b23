import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { BIG_IMPORT_ROWS } from '../../imports/big-import.ts';
import { waitForImport } from '../../imports/testing/wait-for-import.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

/** import_records_csv (the CSV form behind `crescendo import records`), in an organisation keeping USD in UTC. */
describe('import_records_csv', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  const csv = (name: string, content: string, options: Record<string, unknown> = {}) =>
    runner.call('import_records_csv', { files: [{ name, content }], data_source: 'shopify', ...options }, org.as('ANALYST'));
  const rows = (dataSource = 'shopify') => database.prisma.unifiedRecord.findMany({ where: { organizationId: org.id, dataSource }, orderBy: { sourceRecordId: 'asc' } });

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('records-csv'));
    const set = await runner.call('set_fx_rate', { date: '2026-10-01', base: 'EUR', quote: 'USD', rate: 1.25 }, org.as('ANALYST'));
    expect(set.ok).toBe(true);
  });
  afterAll(async () => {
    await database.close();
  });

  it('types columns from the whole file, leaves empty cells out and converts money; again changes nothing', async () => {
    const file = [
      'id,timestamp,campaign_key,currency,revenue,items,zip,code,paid,note',
      'o-1,2026-10-02T10:00:00+02:00,autumn,EUR,40,2,01234,7,true,',
      'o-2,2026-10-02 12:30,,,12.5,1,28001,x9,FALSE,gift wrap',
      'o-3,2026-10-03,autumn,USD,,3,,12,,',
    ].join('\n');
    const first = await csv('orders.csv', file);
    expect(first.ok && first.output).toMatchObject({ files_loaded: 1, rows: 3, rows_stored: 3, rows_unchanged: 0, rows_replaced: 0, errors: [] });
    expect((await rows()).map((row) => [row.sourceRecordId, row.recordedAt.toISOString(), row.recordedOffsetMinutes, row.campaignKey, row.payload, row.originalCurrency, row.originalMoney])).toEqual([
      // revenue 40 EUR at 1.25; zip keeps its leading zero, so the column is text; code mixes text and numbers: text.
      ['o-1', '2026-10-02T08:00:00.000Z', 120, 'autumn', { revenue: 50, items: 2, zip: '01234', code: '7', paid: true }, 'EUR', { revenue: 40 }],
      ['o-2', '2026-10-02T12:30:00.000Z', null, null, { revenue: 12.5, items: 1, zip: '28001', code: 'x9', paid: false, note: 'gift wrap' }, null, null],
      ['o-3', '2026-10-03T00:00:00.000Z', null, 'autumn', { items: 3, code: '12' }, 'USD', null],
    ]);
    const again = await csv('orders.csv', file);
    expect(again.ok && again.output).toMatchObject({ rows: 3, rows_stored: 0, rows_unchanged: 3 });
    const corrected = await csv('orders.csv', file.replace('o-3,2026-10-03,autumn,USD,,3', 'o-3,2026-10-03,autumn,USD,,4'));
    expect(corrected.ok && corrected.output).toMatchObject({ rows_stored: 1, rows_replaced: 1, rows_unchanged: 2 });
  });

  it('rejects a file with bad rows by line, storing nothing from it', async () => {
    const before = await database.prisma.unifiedRecord.count();
    const bad = [
      'source_record_id,recorded_at,spend',
      'r-1,2026-10-02T10:00:00Z,5',
      ',2026-10-02T10:00:00Z,5',
      'r-3,2026-10-02T25:00:00Z,5',
      'r-1,2026-10-04,5',
    ].join('\n');
    const rejected = await csv('bad.csv', bad, { data_source: 'meta_ads' });
    expect(rejected.ok && rejected.output).toMatchObject({
      files_rejected: 1,
      rows_stored: 0,
      errors: [
        { file: 'bad.csv', line: 3, reason: 'source_record_id is empty' },
        { file: 'bad.csv', line: 4, reason: expect.stringMatching(/^recorded_at "2026-10-02T25:00:00Z" is not a date-time/) },
        { file: 'bad.csv', line: 5, reason: 'repeats line 2 (source_record_id r-1); each one may appear once per file' },
      ],
    });
    // File-wide checks: a money column in EUR before the first rate, a column name a metric could not use.
    const noRate = await csv('early.csv', 'id,date,currency,spend\nq-1,2026-10-01,USD,3\nq-2,2026-09-30,EUR,4\n', { data_source: 'meta_ads' });
    expect(noRate.ok && noRate.output).toMatchObject({ errors: [{ line: 3, reason: 'currency no exchange rate from EUR to USD on or before 2026-09-30 (record q-2\'s local date); add one with set_fx_rate' }] });
    const badName = await csv('names.csv', 'id,date,order total\nq-1,2026-10-01,3\n', { data_source: 'meta_ads' });
    expect(badName.ok && badName.output).toMatchObject({ errors: [{ line: 1, reason: expect.stringContaining('column "order total" is not a usable field name') }] });
    const noId = await csv('noid.csv', 'recorded_at,spend\n2026-10-01,3\n', { data_source: 'meta_ads' });
    expect(noId.ok && noId.output).toMatchObject({ errors: [{ line: 1, reason: expect.stringMatching(/^missing column source_record_id or id/) }] });
    const unknown = await csv('erp.csv', 'id,date,units\nq-1,2026-10-01,3\n', { data_source: 'my_erp' });
    expect(unknown.ok && unknown.output).toMatchObject({ errors: [{ line: 1, reason: expect.stringContaining('say what kind of source "my_erp" is') }] });
    expect(await database.prisma.unifiedRecord.count()).toBe(before);
  });

  it('a big file goes through the queued import job, keeping the call\'s data source and money fields', { timeout: 300_000 }, async () => {
    const count = BIG_IMPORT_ROWS + 50;
    const lines = ['id,recorded_at,currency,fee,units'];
    for (let index = 0; index < count; index++) lines.push(`b-${index},2026-10-${String(1 + (index % 28)).padStart(2, '0')}T12:00:00Z,EUR,${index % 10},${index % 7}`);
    const queued = await csv('big.csv', `${lines.join('\n')}\n`, { data_source: 'stripe_payouts', source_category: 'external_revenue', money_fields: ['fee'] });
    expect(queued.ok && queued.output).toMatchObject({ status: 'queued' });
    const importId = (queued.ok && (queued.output as { import_id: string }).import_id) as string;
    const done = await waitForImport(runner, org.as('ANALYST'), importId);
    expect(done).toMatchObject({ status: 'done', result: { rows: count, rows_stored: count, files_rejected: 0 } });
    const [sums] = await database.prisma.$queryRaw<Array<{ records: number; fee: number; units: number; category: string }>>`
      SELECT count(*)::int AS records, sum(("payload"->>'fee')::float8) AS fee, sum(("payload"->>'units')::float8) AS units, min("sourceCategory"::text) AS category
      FROM "UnifiedRecord" WHERE "organizationId" = ${org.id} AND "dataSource" = 'stripe_payouts'`;
    // fee cycles 0..9 (20,050 rows: 2,005 full cycles of 45) at 1.25; units 0..6 untouched (2,864 cycles of 21, then 0+1).
    expect(sums).toEqual({ records: count, fee: 2005 * 45 * 1.25, units: 2864 * 21 + 1, category: 'EXTERNAL_REVENUE' });
  });
});
