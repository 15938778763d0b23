import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type ToolTestWorld } from '../../testing/fixtures.ts';

describe("get_company answers what's happening with a company", () => {
  let world: ToolTestWorld;
  const clock = { now: new Date('2026-11-10T12:00:00Z') };
  const owner = () => caller(world.runner, () => world.org.as('OWNER'));

  beforeAll(async () => {
    world = await openToolTestWorld('crm-overview', { now: () => clock.now });
  });
  afterAll(() => world.database.close());

  it('lists its largest open deals, the overdue tasks about it, its contacts or deals, and the latest events', async () => {
    const acme = await owner().ok<{ id: string }>('create_company', { name: 'Acme Records', domain: 'acme.test' });
    const ana = await owner().ok<{ id: string }>('create_contact', { name: 'Ana Ruiz', emails: ['ana@acme.test'], company_id: acme.id });
    await owner().ok('create_deal', { name: 'Merch bundle', company_id: acme.id, amount: 2000, currency: 'USD' });
    const big = await owner().ok<{ deal_id: string }>('create_deal', { name: 'Spring tour sponsorship', company_id: acme.id, amount: 25000, currency: 'USD' });
    const lost = await owner().ok<{ deal_id: string }>('create_deal', { name: 'Old pitch', company_id: acme.id, amount: 90000, currency: 'USD' });
    await owner().ok('move_deal_stage', { deal_id: lost.deal_id, stage: 'CLOSED_LOST', reason: 'Budget went elsewhere' });
    await owner().ok('create_task', { title: 'Send the tour proposal', due_at: '2026-11-08T17:00:00Z', subject: { type: 'deal', id: big.deal_id } });
    await owner().ok('create_task', { title: 'Call Ana back', due_at: '2026-11-09T17:00:00Z', subject: { type: 'contact', id: ana.id } });
    await owner().ok('create_task', { title: 'Plan Q1', due_at: '2026-12-01T17:00:00Z', subject: { type: 'company', id: acme.id } });
    clock.now = new Date('2026-11-10T13:00:00Z');
    await owner().ok('move_deal_stage', { deal_id: big.deal_id, stage: 'PROPOSAL' });

    type Overview = { open_deals: Array<{ name: string; stage: string; amount: number }>; overdue_tasks: Array<{ title: string }>; latest_activity: Array<{ kind: string; summary: string }> };
    const overview = await owner().ok<Overview>('get_company', { company_id: acme.id });
    expect(overview.open_deals.map((deal) => [deal.name, deal.stage, deal.amount])).toEqual([['Spring tour sponsorship', 'Proposal', 25000], ['Merch bundle', 'Lead', 2000]]);
    expect(overview.overdue_tasks.map((task) => task.title)).toEqual(['Send the tour proposal', 'Call Ana back']);
    expect(overview.latest_activity).toHaveLength(5);
    expect(overview.latest_activity[0]).toMatchObject({ kind: 'stage_changed' });
    expect(overview.latest_activity[0]!.summary).toContain("'Spring tour sponsorship' from Lead to Proposal");
  });
});
