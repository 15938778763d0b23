import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { importCsv, loadJourneyScenario } from './testing/journey-scenario.ts';

type Row = { key: string; attributed_revenue: number; attributed_conversions: number; touchpoints: number };
type Output = { run_id: string; total_revenue: number; total_conversions: number; rows: Row[]; currency: string };

/** Expected credit per model, from journey-scenario.md. */
const EXPECTED: Record<string, Record<string, number>> = {
  first_touch: { meta: 100, tiktok: 100, google: 60, '(direct)': 30, email: 20 },
  last_touch: { meta: 110, google: 100, email: 60, '(direct)': 30, tiktok: 10 },
  linear: { meta: 88.33, email: 73.33, google: 63.33, tiktok: 55, '(direct)': 30 },
  position_based: { meta: 95, google: 70, email: 60, tiktok: 55, '(direct)': 30 },
  time_decay: { google: 87.14, meta: 77.62, email: 75.24, tiktok: 40, '(direct)': 30 },
  custom: { meta: 92.86, email: 72.86, google: 65.71, tiktok: 48.57, '(direct)': 30 },
};

describe('calculate_attribution on hand-computed journeys', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('attribution'));
    await loadJourneyScenario(runner, org);
  });
  afterAll(async () => {
    await database.close();
  });

  async function attribute(input: Record<string, unknown>): Promise<Output> {
    const result = await runner.call('calculate_attribution', input, org.as('ANALYST'));
    if (!result.ok) throw new Error(result.error.message);
    return result.output as Output;
  }

  const revenueByKey = (output: Output) => Object.fromEntries(output.rows.map((row) => [row.key, row.attributed_revenue]));

  for (const [model, expected] of Object.entries(EXPECTED)) {
    it(`${model} credits each channel as worked out by hand`, async () => {
      const input = model === 'custom' ? { model, weights: { first: 0.3, middle: 0.3, last: 0.4 } } : { model };
      const output = await attribute(input);
      expect(revenueByKey(output)).toEqual(expected);
      expect(output.total_revenue).toBe(310);
      expect(output.total_conversions).toBe(7);
      expect(output.currency).toBe('USD');
      // Largest first.
      expect(output.rows.map((row) => row.attributed_revenue)).toEqual([...output.rows.map((row) => row.attributed_revenue)].sort((a, b) => b - a));
    });
  }

  it('counts fractional conversions and the touchpoints inside windows', async () => {
    const output = await attribute({ model: 'linear' });
    const byKey = Object.fromEntries(output.rows.map((row) => [row.key, row]));
    expect(byKey.meta).toMatchObject({ attributed_conversions: 1.3333, touchpoints: 3 });
    expect(byKey.email).toMatchObject({ attributed_conversions: 1.8333, touchpoints: 3 });
    expect(byKey.google).toMatchObject({ attributed_conversions: 0.8333, touchpoints: 2 });
    expect(byKey.tiktok).toMatchObject({ attributed_conversions: 2, touchpoints: 3 });
    expect(byKey['(direct)']).toMatchObject({ attributed_conversions: 1, touchpoints: 0 });
  });

  it('limits conversions to the from/to dates, with lookback reaching before from', async () => {
    // Oct 8-9: E2 (tiktok Oct 1 is before `from` but inside its window) and F.
    // Keys with touchpoints in a window but no credit under the model stay, at 0.
    const output = await attribute({ model: 'first_touch', from: '2026-10-08', to: '2026-10-09' });
    expect(revenueByKey(output)).toEqual({ google: 60, tiktok: 40, email: 0, meta: 0 });
  });

  it('a shorter lookback drops older touches', async () => {
    // 5 days: A keeps only google (and email is 7 days back), B only meta, E2 only email.
    const output = await attribute({ model: 'first_touch', lookback_days: 5 });
    expect(revenueByKey(output)).toMatchObject({ google: 160, meta: 50, email: 60, tiktok: 10, '(direct)': 30 });
  });

  it('groups by campaign, touchpoints without one under (none)', async () => {
    await importCsv(runner, org, 'import_touchpoints', 'customer_id,occurred_at,channel\nG,2026-10-10T00:00:00Z,organic\n');
    await importCsv(runner, org, 'import_conversions', 'customer_id,occurred_at,revenue,currency,order_id\nG,2026-10-11T00:00:00Z,5,USD,o-G\n');
    const output = await attribute({ model: 'last_touch', group_by: 'campaign' });
    expect(revenueByKey(output)).toEqual({ 'brand-search': 100, 'autumn-push': 120, 'newsletter-42': 20, 'newsletter-41': 40, '(direct)': 30, '(none)': 5 });
  });

  it('stores the run with every row', async () => {
    const output = await attribute({ model: 'linear', limit: 2 });
    expect(output.rows).toHaveLength(2);
    const run = await database.prisma.attributionRun.findUniqueOrThrow({ where: { id: output.run_id }, include: { rows: true } });
    expect(run).toMatchObject({ organizationId: org.id, model: 'linear', groupBy: 'channel' });
    expect(run.rows.length).toBeGreaterThan(2);
    expect(run.rows.reduce((sum, row) => sum + Number(row.attributedRevenue), 0)).toBeCloseTo(Number(run.totalRevenue), 2);
  });

  it('anyone who reads attribution may run it: its only write is the record of the run', async () => {
    const result = await runner.call('calculate_attribution', { model: 'linear' }, org.as('VIEWER'));
    expect(result.ok && result.output).toMatchObject({ model: 'linear', currency: 'USD', run_id: expect.any(String) });
  });

  it('explains what is wrong with custom weights', async () => {
    const missing = await runner.call('calculate_attribution', { model: 'custom' }, org.as('ANALYST'));
    expect(missing.ok || missing.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('weights') });
    const badSum = await runner.call('calculate_attribution', { model: 'custom', weights: { first: 0.5, middle: 0.5, last: 0.5 } }, org.as('ANALYST'));
    expect(badSum.ok || badSum.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('sum to 1') });
    const backwards = await runner.call('calculate_attribution', { model: 'linear', from: '2026-10-09', to: '2026-10-01' }, org.as('ANALYST'));
    expect(backwards.ok || backwards.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('before from') });
  });
});

