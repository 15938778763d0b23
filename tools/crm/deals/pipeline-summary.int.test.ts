import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { daysAfter, openCrmWorld, type CrmWorld } from './testing/crm-world.ts';

const T0 = new Date('2026-11-01T10:00:00Z');

describe('pipeline_summary, worked by hand', () => {
  let world: CrmWorld;
  let sam: ReturnType<typeof caller>;
  let summary: Record<string, unknown>;
  const ids: Record<string, string> = {};

  const at = (days: number) => { world.clock.now = daysAfter(T0, days); };
  const create = async (key: string, input: Record<string, unknown>) => {
    ids[key] = (await sam.ok<{ deal_id: string }>('create_deal', { name: key, ...input })).deal_id;
  };
  const move = (key: string, stage: string, extra: Record<string, unknown> = {}) => sam.ok('move_deal_stage', { deal_id: ids[key], stage, ...extra });

  beforeAll(async () => {
    world = await openCrmWorld('crm-pipeline', T0);
    sam = caller(world.runner, () => world.org.as('MANAGER'));
    await world.database.prisma.fxRate.create({ data: { organizationId: world.org.id, date: new Date('2026-10-01'), base: 'EUR', quote: 'USD', rate: 1.1 } });
    const ana = await world.org.member('ana@crm-pipeline.test', 'CAMPAIGN_MANAGER');
    await world.database.prisma.user.update({ where: { id: ana.userId! }, data: { name: 'Ana Ruiz' } });
    at(0);
    await create('A', { amount: 1000 }); // stays at Lead 40 days: stale
    await create('B', { amount: 2000, owner: 'ana@crm-pipeline.test' });
    await create('C', { amount: 1000, currency: 'EUR', expected_close_date: '2026-12-01' }); // 1,100 USD; past its close date
    await create('D', { amount: 500 });
    await create('E', { amount: 300 });
    await create('F', { amount: 100, currency: 'GBP' }); // no GBP rate: counted, amount left out
    at(4); await move('C', 'QUALIFIED');
    at(6); await move('D', 'CLOSED_WON');
    at(8); await move('E', 'CLOSED_LOST', { reason: 'Went with another agency' });
    at(10); await move('B', 'QUALIFIED');
    at(20); await move('C', 'NEGOTIATION');
    at(30); await move('B', 'PROPOSAL');
    at(40);
    summary = await sam.ok('pipeline_summary', {});
  });
  afterAll(async () => { await world.database.close(); });

  it('counts, amounts and weighted amounts per open stage in the base currency, EUR converted, GBP noted', () => {
    expect(summary).toMatchObject({ currency: 'USD', from: '2026-09-13', to: '2026-12-11' });
    expect(summary.stages).toEqual([
      { stage: 'LEAD', stage_label: 'Lead', deals: 2, amount: 1000, probability: 0.1, weighted_amount: 100 },
      { stage: 'QUALIFIED', stage_label: 'Qualified', deals: 0, amount: 0, probability: 0.25, weighted_amount: 0 },
      { stage: 'PROPOSAL', stage_label: 'Proposal', deals: 1, amount: 2000, probability: 0.5, weighted_amount: 1000 },
      { stage: 'NEGOTIATION', stage_label: 'Negotiation', deals: 1, amount: 1100, probability: 0.75, weighted_amount: 825 },
    ]);
    expect(summary.open_total).toEqual({ deals: 4, amount: 4100, weighted_amount: 1925 });
    expect(summary.notes).toEqual(['1 deal(s) in GBP (100 GBP) counted but left out of the amounts: No exchange rate from GBP to USD on or before 2026-12-11; add one with set_fx_rate.']);
  });

  it('win rate of the period: one won, one lost', () => {
    expect(summary).toMatchObject({ won: { deals: 1, amount: 500 }, lost: { deals: 1, amount: 300 }, win_rate: 0.5 });
  });

  it('average days per stage from the stage changes: Lead (10+4+6+8)/4 = 7, Qualified (20+16)/2 = 18', () => {
    expect(summary.average_days_in_stage).toEqual([
      { stage: 'LEAD', stage_label: 'Lead', average_days: 7, stays: 4 },
      { stage: 'QUALIFIED', stage_label: 'Qualified', average_days: 18, stays: 2 },
      { stage: 'PROPOSAL', stage_label: 'Proposal', average_days: null, stays: 0 },
      { stage: 'NEGOTIATION', stage_label: 'Negotiation', average_days: null, stays: 0 },
    ]);
  });

  it('stale deals: no stage change in over 30 days, or past the expected close date', () => {
    const stale = summary.stale as { count: number; deals: Array<Record<string, unknown>> };
    expect(stale.count).toBe(3);
    expect(stale.deals.map((deal) => [deal.name, deal.days_in_stage, deal.why])).toEqual([
      ['A', 40, 'no stage change in 40 days'],
      ['F', 40, 'no stage change in 40 days'],
      ['C', 20, 'past its expected close date 2026-12-01'],
    ]);
    expect(stale.deals[0]).toMatchObject({ owner: 'Sam Lee', amount: 1000, currency: 'USD', stage: 'LEAD' });
  });

  it('filters by owner and period, and uses the organisation\'s probabilities', async () => {
    const ana = await sam.ok<Record<string, unknown>>('pipeline_summary', { owner: 'ana@crm-pipeline.test' });
    expect(ana.open_total).toEqual({ deals: 1, amount: 2000, weighted_amount: 1000 });
    expect(ana.win_rate).toBeNull();
    const december = await sam.ok<Record<string, unknown>>('pipeline_summary', { from: '2026-12-01', to: '2026-12-11' });
    expect(december).toMatchObject({ won: { deals: 0 }, lost: { deals: 0 }, win_rate: null });
    expect(december.average_days_in_stage).toMatchObject([{ stage: 'LEAD', average_days: null }, { stage: 'QUALIFIED', average_days: 20, stays: 1 }, {}, {}]);

    const set = await sam.ok<Record<string, unknown>>('set_deal_probabilities', { PROPOSAL: 0.4, LEAD: null });
    expect(set.stage_probabilities).toMatchObject({ LEAD: 0.1, PROPOSAL: 0.4, NEGOTIATION: 0.75 });
    const after = await sam.ok<Record<string, unknown>>('pipeline_summary', {});
    expect((after.stages as Array<Record<string, unknown>>)[2]).toMatchObject({ stage: 'PROPOSAL', probability: 0.4, weighted_amount: 800 });
    const bad = await sam.fails('set_deal_probabilities', { PROPOSAL: 1.5 });
    expect(bad.code).toBe('invalid_input');
    const unknown = await sam.fails('pipeline_summary', { owner: 'ghost@crm-pipeline.test' });
    expect(unknown.issues).toEqual([{ path: 'owner', message: 'ghost@crm-pipeline.test is not a member of this organisation' }]);
  });
});
