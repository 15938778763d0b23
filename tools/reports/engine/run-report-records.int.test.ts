import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ReportResult } from '../report-result.ts';

type Metric = { key: string; label: string; category: 'EXTERNAL' | 'CALCULATED'; dataType: 'CURRENCY' | 'FLOAT' | 'INTEGER'; source?: string; formula?: string; aggregation?: 'SUM' | 'AVG' | 'WEIGHTED_AVG' | 'COUNT' | 'DISTINCT'; weightKey?: string; aliases?: string[] };

describe('run_report over unified records and custom metrics', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  const report = async (input: Record<string, unknown>) => {
    const result = await runner.call('run_report', input, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    return result.output as ReportResult;
  };
  const failure = async (input: Record<string, unknown>) => {
    const result = await runner.call('run_report', input, org.as('VIEWER'));
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };
  const record = (id: string, at: string, dataSource: string, payload: Record<string, unknown>, extra: { campaignKey?: string; sourceCategory?: 'EXTERNAL_MARKETING' | 'EXTERNAL_REVENUE' } = {}) =>
    database.prisma.unifiedRecord.create({
      data: { organizationId: org.id, recordedAt: new Date(at), dataSource, sourceCategory: extra.sourceCategory ?? 'EXTERNAL_MARKETING', sourceRecordId: id, payload: payload as object, campaignKey: extra.campaignKey },
    });
  const metric = (definition: Metric) => database.prisma.metricDefinition.create({ data: { organizationId: org.id, aliases: [], ...definition } });

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('report-records', { now: () => new Date('2026-11-20T12:00:00Z') }));
    const spend = await runner.call('record_spend', { date: '2026-11-02', channel: 'meta', amount: 40, currency: 'USD', impressions: 4000, clicks: 40 }, org.as('ANALYST'));
    if (!spend.ok) throw new Error(spend.error.message);
    await record('m1', '2026-11-02T10:00:00Z', 'meta_ads', { channel: 'meta', spend: 60, impressions: 6000, clicks: 120, reach: 2500, region: 'EU', position: 2 });
    await record('m2', '2026-11-03T10:00:00Z', 'meta_ads', { channel: 'meta', spend: 20, impressions: 2000, clicks: 20, reach: 1500, region: 'US', position: 4 });
    await record('g1', '2026-11-03T11:00:00Z', 'google_ads', { spend: 50, impressions: 1000, clicks: 50, region: 'EU', position: 1 });
    await record('s1', '2026-11-02T12:00:00Z', 'shopify', { revenue: 300, region: 'EU' }, { sourceCategory: 'EXTERNAL_REVENUE' });
    await record('s2', '2026-11-03T12:00:00Z', 'shopify', { revenue: 100, region: 'US', note: 'not a number: "n/a"' }, { sourceCategory: 'EXTERNAL_REVENUE' });
    await metric({ key: 'shop_revenue', label: 'Shop revenue', category: 'EXTERNAL', dataType: 'CURRENCY', source: 'shopify:payload.revenue', aggregation: 'SUM', aliases: ['store_sales'] });
    await metric({ key: 'shop_roas', label: 'Shop ROAS', category: 'CALCULATED', dataType: 'FLOAT', formula: 'shop_revenue / spend' });
    await metric({ key: 'shop_roas_points', label: 'Shop ROAS x 100', category: 'CALCULATED', dataType: 'FLOAT', formula: 'shop_roas * 100' });
    await metric({ key: 'avg_position', label: 'Average position', category: 'EXTERNAL', dataType: 'FLOAT', source: 'payload.position', aggregation: 'WEIGHTED_AVG', weightKey: 'impressions' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('adds records\' spend to imported spend, a record without a channel under its data source', async () => {
    const output = await report({ metrics: ['spend', 'impressions', 'reach', 'frequency'], dimensions: ['channel'], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(output.rows).toEqual([
      { channel: 'meta', spend: 120, impressions: 12000, reach: 4000, frequency: 3 },
      { channel: 'google_ads', spend: 50, impressions: 1000, reach: 0, frequency: null },
    ]);
    expect(output.totals).toEqual({ spend: 170, impressions: 13000, reach: 4000, frequency: 3.25 });
  });

  it('evaluates a formula on a formula on each row\'s sums, an alias of a custom metric included', async () => {
    const output = await report({ metrics: ['store_sales', 'spend', 'shop_roas', 'shop_roas_points'], date_range: { from: '2026-11-01', to: '2026-11-30' }, time_grain: 'day' });
    expect(output.rows.filter((row) => row.period === '2026-11-02' || row.period === '2026-11-03')).toEqual([
      { period: '2026-11-02', store_sales: 300, spend: 100, shop_roas: 3, shop_roas_points: 300 },
      { period: '2026-11-03', store_sales: 100, spend: 70, shop_roas: 1.4286, shop_roas_points: 142.8571 },
    ]);
    expect(output.rows).toHaveLength(30);
    expect(output.totals).toEqual({ store_sales: 400, spend: 170, shop_roas: 2.3529, shop_roas_points: 235.2941 });
  });

  it('counts text fields: records with a region, and distinct regions', async () => {
    await metric({ key: 'records_with_region', label: 'Records with a region', category: 'EXTERNAL', dataType: 'INTEGER', source: 'payload.region', aggregation: 'COUNT' });
    await metric({ key: 'regions', label: 'Regions', category: 'EXTERNAL', dataType: 'INTEGER', source: 'payload.region', aggregation: 'DISTINCT' });
    const output = await report({ metrics: ['records_with_region', 'regions'], dimensions: ['data_source'], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(output.rows).toEqual([
      { data_source: 'meta_ads', records_with_region: 2, regions: 2 },
      { data_source: 'shopify', records_with_region: 2, regions: 2 },
      { data_source: 'google_ads', records_with_region: 1, regions: 1 },
    ]);
    expect(output.totals).toEqual({ records_with_region: 5, regions: 2 });
  });

  it('splits and filters by payload fields, and weights an average by impressions', async () => {
    const output = await report({ metrics: ['spend', 'avg_position'], dimensions: ['payload.region'], filters: [{ field: 'data_source', op: 'in', value: ['meta_ads', 'google_ads'] }], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    // EU: meta 6000 impressions at 2 and google 1000 at 1 -> (12000 + 1000) / 7000.
    expect(output.rows).toEqual([
      { 'payload.region': 'EU', spend: 110, avg_position: 1.8571 },
      { 'payload.region': 'US', spend: 20, avg_position: 4 },
    ]);
    const europe = await report({ metrics: ['spend', 'avg_position'], filters: [{ field: 'payload.region', value: 'EU' }, { field: 'payload.position', op: 'in', value: ['2', 9] }], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(europe.rows).toEqual([{ spend: 60, avg_position: 2 }]);
    // Over both regions: (6000 x 2 + 2000 x 4 + 1000 x 1) / 9000.
    expect(output.totals.avg_position).toBe(2.3333);
    expect(output.notes).toContain('Filters: data_source in (meta_ads, google_ads).');
    expect(output.notes.join(' ')).not.toContain('in the range has the field');
    // A field no record has (a typo) filters everything out: the answer says which field, rather than bare zeros.
    const typo = await report({ metrics: ['spend'], filters: [{ field: 'payload.regoin', value: 'EU' }], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(typo.notes).toContain('No record in the range has the field "regoin" (payload.regoin): check its spelling with list_data_sources.');
    const elsewhere = await report({ metrics: ['spend'], dimensions: ['shopify:payload.position'], date_range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(elsewhere.notes).toContain('No record from shopify in the range has the field "position" (shopify:payload.position): check its spelling with list_data_sources.');
    // A field the range's records do not have, though older ones do, is named too; one that is there is not.
    const before = await report({ metrics: ['spend'], dimensions: ['payload.region'], date_range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(before.notes.join(' ')).toContain('"region"');
  });

  it('refuses a cycle naming it, and a deactivated metric', async () => {
    await metric({ key: 'loop_a', label: 'A', category: 'CALCULATED', dataType: 'FLOAT', formula: 'loop_b + 1' });
    await metric({ key: 'loop_b', label: 'B', category: 'CALCULATED', dataType: 'FLOAT', formula: 'loop_a * 2' });
    const cycle = await failure({ metrics: ['loop_a'], date_range: { last: 7, unit: 'day' } });
    expect(cycle.message).toContain('loop_a -> loop_b -> loop_a');
    await database.prisma.metricDefinition.create({ data: { organizationId: org.id, key: 'ctr', label: 'CTR', category: 'CALCULATED', dataType: 'FLOAT', isActive: false, aliases: [] } });
    const inactive = await failure({ metrics: ['ctr'], date_range: { last: 7, unit: 'day' } });
    expect(inactive.message).toContain('deactivated');
  });

  it('counts a record imported twice once, converts it at its day\'s rate and groups its channel as stored', async () => {
    for (const [date, rate] of [['2026-09-01', 1.25], ['2026-09-02', 1.5]] as const) {
      const set = await runner.call('set_fx_rate', { date, base: 'EUR', quote: 'USD', rate }, org.as('ANALYST'));
      expect(set.ok).toBe(true);
    }
    const records = [
      { source_record_id: 'tt-1', recorded_at: '2026-09-01T12:00:00Z', channel: ' TikTok ', currency: 'EUR', spend: 100, clicks: 10 },
      { source_record_id: 'tt-2', recorded_at: '2026-09-02T12:00:00Z', channel: 'tiktok', currency: 'EUR', spend: 100, clicks: 30 },
    ];
    for (let time = 0; time < 2; time++) {
      const imported = await runner.call('import_records', { data_source: 'tiktok_ads', records }, org.as('ANALYST'));
      expect(imported.ok).toBe(true);
    }
    const output = await report({ metrics: ['spend', 'clicks', 'cpc'], dimensions: ['channel'], date_range: { from: '2026-09-01', to: '2026-09-30' } });
    // 100 EUR at 1.25 and 100 EUR at 1.5: 275 USD over 40 clicks.
    expect(output.rows).toEqual([{ channel: 'tiktok', spend: 275, clicks: 40, cpc: 6.88 }]);
  });
});
