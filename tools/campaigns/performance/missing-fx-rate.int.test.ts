import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { buildFxGapScenario } from './testing/fx-gap-scenario.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

interface DigestView {
  metrics: Array<{ metric: string; value: number; previous_day: number; unit: string }>;
  daily: Array<{ date: string; streams: number; spend: number }>;
  notes: string[];
  top_campaigns: Array<Record<string, unknown>>;
  under_delivering_vendors: Array<Record<string, unknown>>;
}
interface ScorecardRow { vendor_name: string; promised_cost_per_1k: number; promised_cost_currency: string; note: string | null }

/**
 * Issue 15 #6: a currency must be ISO 4217, and one vendor priced in a currency without an
 * exchange rate degrades its own row (own currency, with a note), never the whole answer.
 */
describe('currencies and missing exchange rates', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('fx-gaps', { now: () => new Date('2026-11-21T12:00:00Z') }));
    owner = caller(runner, () => org.as('OWNER'));
    await owner.ok('create_vendor', { name: 'Dollar Promo', cost_per_1k_streams: 2 });
    await owner.ok('create_vendor', { name: 'Krona Promo', cost_per_1k_streams: 30, currency: 'sek' });
  });
  afterAll(async () => { await database.close(); });

  it('refuses a currency that is not ISO 4217, naming the field', async () => {
    expect(await owner.fails('create_vendor', { name: 'Zed Promo', cost_per_1k_streams: 1, currency: 'zzz' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'currency' }] });
    expect(await owner.fails('set_fx_rate', { base: 'ABC', quote: 'USD', rate: 1, date: '2026-11-01' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'base' }] });
  });

  it('refuses a CSV currency that is not ISO 4217, with its line', async () => {
    const content = 'date,channel,amount,currency\n2026-11-01,meta,10,USD\n2026-11-02,meta,10,ZZZ\n';
    const result = await owner.ok<{ files_rejected: number; errors: Array<{ line: number; reason: string }> }>('import_spend', { files: [{ name: 'spend.csv', content }] });
    expect(result.files_rejected).toBe(1);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/ZZZ.*ISO 4217/) })]);
  });

  it('vendor_performance shows the vendor without a rate in its own currency, with a note', async () => {
    const scorecard = await owner.ok<{ currency: string; rows: ScorecardRow[] }>('vendor_performance', { as_of: '2026-11-20' });
    expect(scorecard.currency).toBe('USD');
    const byName = new Map(scorecard.rows.map((row) => [row.vendor_name, row]));
    expect(byName.get('Dollar Promo')).toMatchObject({ promised_cost_per_1k: 2, promised_cost_currency: 'USD', note: null });
    expect(byName.get('Krona Promo')).toMatchObject({ promised_cost_per_1k: 30, promised_cost_currency: 'SEK', note: expect.stringMatching(/No exchange rate from SEK to USD.*set_fx_rate/) });
  });

  it('daily_digest, recommend_vendors and plan_budget_allocation still answer, naming the vendor left out', async () => {
    await owner.ok('daily_digest', {});
    const recommended = await owner.ok<{ notes: string[]; ranked: Array<{ vendor_name: string }>; insufficient_history: Array<{ vendor_name: string }> }>('recommend_vendors', { goal_streams: 10_000, budget: 100 });
    expect([...recommended.ranked, ...recommended.insufficient_history].map((row) => row.vendor_name)).toEqual(['Dollar Promo']);
    expect(recommended.notes).toEqual([expect.stringMatching(/Krona Promo.*30 SEK.*No exchange rate from SEK to USD/)]);
    const plan = await owner.ok<{ notes: string[] }>('plan_budget_allocation', { budget: 100, goal_streams: 10_000, days: 30, include_untested: true });
    expect(plan.notes.some((note) => /Krona Promo.*No exchange rate from SEK to USD/.test(note))).toBe(true);
  });

  it('uses the rate once there is one', async () => {
    await owner.ok('set_fx_rate', { base: 'SEK', quote: 'USD', rate: 0.1, date: '2026-11-01' });
    const scorecard = await owner.ok<{ rows: ScorecardRow[] }>('vendor_performance', { as_of: '2026-11-20' });
    expect(scorecard.rows.find((row) => row.vendor_name === 'Krona Promo')).toMatchObject({ promised_cost_per_1k: 3, promised_cost_currency: 'USD', note: null });
  });
  /**
   * A placement booked in DKK, spend in NOK before its first rate and a conversion in CHF, none
   * convertible on the day: each degrades only its own rows (figures worked out in
   * testing/fx-gap-scenario.ts), in an organisation of its own so the vendors above do not mix in.
   */
  describe('placements, spend and revenue without a rate', () => {
    let manager: ReturnType<typeof caller>;
    const dkkNote = 'No exchange rate from DKK to USD on or before 2026-11-20; add one with set_fx_rate.';
    // recommend_vendors and plan_budget_allocation look at today (2026-11-21): same figures, the day in the note moves.
    const dkkNoteToday = `Dollar Promo: 1 placement (700.00 DKK) left out of the spend and real cost: ${dkkNote.replace('2026-11-20', '2026-11-21')}`;

    beforeAll(async () => {
      const other = await createTestOrganization(database, 'fx-gaps-rows');
      manager = caller(runner, () => other.as('OWNER'));
      await buildFxGapScenario(database.prisma, other.id);
      await manager.ok('set_fx_rate', { base: 'NOK', quote: 'USD', rate: 0.09, date: '2026-11-20' });
    });

    it('vendor_performance keeps the vendor, leaving the DKK placement out of spend and real cost with a note', async () => {
      const scorecard = await manager.ok<{ rows: Array<Record<string, unknown>> }>('vendor_performance', { as_of: '2026-11-20' });
      expect(scorecard.rows).toEqual([expect.objectContaining({
        vendor_name: 'Dollar Promo', placements: 2, delivered_streams: 10_000, promised_streams: 15_000, delivery_rate: 0.6667,
        real_cost_per_1k: 3.33, spend: 20, promised_cost_per_1k: 2, promised_cost_currency: 'USD', reliability_score: 0,
        note: `1 placement (700.00 DKK) left out of the spend and real cost: ${dkkNote}`,
      })]);
    });

    it('recommend_vendors and plan_budget_allocation estimate cost from the priced placements only, naming the one left out', async () => {
      const recommended = await manager.ok<{ ranked: Array<Record<string, unknown>>; notes: string[] }>('recommend_vendors', { goal_streams: 10_000, budget: 100 });
      expect(recommended.ranked).toEqual([expect.objectContaining({ vendor_name: 'Dollar Promo', expected_real_cost_per_1k: 3.1, observed_real_cost_per_1k: 3.33, expected_delivery_rate: 0.6667 })]);
      expect(recommended.notes).toEqual([dkkNoteToday]);
      const plan = await manager.ok<{ allocations: Array<Record<string, unknown>>; notes: string[] }>('plan_budget_allocation', { budget: 100, goal_streams: 1_000, days: 30 });
      expect(plan.allocations).toEqual([expect.objectContaining({ vendor_name: 'Dollar Promo', expected_streams: 1_000, price: 3.1, expected_real_cost_per_1k: 3.1 })]);
      expect(plan.notes).toContain(dkkNoteToday);
    });

    it('daily_digest answers, leaving unconverted spend and revenue out of its sums with notes naming currency and days', async () => {
      const digest = await manager.ok<DigestView>('daily_digest', { date: '2026-11-20' });
      const metric = (name: string) => digest.metrics.find((candidate) => candidate.metric === name);
      expect(metric('spend')).toMatchObject({ value: 145, previous_day: 0, unit: 'USD' });
      expect(metric('revenue')).toMatchObject({ value: 80 });
      expect(metric('conversions')).toMatchObject({ value: 2 });
      expect(digest.daily.slice(-3)).toEqual([{ date: '2026-11-18', streams: 0, spend: 0 }, { date: '2026-11-19', streams: 0, spend: 0 }, { date: '2026-11-20', streams: 0, spend: 145 }]);
      expect(digest.notes).toEqual([
        '50.00 CHF of spend from 2026-11-17 to 2026-11-18 is left out of the spend figures: no exchange rate from CHF to USD on or before 2026-11-18; add one with set_fx_rate.',
        '300.00 NOK of spend on 2026-11-19 is left out of the spend figures: no exchange rate from NOK to USD on or before 2026-11-19; add one with set_fx_rate.',
        '40.00 CHF of revenue (1 conversion) on 2026-11-20 is left out of the revenue figures: no exchange rate from CHF to USD on or before 2026-11-20; add one with set_fx_rate.',
      ]);
      expect(digest.top_campaigns).toEqual([expect.objectContaining({ name: 'Krone push', streams_7d: 1_000, delivered: 10_000, goal: 15_000 })]);
      expect(digest.under_delivering_vendors).toEqual([expect.objectContaining({
        vendor_name: 'Dollar Promo', delivery_rate: 0.6667, real_cost_per_1k: 3.33, promised_cost_per_1k: 2, promised_cost_currency: 'USD',
        note: `1 placement (700.00 DKK) left out of the spend and real cost: ${dkkNote}`,
      })]);
    });

    it('get_campaign, which shows each placement\'s price, still says which rate is missing', async () => {
      const campaigns = await manager.ok<{ rows: Array<{ id: string }> }>('list_campaigns', {});
      expect(await manager.fails('get_campaign', { campaign_id: campaigns.rows[0]!.id, as_of: '2026-11-20' })).toMatchObject({ code: 'unavailable', message: dkkNote });
    });
  });
});
