import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

interface ScorecardRow { vendor_name: string; promised_cost_per_1k: number; promised_cost_currency: string; note: string | null }

/**
 * Issue 15 #6: a currency must be ISO 4217, and one vendor priced in a currency without an
 * exchange rate degrades its own row (own currency, with a note), never the whole answer.
 */
describe('currencies and missing exchange rates', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    let runner;
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
});