describe('markov attribution', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('markov'));
    // The three-channel example of journey-scenario.md.
    await importCsv(runner, org, 'import_touchpoints', [
      'customer_id,occurred_at,channel',
      'm1,2026-10-01T00:00:00Z,a', 'm1,2026-10-02T00:00:00Z,b',
      'm2,2026-10-01T00:00:00Z,a', 'm2,2026-10-02T00:00:00Z,c',
      'm3,2026-10-03T00:00:00Z,b',
      'm4,2026-10-04T00:00:00Z,c',
    ].join('\n'));
    await importCsv(runner, org, 'import_conversions', 'customer_id,occurred_at,revenue,currency,order_id\nm1,2026-10-05T00:00:00Z,100,USD,1\nm3,2026-10-05T00:00:00Z,50,USD,2\n');
  });
  afterAll(async () => {
    await database.close();
  });

  it('splits converting revenue by removal-effect share, matching the exact solution', async () => {
    const result = await runner.call('calculate_attribution', { model: 'markov' }, org.as('ANALYST'));
    if (!result.ok) throw new Error(result.error.message);
    const rows = (result.output as Output).rows;
    expect(rows.map((row) => [row.key, row.attributed_revenue, row.attributed_conversions, row.touchpoints])).toEqual([
      ['b', 100, 1.3333, 2],
      ['a', 50, 0.6667, 1],
    ]);
  });
});

describe('attribution stays inside the organisation', () => {
  it('another organisation sees none of the journeys, spend or customers', async () => {
    const { database, runner, org } = await openToolTestWorld('attribution-a');
    try {
      await loadJourneyScenario(runner, org);
      await database.prisma.marketingSpend.create({ data: { organizationId: org.id, date: new Date('2026-10-01'), channel: 'meta', campaign: 'autumn-push', artist: 'Nova', amount: '60', currency: 'USD', dedupeKey: 'a' } });
      const other = await createTestOrganization(database, 'attribution-b');
      const viewer = other.as('ANALYST');
      for (const model of ['linear', 'markov']) {
        const result = await runner.call('calculate_attribution', { model, group_by: 'artist' }, viewer);
        expect(result.ok && result.output).toMatchObject({ total_revenue: 0, rows: [] });
      }
      const roas = await runner.call('roas_summary', { group_by: 'campaign', from: '2026-09-01', to: '2026-10-31' }, viewer);
      expect(roas.ok && roas.output).toMatchObject({ rows: [], totals: { spend: 0, attributed_revenue: 0 } });
      const journey = await runner.call('customer_journey', { customer_id: 'A' }, viewer);
      expect(journey.ok || journey.error.code).toBe('not_found');
      // Same customer ids in the other organisation attribute only their own rows.
      await importCsv(runner, other, 'import_touchpoints', 'customer_id,occurred_at,channel\nA,2026-10-14T00:00:00Z,radio\n');
      await importCsv(runner, other, 'import_conversions', 'customer_id,occurred_at,revenue,currency\nA,2026-10-15T00:00:00Z,7,USD\n');
      const mine = await runner.call('calculate_attribution', { model: 'first_touch' }, viewer);
      expect(mine.ok && (mine.output as Output).rows.map((row) => [row.key, row.attributed_revenue])).toEqual([['radio', 7]]);
    } finally {
      await database.close();
    }
  });
});
