import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

/**
 * import_records on hand-computed cases. The organisation keeps USD in Europe/Madrid (UTC+2 until
 * 2026-10-25); EUR buys 1.25 USD from 2026-10-01 and 1.5 USD from 2026-10-02 (binary-exact rates).
 */
describe('import_records', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  const stored = (orgId = org.id) => database.prisma.unifiedRecord.findMany({ where: { organizationId: orgId }, orderBy: { sourceRecordId: 'asc' } });
  const importAs = (input: Record<string, unknown>, who = org) => runner.call('import_records', input, who.as('ANALYST'));

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('records'));
    await database.prisma.organization.update({ where: { id: org.id }, data: { timeZone: 'Europe/Madrid' } });
    for (const [date, rate] of [['2026-10-01', 1.25], ['2026-10-02', 1.5]] as const) {
      const set = await runner.call('set_fx_rate', { date, base: 'EUR', quote: 'USD', rate }, org.as('ANALYST'));
      expect(set.ok, JSON.stringify(set)).toBe(true);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts the same records once: inserted, then unchanged; a changed payload updates (field order does not matter)', async () => {
    const records = [
      { source_record_id: 'a-1', recorded_at: '2026-10-05T10:00:00Z', campaign_key: 'autumn', spend: 12.5, clicks: 40, device: 'mobile' },
      { source_record_id: 'a-2', recorded_at: '2026-10-06T10:00:00Z', campaign_key: 'autumn', spend: 7, clicks: 10 },
    ];
    const first = await importAs({ data_source: 'meta_ads', records });
    expect(first.ok && first.output).toEqual({
      data_source: 'meta_ads', source_category: 'external_marketing', inserted: 2, updated: 0, unchanged: 0,
      first_recorded_at: '2026-10-05T10:00:00.000Z', last_recorded_at: '2026-10-06T10:00:00.000Z', converted_currencies: [], dry_run: false,
    });
    const again = await importAs({ data_source: 'meta_ads', records: [{ device: 'mobile', clicks: 40, spend: 12.5, campaign_key: 'autumn', recorded_at: '2026-10-05T10:00:00Z', source_record_id: 'a-1' }, records[1]] });
    expect(again.ok && again.output).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    const dryRun = await importAs({ data_source: 'meta_ads', dry_run: true, records: [{ ...records[1], clicks: 11 }, { source_record_id: 'a-3', recorded_at: '2026-10-07', spend: 1 }] });
    expect(dryRun.ok && dryRun.output).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, dry_run: true });
    expect(await stored()).toHaveLength(2);

    const corrected = await importAs({ data_source: 'meta_ads', records: [{ ...records[1], clicks: 11 }] });
    expect(corrected.ok && corrected.output).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const rows = await stored();
    expect(rows.map((row) => [row.sourceRecordId, row.payload, row.sourceCategory, row.campaignKey])).toEqual([
      ['a-1', { spend: 12.5, clicks: 40, device: 'mobile' }, 'EXTERNAL_MARKETING', 'autumn'],
      ['a-2', { spend: 7, clicks: 11 }, 'EXTERNAL_MARKETING', 'autumn'],
    ]);
    // Numbers are JSON numbers, so the reports engine can sum payload->'spend' directly.
    const [sum] = await database.prisma.$queryRaw<Array<{ total: number; kind: string }>>`
      SELECT sum(("payload"->>'spend')::float8) AS total, min(jsonb_typeof("payload"->'spend')) AS kind FROM "UnifiedRecord" WHERE "organizationId" = ${org.id}`;
    expect(sum).toEqual({ total: 19.5, kind: 'number' });
    await database.prisma.unifiedRecord.deleteMany({ where: { organizationId: org.id } });
  });

  it('converts EUR money at each record\'s own local day\'s rate, keeps the originals, the offset and the local time', async () => {
    const result = await importAs({
      data_source: 'shopify',
      records: [
        // 23:30 in Madrid on 1 October (no offset: local time) is 21:30Z; its local day's rate is 1.25.
        { source_record_id: 'o-1', recorded_at: '2026-10-01T23:30:00', currency: 'eur', revenue: 100, order_spend: 8, items: 3 },
        // 23:30Z on 1 October is 01:30 on 2 October in Madrid: 1.5.
        { source_record_id: 'o-2', recorded_at: '2026-10-01T23:30:00Z', currency: 'EUR', revenue: 100, totals: { tax: 5, label: 'gross' } },
        // An offset is kept: 08:00-05:00 is 13:00Z.
        { source_record_id: 'o-3', recorded_at: '2026-10-02T08:00:00-05:00', currency: 'USD', revenue: 30 },
        { source_record_id: 'o-4', recorded_at: '2026-10-02', revenue: 10, note: null },
      ],
    });
    expect(result.ok && result.output).toMatchObject({ source_category: 'external_revenue', inserted: 4, converted_currencies: ['EUR'], first_recorded_at: '2026-10-01T21:30:00.000Z', last_recorded_at: '2026-10-02T13:00:00.000Z' });
    const rows = await stored();
    expect(rows.map((row) => ({ id: row.sourceRecordId, at: row.recordedAt.toISOString(), offset: row.recordedOffsetMinutes, payload: row.payload, currency: row.originalCurrency, original: row.originalMoney }))).toEqual([
      { id: 'o-1', at: '2026-10-01T21:30:00.000Z', offset: null, payload: { revenue: 125, order_spend: 10, items: 3 }, currency: 'EUR', original: { revenue: 100, order_spend: 8 } },
      { id: 'o-2', at: '2026-10-01T23:30:00.000Z', offset: 0, payload: { revenue: 150, totals: { tax: 7.5, label: 'gross' } }, currency: 'EUR', original: { revenue: 100, 'totals.tax': 5 } },
      { id: 'o-3', at: '2026-10-02T13:00:00.000Z', offset: -300, payload: { revenue: 30 }, currency: 'USD', original: null },
      // A bare date is local midnight (22:00Z the day before); null fields are left out.
      { id: 'o-4', at: '2026-10-01T22:00:00.000Z', offset: null, payload: { revenue: 10 }, currency: null, original: null },
    ]);

    // money_fields replaces the default list: only "fee" converts now.
    const custom = await importAs({ data_source: 'stripe', money_fields: ['fee'], records: [{ source_record_id: 'ch-1', recorded_at: '2026-10-02T12:00:00Z', currency: 'EUR', fee: 2, amount: 40 }] });
    expect(custom.ok && custom.output).toMatchObject({ inserted: 1 });
    const charge = await database.prisma.unifiedRecord.findFirstOrThrow({ where: { organizationId: org.id, dataSource: 'stripe' } });
    expect([charge.payload, charge.originalMoney]).toEqual([{ fee: 3, amount: 40 }, { fee: 2 }]);
  });

  it('stores nothing when any record is bad, naming its position', async () => {
    const before = await database.prisma.unifiedRecord.count();
    const good = (index: number) => ({ source_record_id: `g-${index}`, recorded_at: '2026-10-03T12:00:00Z', spend: index });
    const records = [...Array.from({ length: 12 }, (_, index) => good(index)), { source_record_id: 'bad', recorded_at: '2026-10-32T12:00:00Z', spend: 1 }];
    const badTime = await importAs({ data_source: 'google_ads', records });
    expect(badTime.ok || badTime.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'records[12].recorded_at', message: expect.stringContaining('"2026-10-32T12:00:00Z" is not a date-time') }] });
    expect(badTime.ok || badTime.error.message).toMatch(/^records\[12\]\.recorded_at: .*Nothing was stored\.$/);

    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ data_source: 'google_ads', records: [good(1), good(2), good(1)] }, 'records[2].source_record_id', /"g-1" repeats records\[0\]/],
      [{ data_source: 'google_ads', records: [good(1), { ...good(2), 'bad name': 1 }] }, 'records[1].bad name', /not a usable field name/],
      [{ data_source: 'google_ads', records: [good(1), { ...good(2), tags: ['a'] }] }, 'records[1].tags', /is a list/],
      [{ data_source: 'google_ads', records: [{ ...good(1), currency: 'XYZ' }] }, 'records[0].currency', /ISO 4217/],
      [{ data_source: 'google_ads', records: [good(1), { ...good(2), currency: 'EUR', spend: 'lots' }] }, 'records[1].spend', /money field in EUR but not a number/],
      // No EUR rate on or before 30 September (the record's local date).
      [{ data_source: 'google_ads', records: [good(1), { ...good(2), recorded_at: '2026-09-30T21:00:00Z', currency: 'EUR' }] }, 'records[1].currency', /no exchange rate from EUR to USD on or before 2026-09-30 \(record g-2's local date\)/],
      [{ data_source: 'my_erp', records: [good(1)] }, 'source_category', /say what kind of source "my_erp" is/],
      [{ data_source: 'Meta Ads', records: [good(1)] }, 'data_source', /lower snake case/],
    ];
    for (const [input, path, message] of cases) {
      const result = await importAs(input);
      expect(result.ok || result.error.code, path).toBe('invalid_input');
      expect(result.ok || result.error.issues, path).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    expect(await database.prisma.unifiedRecord.count()).toBe(before);
  });

  it('keeps one category per source and infers well-known ones', async () => {
    const named = await importAs({ data_source: 'my_erp', source_category: 'external_operational', records: [{ source_record_id: 'e-1', recorded_at: '2026-10-03', units: 4 }] });
    expect(named.ok && named.output).toMatchObject({ source_category: 'external_operational', inserted: 1 });
    // Later calls may leave it out; a different one is refused.
    const later = await importAs({ data_source: 'my_erp', records: [{ source_record_id: 'e-2', recorded_at: '2026-10-03', units: 1 }] });
    expect(later.ok && later.output).toMatchObject({ source_category: 'external_operational', inserted: 1 });
    const other = await importAs({ data_source: 'my_erp', source_category: 'external_revenue', records: [{ source_record_id: 'e-3', recorded_at: '2026-10-03' }] });
    expect(other.ok || other.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('stored as external_operational') });
    const viewer = await runner.call('import_records', { data_source: 'my_erp', records: [{ source_record_id: 'e-4', recorded_at: '2026-10-03' }] }, org.as('VIEWER'));
    expect(viewer.ok || viewer.error.code).toBe('forbidden');
  });

  it('never touches another organisation\'s records with the same source and ids', async () => {
    const other = await createTestOrganization(database, 'records-other');
    const record = { source_record_id: 'shared-1', recorded_at: '2026-10-04T09:00:00Z', spend: 5 };
    expect((await importAs({ data_source: 'tiktok_ads', records: [record] }, other)).ok).toBe(true);
    const mine = await importAs({ data_source: 'tiktok_ads', records: [{ ...record, spend: 6 }] });
    expect(mine.ok && mine.output).toMatchObject({ inserted: 1, updated: 0 });
    const theirs = await stored(other.id);
    expect(theirs.map((row) => [row.sourceRecordId, row.payload])).toEqual([['shared-1', { spend: 5 }]]);
    const listed = await runner.call('list_data_sources', {}, other.as('VIEWER'));
    expect(listed.ok && listed.output).toMatchObject({ data_sources: [{ data_source: 'tiktok_ads', records: 1 }] });
  });

  it('list_data_sources: each source\'s category, count, time span and payload fields', async () => {
    const listed = await runner.call('list_data_sources', { data_source: 'shopify' }, org.as('VIEWER'));
    expect(listed.ok && listed.output).toEqual({
      base_currency: 'USD',
      data_sources: [
        {
          data_source: 'shopify', category: 'external_revenue', records: 4, sampled: 4,
          first_recorded_at: '2026-10-01T21:30:00.000Z', last_recorded_at: '2026-10-02T13:00:00.000Z',
          fields: [
            // Examples come from the most recent record that has the field (o-3, then o-2, then o-1).
            { path: 'items', type: 'number', example: 3, seen_in: 1 },
            { path: 'order_spend', type: 'number', example: 10, seen_in: 1 },
            { path: 'revenue', type: 'number', example: 30, seen_in: 4 },
            { path: 'totals', type: 'object', example: null, seen_in: 1 },
            { path: 'totals.label', type: 'string', example: 'gross', seen_in: 1 },
            { path: 'totals.tax', type: 'number', example: 7.5, seen_in: 1 },
          ],
        },
      ],
    });
    const all = await runner.call('list_data_sources', {}, org.as('VIEWER'));
    expect(all.ok && (all.output as { data_sources: Array<{ data_source: string }> }).data_sources.map((source) => source.data_source)).toEqual(['my_erp', 'shopify', 'stripe', 'tiktok_ads']);
  });
});
