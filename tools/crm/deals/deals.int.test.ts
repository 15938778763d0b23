import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { companyIn, contactIn, daysAfter, openCrmWorld, type CrmWorld } from './testing/crm-world.ts';

type Deal = { deal_id: string; stage: string; [key: string]: unknown };

describe('deals and move_deal_stage', () => {
  let world: CrmWorld;
  let sam: ReturnType<typeof caller>;
  let companyId: string;
  let contactId: string;

  const counts = async (dealId: string) => ({
    changes: await world.database.prisma.dealStageChange.count({ where: { organizationId: world.org.id, dealId } }),
    activities: await world.database.prisma.activity.count({ where: { organizationId: world.org.id, subjectType: 'deal', subjectId: dealId } }),
  });

  beforeAll(async () => {
    world = await openCrmWorld('crm-deals');
    sam = caller(world.runner, () => world.org.as('CAMPAIGN_MANAGER'));
    companyId = (await companyIn(world.database, world.org.id, 'Acme Records', { tags: ['label'] })).id;
    contactId = (await contactIn(world.database, world.org.id, 'Ana Ruiz', companyId, 'ana@acme.test')).id;
  });
  afterAll(async () => { await world.database.close(); });

  it('creates a deal at Lead with its first stage change and a timeline entry in words', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Spring tour sponsorship', company_id: companyId, contact_ids: [contactId], amount: 12000, currency: 'eur' });
    expect(deal).toMatchObject({ stage: 'LEAD', stage_label: 'Lead', amount: 12000, currency: 'EUR', owner: 'Sam Lee', company: { name: 'Acme Records' }, contacts: [{ contact_id: contactId, name: 'Ana Ruiz' }] });
    expect(await counts(deal.deal_id)).toEqual({ changes: 1, activities: 1 });
    const [activity] = await world.database.prisma.activity.findMany({ where: { subjectId: deal.deal_id } });
    expect(activity).toMatchObject({ kind: 'created', surface: 'CLI', summary: "Sam Lee created deal 'Spring tour sponsorship' with Acme Records for 12,000.00 EUR" });
  });

  it('a stage move writes exactly one stage change and one activity, backwards moves too', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Spring tour', amount: 5000 });
    const before = await counts(deal.deal_id);
    world.clock.now = daysAfter(world.clock.now, 3);
    const moved = await sam.ok<Deal>('move_deal_stage', { deal_id: deal.deal_id, stage: 'proposal' });
    expect(moved).toMatchObject({ stage: 'PROPOSAL', from_stage: 'LEAD', stage_changed_at: world.clock.now.toISOString() });
    expect(await counts(deal.deal_id)).toEqual({ changes: before.changes + 1, activities: before.activities + 1 });
    const latest = await world.database.prisma.activity.findFirstOrThrow({ where: { subjectId: deal.deal_id }, orderBy: { occurredAt: 'desc' } });
    expect(latest).toMatchObject({ kind: 'stage_changed', summary: "Sam Lee moved deal 'Spring tour' from Lead to Proposal", data: { from_stage: 'LEAD', to_stage: 'PROPOSAL' } });
    const change = await world.database.prisma.dealStageChange.findFirstOrThrow({ where: { dealId: deal.deal_id, fromStage: 'LEAD' } });
    expect(change).toMatchObject({ toStage: 'PROPOSAL', changedById: world.org.ownerId, changedAt: world.clock.now });

    await sam.ok('move_deal_stage', { deal_id: deal.deal_id, stage: 'QUALIFIED' });
    expect(await counts(deal.deal_id)).toEqual({ changes: before.changes + 2, activities: before.activities + 2 });
  });

  it('a failed move writes nothing: a closed deal without reopen, a bad stage, lost without a reason', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Merch bundle', amount: 800 });
    await sam.ok('move_deal_stage', { deal_id: deal.deal_id, stage: 'CLOSED_WON' });
    const before = await counts(deal.deal_id);

    const closed = await sam.fails('move_deal_stage', { deal_id: deal.deal_id, stage: 'NEGOTIATION' });
    expect(closed).toMatchObject({ code: 'invalid_input', message: "reopen: deal 'Merch bundle' is Closed won; pass reopen: true to move a closed deal" });
    const bad = await sam.fails('move_deal_stage', { deal_id: deal.deal_id, stage: 'WON', reopen: true });
    expect(bad.code).toBe('invalid_input');
    const other = await sam.ok<Deal>('create_deal', { name: 'Radio spots' });
    const noReason = await sam.fails('move_deal_stage', { deal_id: other.deal_id, stage: 'closed lost' });
    expect(noReason).toMatchObject({ code: 'invalid_input', message: 'reason: say why the deal was lost' });
    expect(await counts(deal.deal_id)).toEqual(before);
    expect(await counts(other.deal_id)).toEqual({ changes: 1, activities: 1 });
    expect((await world.database.prisma.deal.findUniqueOrThrow({ where: { id: deal.deal_id } })).stage).toBe('CLOSED_WON');

    const reopened = await sam.ok<Deal>('move_deal_stage', { deal_id: deal.deal_id, stage: 'NEGOTIATION', reopen: true });
    expect(reopened).toMatchObject({ stage: 'NEGOTIATION', closed_at: null, close_reason: null });
    const lost = await sam.ok<Deal>('move_deal_stage', { deal_id: other.deal_id, stage: 'CLOSED_LOST', reason: 'Budget went to TV' });
    expect(lost).toMatchObject({ close_reason: 'Budget went to TV', closed_at: world.clock.now.toISOString() });
    const summary = await world.database.prisma.activity.findFirstOrThrow({ where: { subjectId: other.deal_id, kind: 'stage_changed' } });
    expect(summary.summary).toBe("Sam Lee moved deal 'Radio spots' from Lead to Closed lost (Budget went to TV)");
  });

  it('the stage change and its activity share one transaction: when the activity cannot be written, the move is undone', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Doomed deal' });
    await world.database.sql.query(`CREATE FUNCTION refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.kind = 'stage_changed' AND NEW.summary LIKE '%Doomed deal%' THEN RAISE EXCEPTION 'activity refused'; END IF; RETURN NEW; END $$`);
    await world.database.sql.query(`CREATE TRIGGER refuse_doomed BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION refuse_doomed()`);
    try {
      const failure = await sam.fails('move_deal_stage', { deal_id: deal.deal_id, stage: 'QUALIFIED' });
      expect(failure.code).toBe('internal');
    } finally {
      await world.database.sql.query(`DROP TRIGGER refuse_doomed ON "Activity"`);
    }
    expect(await counts(deal.deal_id)).toEqual({ changes: 1, activities: 1 });
    expect((await world.database.prisma.deal.findUniqueOrThrow({ where: { id: deal.deal_id } })).stage).toBe('LEAD');
  });

  it('two moves of one deal at the same moment keep one history: the later one answers conflict or moves on from the earlier one\'s stage', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Raced deal' });
    await sam.ok('move_deal_stage', { deal_id: deal.deal_id, stage: 'PROPOSAL' });
    // Each move of this deal holds its transaction open a moment after writing, so both read Proposal before either commits.
    await world.database.sql.query(`CREATE FUNCTION slow_raced() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW."dealId" = '${deal.deal_id}' THEN PERFORM pg_sleep(0.8); END IF; RETURN NEW; END $$`);
    await world.database.sql.query(`CREATE TRIGGER slow_raced AFTER INSERT ON "DealStageChange" FOR EACH ROW EXECUTE FUNCTION slow_raced()`);
    let results;
    try {
      results = await Promise.all(['NEGOTIATION', 'CLOSED_WON'].map((stage) => world.runner.call('move_deal_stage', { deal_id: deal.deal_id, stage }, world.org.as('CAMPAIGN_MANAGER'))));
    } finally {
      await world.database.sql.query(`DROP TRIGGER slow_raced ON "DealStageChange"`);
      await world.database.sql.query(`DROP FUNCTION slow_raced()`);
    }
    for (const result of results) if (!result.ok) expect(result.error.code).toBe('conflict');
    expect(results.some((result) => result.ok)).toBe(true);
    const changes = await world.database.prisma.dealStageChange.findMany({ where: { dealId: deal.deal_id }, orderBy: { changedAt: 'asc' } });
    // A chain: every change starts where the one before it ended, and the deal is where the last one ended.
    for (let index = 1; index < changes.length; index++) expect(changes[index]!.fromStage).toBe(changes[index - 1]!.toStage);
    const stored = await world.database.prisma.deal.findUniqueOrThrow({ where: { id: deal.deal_id } });
    expect(stored.stage).toBe(changes.at(-1)!.toStage);
    expect(await counts(deal.deal_id)).toEqual({ changes: changes.length, activities: changes.length });
    await sam.ok('archive_deal', { deal_id: deal.deal_id });
  });

  it('update_deal changes fields (not the stage), resolves owners by email, and says what changed', async () => {
    const deal = await sam.ok<Deal>('create_deal', { name: 'Festival slot', amount: 1000 });
    const ana = await world.org.member('ana.owner@crm-deals.test', 'CAMPAIGN_MANAGER');
    await world.database.prisma.user.update({ where: { id: ana.userId! }, data: { name: 'Ana Owner' } });
    const updated = await sam.ok<Deal>('update_deal', { deal_id: deal.deal_id, amount: 1500, owner: 'ANA.OWNER@crm-deals.test', expected_close_date: '2027-01-31' });
    expect(updated).toMatchObject({ amount: 1500, owner: 'Ana Owner', expected_close_date: '2027-01-31', stage: 'LEAD' });
    // get_deal gives the owner's email beside the name: what an edit form fills its owner field with.
    expect(await sam.ok('get_deal', { deal_id: deal.deal_id })).toMatchObject({ owner: 'Ana Owner', owner_email: 'ana.owner@crm-deals.test' });
    const entry = await world.database.prisma.activity.findFirstOrThrow({ where: { subjectId: deal.deal_id, kind: 'updated' } });
    expect(entry.summary).toBe("Sam Lee updated deal 'Festival slot': amount 1,000.00 USD -> 1,500.00 USD; expected close none -> 2027-01-31; owner Sam Lee -> Ana Owner");
    const unknown = await sam.fails('update_deal', { deal_id: deal.deal_id, owner: 'nobody@else.test' });
    expect(unknown).toMatchObject({ code: 'invalid_input', issues: [{ path: 'owner', message: 'nobody@else.test is not a member of this organisation' }] });
    const stage = await sam.fails('update_deal', { deal_id: deal.deal_id, stage: 'PROPOSAL' });
    expect(stage.code).toBe('invalid_input');

    const mine = await sam.ok<{ rows: Deal[] }>('list_deals', { owner: 'ana.owner@crm-deals.test' });
    expect(mine.rows.map((row) => row.name)).toEqual(['Festival slot']);
  });

  it('list_deals filters by stage, company, company tag and search; archive hides a deal and keeps it', async () => {
    const byCompany = await sam.ok<{ rows: Deal[] }>('list_deals', { company_id: companyId });
    expect(byCompany.rows.map((row) => row.name)).toEqual(['Spring tour sponsorship']);
    expect(byCompany.rows[0]).toMatchObject({ company: 'Acme Records', owner: 'Sam Lee', stage_label: 'Lead' });
    expect((await sam.ok<{ rows: Deal[] }>('list_deals', { tag: 'label' })).rows).toHaveLength(1);
    expect((await sam.ok<{ rows: Deal[] }>('list_deals', { search: 'acme' })).rows).toHaveLength(1);
    expect((await sam.ok<{ rows: Deal[] }>('list_deals', { search: 'TOUR' })).rows.map((row) => row.name)).toEqual(['Spring tour', 'Spring tour sponsorship']);
    const proposals = await sam.ok<{ rows: Deal[] }>('list_deals', { stage: ['QUALIFIED', 'closed won'] });
    expect(proposals.rows.map((row) => row.name)).toEqual(['Spring tour']);
    const first = await sam.ok<{ rows: Deal[]; next_cursor: string | null }>('list_deals', { limit: 2 });
    const second = await sam.ok<{ rows: Deal[] }>('list_deals', { limit: 2, cursor: first.next_cursor });
    expect(second.rows.map((row) => row.deal_id)).not.toContain(first.rows[0]!.deal_id);

    const archived = await sam.ok<Deal>('archive_deal', { deal_id: byCompany.rows[0]!.deal_id });
    expect(archived.is_active).toBe(false);
    expect((await sam.ok<{ rows: Deal[] }>('list_deals', { company_id: companyId })).rows).toEqual([]);
    expect((await sam.ok<{ rows: Deal[] }>('list_deals', { company_id: companyId, include_archived: true })).rows).toHaveLength(1);
    const move = await sam.fails('move_deal_stage', { deal_id: archived.deal_id, stage: 'QUALIFIED' });
    expect(move.message).toMatch(/archived/);
    await sam.ok('archive_deal', { deal_id: archived.deal_id, restore: true });
  });

  it('get_deal shows the stage history with days at each stage, contacts with their email, tasks and notes', async () => {
    const start = world.clock.now;
    const deal = await sam.ok<Deal>('create_deal', { name: 'Vinyl run', company_id: companyId, contact_ids: [contactId] });
    world.clock.now = daysAfter(start, 2);
    await sam.ok('move_deal_stage', { deal_id: deal.deal_id, stage: 'QUALIFIED' });
    world.clock.now = daysAfter(start, 7);
    await sam.ok('move_deal_stage', { deal_id: deal.deal_id, stage: 'PROPOSAL' });
    await sam.ok('create_task', { title: 'Send quote', subject: { type: 'deal', id: deal.deal_id } });
    await sam.ok('create_note', { body: 'They like the gatefold.', subjects: [{ type: 'deal', id: deal.deal_id }] });
    world.clock.now = daysAfter(start, 10);
    const full = await sam.ok<Record<string, unknown>>('get_deal', { deal_id: deal.deal_id });
    expect(full).toMatchObject({ probability: 0.5, contact_emails: { [contactId]: 'ana@acme.test' } });
    expect((full.stage_history as Array<Record<string, unknown>>).map((row) => [row.stage, row.days, row.changed_by])).toEqual([
      ['LEAD', 2, 'Sam Lee'], ['QUALIFIED', 5, 'Sam Lee'], ['PROPOSAL', 3, 'Sam Lee'],
    ]);
    expect(full.tasks).toMatchObject([{ title: 'Send quote', subject: { type: 'deal', name: 'Vinyl run' }, assignee: 'Sam Lee' }]);
    expect(full.notes).toMatchObject([{ body: 'They like the gatefold.', author: 'Sam Lee', version: 1 }]);
  });

  it('a viewer may read but not write', async () => {
    const viewer = caller(world.runner, () => world.org.as('VIEWER'));
    expect((await viewer.fails('create_deal', { name: 'x' })).code).toBe('forbidden');
    await viewer.ok('list_deals', {});
  });
});
