import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { loadJourneyScenario } from '../../attribution/testing/journey-scenario.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ReportResult } from '../report-result.ts';

describe('run_report, computed by hand', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let newYork: TestOrganization;

  const call = async (tool: string, input: Record<string, unknown>, who: TestOrganization = org) => {
    const result = await runner.call(tool, input, who.as('ANALYST'));
    if (!result.ok) throw new Error(`${tool}: ${result.error.message}`);
    return result.output;
  };
  const report = (input: Record<string, unknown>, who: TestOrganization = org) => call('run_report', input, who) as Promise<ReportResult>;
  const failure = async (input: Record<string, unknown>) => {
    const result = await runner.call('run_report', input, org.as('ANALYST'));
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('reports', { now: () => new Date('2026-11-20T12:00:00Z') }));
    await loadJourneyScenario(runner, org);
    // Two days of meta spend with very different volumes: CTR over both is 280 / 10,000, not the mean of 1% and 3%.
    await call('record_spend', { date: '2026-10-01', channel: 'meta', amount: 100, currency: 'USD', impressions: 1000, clicks: 10 });
    await call('record_spend', { date: '2026-10-02', channel: 'meta', amount: 50, currency: 'USD', impressions: 9000, clicks: 270 });
    await call('record_spend', { date: '2026-10-02', channel: 'tiktok', amount: 30, currency: 'USD', impressions: 3000, clicks: 30 });
    newYork = await createTestOrganization(database, 'reports-ny');
    await database.prisma.organization.update({ where: { id: newYork.id }, data: { timeZone: 'America/New_York' } });
  });
  afterAll(async () => {
    await database.close();
  });

  it('computes ratios as ratios of sums, per day and over the range', async () => {
    const output = await report({ metrics: ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm'], dimensions: ['channel'], date_range: { from: '2026-10-01', to: '2026-10-02' }, time_grain: 'day' });
    const meta = output.rows.filter((row) => row.channel === 'meta');
    expect(meta).toEqual([
      { period: '2026-10-01', channel: 'meta', spend: 100, impressions: 1000, clicks: 10, ctr: 0.01, cpc: 10, cpm: 100 },
      { period: '2026-10-02', channel: 'meta', spend: 50, impressions: 9000, clicks: 270, ctr: 0.03, cpc: 0.19, cpm: 5.56 },
    ]);
    // tiktok spent nothing on Oct 1: its row is there, with zeros and empty ratios.
    expect(output.rows).toContainEqual({ period: '2026-10-01', channel: 'tiktok', spend: 0, impressions: 0, clicks: 0, ctr: null, cpc: null, cpm: null });
    expect(output.totals).toEqual({ spend: 180, impressions: 13000, clicks: 310, ctr: 0.0238, cpc: 0.58, cpm: 13.85 });
    expect(output.columns.map((column) => [column.key, column.type, column.unit])).toEqual([
      ['period', 'date', null], ['channel', 'string', null], ['spend', 'currency', 'USD'], ['impressions', 'integer', null], ['clicks', 'integer', null],
      ['ctr', 'float', 'ratio'], ['cpc', 'currency', 'USD'], ['cpm', 'currency', 'USD'],
    ]);
  });

  it('splits revenue by channel as calculate_attribution does, under the report\'s model', async () => {
    for (const model of ['linear', 'first_touch'] as const) {
      const output = await report({ metrics: ['revenue', 'conversions'], dimensions: ['channel'], date_range: { from: '2026-10-01', to: '2026-10-31' }, attribution_model: model });
      const attribution = (await call('calculate_attribution', { model, from: '2026-10-01', to: '2026-10-31' })) as { rows: Array<{ key: string; attributed_revenue: number }> };
      const byChannel = Object.fromEntries(output.rows.map((row) => [row.channel, row.revenue]));
      expect(byChannel).toEqual(Object.fromEntries(attribution.rows.map((row) => [row.key, row.attributed_revenue])));
      expect(output.totals.revenue).toBe(310);
      expect(output.totals.conversions).toBe(7);
      expect(output.attribution_model).toBe(model);
    }
  });

  it('gives roas per channel from attributed revenue and spend, and the same revenue unsplit', async () => {
    const output = await report({ metrics: ['spend', 'revenue', 'roas'], dimensions: ['channel'], date_range: { from: '2026-10-01', to: '2026-10-31' }, attribution_model: 'last_touch' });
    expect(output.rows.find((row) => row.channel === 'meta')).toEqual({ channel: 'meta', spend: 150, revenue: 110, roas: 0.7333 });
    const unsplit = await report({ metrics: ['revenue', 'conversions', 'average_order_value'], date_range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(unsplit.rows).toEqual([{ revenue: 310, conversions: 7, average_order_value: 44.29 }]);
    expect(unsplit.attribution_model).toBeNull();
  });

  it('counts distinct customers by their ids (text): repeat purchase rate, lifetime value, split by customer', async () => {
    // October: A-F convert (six customers, seven orders); E's second order (Oct 8) is the one repeat.
    const october = await report({ metrics: ['customers', 'repeat_customers', 'repeat_purchase_rate', 'customer_lifetime_value'], date_range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(october.rows).toEqual([{ customers: 6, repeat_customers: 1, repeat_purchase_rate: 0.1667, customer_lifetime_value: 51.67 }]);
    const daily = await report({ metrics: ['customers', 'repeat_customers'], date_range: { from: '2026-10-08', to: '2026-10-09' }, time_grain: 'day' });
    expect(daily.rows).toEqual([{ period: '2026-10-08', customers: 1, repeat_customers: 1 }, { period: '2026-10-09', customers: 1, repeat_customers: 0 }]);
    const byCustomer = await report({ metrics: ['conversions', 'revenue', 'customers'], dimensions: ['customer'], date_range: { from: '2026-10-01', to: '2026-10-31' }, sort: [{ key: 'customer', direction: 'asc' }], limit: 2 });
    expect(byCustomer.rows).toEqual([{ customer: 'A', conversions: 1, revenue: 100, customers: 1 }, { customer: 'B', conversions: 1, revenue: 50, customers: 1 }]);
    expect(byCustomer.total_rows).toBe(6);
    expect(byCustomer.totals).toEqual({ conversions: 7, revenue: 310, customers: 6 });
  });

  it('resolves aliases as the key asked, and points at an unknown metric with a suggestion', async () => {
    const output = await report({ metrics: ['cost', 'cac'], date_range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(output.rows).toEqual([{ cost: 180, cac: 30 }]);
    expect(output.columns.map((column) => column.label)).toEqual(['Spend', 'CAC']);
    const error = await failure({ metrics: ['spend', 'clickz'], date_range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('metrics[1]');
    expect(error.message).toContain('did you mean clicks');
  });

  it('shows every period of the range, empty ones as zero', async () => {
    const output = await report({ metrics: ['conversions', 'revenue'], date_range: { from: '2026-10-07', to: '2026-10-10' }, time_grain: 'day' });
    expect(output.rows).toEqual([
      { period: '2026-10-07', conversions: 0, revenue: 0 },
      { period: '2026-10-08', conversions: 1, revenue: 40 },
      { period: '2026-10-09', conversions: 1, revenue: 60 },
      { period: '2026-10-10', conversions: 0, revenue: 0 },
    ]);
  });

  it('refuses a report that would fill in more rows than it can hold, saying how to narrow it', async () => {
    const wide = await createTestOrganization(database, 'reports-wide');
    const lines = Array.from({ length: 30 }, (_, index) => `c-${index},2025-06-01T10:00:00Z,channel-${index}`);
    await call('import_touchpoints', { files: [{ name: 'wide.csv', content: `customer_id,occurred_at,channel\n${lines.join('\n')}\n` }] }, wide);
    const ask = { metrics: ['touchpoints'], dimensions: ['channel'], date_range: { from: '2025-01-01', to: '2026-02-04' } };
    // 400 days of hours: 9,600 periods for each of the 30 channels.
    const result = await runner.call('run_report', { ...ask, time_grain: 'hour' }, wide.as('ANALYST'));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('this report would have 288,000 rows (9,600 periods x 30 combinations of its dimensions), over the 250,000 a report can hold');
    expect(result.error.message).toContain('use a coarser time_grain, a shorter date_range, a filter, or fewer dimensions');
    // A day grain over the same range fits: 400 x 30 rows filled in, the first 100 shown.
    const daily = await report({ ...ask, time_grain: 'day' }, wide);
    expect(daily.total_rows).toBe(12_000);
  });

  it('keeps the two 1 a.m. hours of a fall-back day apart, and quarters in local time', async () => {
    await call('import_touchpoints', { files: [{ name: 'ny.csv', content: 'customer_id,occurred_at,channel\nX,2026-11-01T05:30:00Z,meta\nY,2026-11-01T06:30:00Z,meta\nZ,2026-11-01T06:45:00Z,meta\nQ,2026-04-01T03:00:00Z,email\n' }] }, newYork);
    const hourly = await report({ metrics: ['touchpoints'], date_range: { from: '2026-11-01', to: '2026-11-01' }, time_grain: 'hour' }, newYork);
    expect(hourly.rows).toHaveLength(25);
    expect(hourly.rows.slice(0, 3)).toEqual([
      { period: '2026-11-01T00:00:00-04:00', touchpoints: 0 },
      { period: '2026-11-01T01:00:00-04:00', touchpoints: 1 },
      { period: '2026-11-01T01:00:00-05:00', touchpoints: 2 },
    ]);
    expect(hourly.rows.at(-1)!.period).toBe('2026-11-01T23:00:00-05:00');
    const quarterly = await report({ metrics: ['touchpoints'], date_range: { from: '2026-01-01', to: '2026-12-31' }, time_grain: 'quarter' }, newYork);
    // 2026-04-01T03:00Z is 23:00 on March 31 in New York: the first quarter.
    expect(quarterly.rows).toEqual([
      { period: '2026-01-01', touchpoints: 1 }, { period: '2026-04-01', touchpoints: 0 }, { period: '2026-07-01', touchpoints: 0 }, { period: '2026-10-01', touchpoints: 3 },
    ]);
  });

  it('orders the hours of both daylight-saving changes east of UTC by their instant, quarter hours too', async () => {
    const paris = await createTestOrganization(database, 'reports-paris');
    await database.prisma.organization.update({ where: { id: paris.id }, data: { timeZone: 'Europe/Paris' } });
    // 2026-10-25: 02:30 local twice, first in summer time (00:30Z), then in winter time (01:30Z). 2026-03-29 has no 02:00 hour.
    await call('import_touchpoints', { files: [{ name: 'paris.csv', content: 'customer_id,occurred_at,channel\nS,2026-10-25T00:30:00Z,meta\nW,2026-10-25T01:30:00Z,meta\nW2,2026-10-25T01:40:00Z,meta\nM,2026-03-29T01:10:00Z,email\n' }] }, paris);
    const fallBack = await report({ metrics: ['touchpoints'], date_range: { from: '2026-10-25', to: '2026-10-25' }, time_grain: 'hour' }, paris);
    expect(fallBack.rows).toHaveLength(25);
    expect(fallBack.rows.slice(1, 5)).toEqual([
      { period: '2026-10-25T01:00:00+02:00', touchpoints: 0 },
      { period: '2026-10-25T02:00:00+02:00', touchpoints: 1 },
      { period: '2026-10-25T02:00:00+01:00', touchpoints: 2 },
      { period: '2026-10-25T03:00:00+01:00', touchpoints: 0 },
    ]);
    const quarters = await report({ metrics: ['touchpoints'], date_range: { from: '2026-10-25', to: '2026-10-25' }, time_grain: 'quarter_hour' }, paris);
    expect(quarters.rows).toHaveLength(100);
    expect(quarters.rows.filter((row) => row.touchpoints).map((row) => row.period)).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']);
    const springForward = await report({ metrics: ['touchpoints'], date_range: { from: '2026-03-29', to: '2026-03-29' }, time_grain: 'hour' }, paris);
    expect(springForward.rows.map((row) => row.period).slice(1, 3)).toEqual(['2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00']);
    expect(springForward.rows).toHaveLength(23);
    expect(springForward.rows[2]).toEqual({ period: '2026-03-29T03:00:00+02:00', touchpoints: 1 });
  });

  it('compares with the previous period', async () => {
    const output = await report({ metrics: ['spend'], date_range: { from: '2026-10-02', to: '2026-10-02' }, compare_to: 'previous_period' });
    expect(output.rows).toEqual([{ spend: 80, spend_previous: 100, spend_change: -0.2 }]);
    // A whole month compares with the whole month before (30 days of September, not the 31 days before October).
    const october = await report({ metrics: ['conversions'], date_range: { from: '2026-10-01', to: '2026-10-31' }, compare_to: 'previous_period' });
    expect(october.rows).toEqual([{ conversions: 7, conversions_previous: 0, conversions_change: null }]);
  });
});
