import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { openCrmTestWorld } from '../companies/crm-test-world.ts';

interface Merge { status: 'merged' | 'pending'; already_merged: boolean; moved: Record<string, number> | null; approval_id: string | null; preview: string | null }

describe('merge_contacts and merge_companies', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: Awaited<ReturnType<typeof openCrmTestWorld>>['jobs'];
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let approver: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org, jobs } = await openCrmTestWorld('crm-merges'));
    owner = caller(runner, () => org.as('OWNER'));
    const boss = await org.member('boss@crm-merges.test', 'MANAGER');
    approver = caller(runner, () => boss);
  });
  afterAll(async () => { await database.close(); });

  const activitiesOf = (subjectType: string, subjectId: string) => database.prisma.activity.findMany({ where: { organizationId: org.id, subjectType, subjectId } });
  const deal = (name: string, companyId?: string) => database.prisma.deal.create({ data: { organizationId: org.id, name, currency: 'USD', companyId } });

  it('merge_contacts moves emails, tags, missing fields, deals, tasks, notes and every activity to the survivor; the other is archived', async () => {
    const keep = await owner.ok<{ id: string }>('create_contact', { name: 'Ana Ruiz', emails: ['ana@acme.test'], tags: ['vip'] });
    const merge = await owner.ok<{ id: string }>('create_contact', { name: 'Ana R.', emails: ['ana.r@gmail.test', 'ana2@gmail.test'], phone: '+34 600', tags: ['press'], social_handles: { tiktok: 'anar' } });
    await owner.ok('update_contact', { contact_id: merge.id, title: 'Manager' });
    const sponsorship = await deal('Sponsorship');
    await database.prisma.dealContact.create({ data: { organizationId: org.id, dealId: sponsorship.id, contactId: merge.id } });
    const task = await database.prisma.task.create({ data: { organizationId: org.id, title: 'Call Ana', subjectType: 'contact', subjectId: merge.id } });
    const note = await database.prisma.note.create({ data: { organizationId: org.id, body: 'Met at the festival' } });
    await database.prisma.noteLink.createMany({ data: [merge.id, keep.id].map((subjectId) => ({ organizationId: org.id, noteId: note.id, subjectType: 'contact', subjectId })) });
    const before = [...(await activitiesOf('contact', keep.id)), ...(await activitiesOf('contact', merge.id))].map((row) => row.id);
    expect(before).toHaveLength(3);

    const result = await owner.ok<Merge & { contact: Record<string, unknown> }>('merge_contacts', { keep_id: keep.id, merge_id: merge.id });
    expect(result).toMatchObject({ status: 'merged', already_merged: false, moved: { emails: 2, deals: 1, tasks: 1, notes: 1, activities: 2 } });
    expect(result.contact).toMatchObject({
      name: 'Ana Ruiz', primary_email: 'ana@acme.test', phone: '+34 600', title: 'Manager', tags: ['vip', 'press'], social_handles: { tiktok: 'anar' },
    });
    expect((result.contact.emails as unknown[]).length).toBe(3);
    expect(await database.prisma.contactEmail.count({ where: { contactId: keep.id, isPrimary: true } })).toBe(1);
    expect(await database.prisma.dealContact.findMany({ where: { dealId: sponsorship.id } })).toMatchObject([{ contactId: keep.id }]);
    expect(await database.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ subjectId: keep.id });
    expect(await database.prisma.noteLink.findMany({ where: { noteId: note.id } })).toMatchObject([{ subjectId: keep.id }]);
    // The timeline is append-only: the merged contact's entries stay its own, and the survivor's timeline reads them.
    const timeline = await owner.ok<{ entries: Array<{ summary: string; kind: string }> }>('get_timeline', { subject: { type: 'contact', id: keep.id }, limit: 50 });
    expect(timeline.entries.length).toBe(before.length + 1);
    // Its own two entries and the merge (one event, also on the survivor), none moved.
    expect((await activitiesOf('contact', merge.id)).length).toBe(3);
    const after = await activitiesOf('contact', keep.id);
    expect(after.find((row) => row.kind === 'merged')?.summary).toBe("owner@crm-merges.test merged contact 'Ana R.' into 'Ana Ruiz'");
    expect(await database.prisma.contact.findUniqueOrThrow({ where: { id: merge.id } })).toMatchObject({ isActive: false, mergedIntoId: keep.id });

    expect(await owner.ok('merge_contacts', { keep_id: keep.id, merge_id: merge.id })).toMatchObject({ status: 'merged', already_merged: true, moved: null });
    expect(await owner.fails('merge_contacts', { keep_id: keep.id, merge_id: keep.id })).toMatchObject({ code: 'invalid_input' });
    expect(await owner.fails('update_contact', { contact_id: merge.id, is_active: true })).toMatchObject({ code: 'invalid_input' });
  });

  it('when both contacts are on deals, merge_contacts files an approval; approving it merges exactly once', async () => {
    const keep = await owner.ok<{ id: string }>('create_contact', { name: 'Bo Park', emails: ['bo@one.test'] });
    const merge = await owner.ok<{ id: string }>('create_contact', { name: 'Bo P.', emails: ['bo@two.test'] });
    const first = await deal('Tour');
    const second = await deal('Merch');
    await database.prisma.dealContact.createMany({ data: [{ organizationId: org.id, dealId: first.id, contactId: keep.id }, { organizationId: org.id, dealId: second.id, contactId: merge.id }, { organizationId: org.id, dealId: first.id, contactId: merge.id }] });

    const pending = await owner.ok<Merge>('merge_contacts', { keep_id: keep.id, merge_id: merge.id });
    expect(pending).toMatchObject({ status: 'pending', moved: null });
    expect(pending.preview).toContain("Merge contact 'Bo P.'");
    expect(await database.prisma.contact.findUniqueOrThrow({ where: { id: merge.id } })).toMatchObject({ isActive: true, mergedIntoId: null });
    expect(await owner.fails('decide_approval', { approval_id: pending.approval_id, decision: 'approve' })).toMatchObject({ code: 'forbidden' });

    await approver.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(await database.prisma.contact.findUniqueOrThrow({ where: { id: merge.id } })).toMatchObject({ isActive: false, mergedIntoId: keep.id });
    expect((await database.prisma.dealContact.findMany({ where: { contactId: keep.id } })).map((link) => link.dealId).sort()).toEqual([first.id, second.id].sort());
    expect((await activitiesOf('contact', keep.id)).filter((row) => row.kind === 'merged')).toHaveLength(1);
    expect((await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id! } })).status).toBe('EXECUTED');
    expect(await approver.fails('decide_approval', { approval_id: pending.approval_id, decision: 'approve' })).toBeDefined();
    await jobs.drain();
    expect((await activitiesOf('contact', keep.id)).filter((row) => row.kind === 'merged')).toHaveLength(1);
  });

  it('merge_companies re-points contacts, deals, clients, tasks and activities; both with deals needs approval', async () => {
    const keep = await owner.ok<{ id: string }>('create_company', { name: 'Acme', tags: ['label'] });
    const merge = await owner.ok<{ id: string }>('create_company', { name: 'ACME Inc', domain: 'acme.com', industry: 'Music' });
    const contact = await owner.ok<{ id: string }>('create_contact', { name: 'Cara', company_id: merge.id });
    const mergedDeal = await deal('Acme sponsorship', merge.id);
    const client = await database.prisma.client.create({ data: { organizationId: org.id, name: 'Acme client', companyId: merge.id } });
    const before = (await activitiesOf('company', merge.id)).map((row) => row.id);

    const result = await owner.ok<Merge & { company: Record<string, unknown> }>('merge_companies', { keep_id: keep.id, merge_id: merge.id });
    expect(result).toMatchObject({ status: 'merged', moved: { contacts: 1, deals: 1, clients: 1, activities: before.length } });
    expect(result.company).toMatchObject({ name: 'Acme', domain: 'acme.com', industry: 'Music', tags: ['label'] });
    expect(await database.prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ companyId: keep.id });
    expect(await database.prisma.deal.findUniqueOrThrow({ where: { id: mergedDeal.id } })).toMatchObject({ companyId: keep.id });
    expect(await database.prisma.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ companyId: keep.id });
    const timeline = await owner.ok<{ entries: Array<{ summary: string }> }>('get_timeline', { subject: { type: 'company', id: keep.id }, limit: 100 });
    for (const row of await database.prisma.activity.findMany({ where: { id: { in: before } } })) expect(timeline.entries.map((entry) => entry.summary)).toContain(row.summary);

    const other = await owner.ok<{ id: string }>('create_company', { name: 'Acme Europe' });
    await deal('Europe tour', other.id);
    const pending = await owner.ok<Merge>('merge_companies', { keep_id: keep.id, merge_id: other.id });
    expect(pending.status).toBe('pending');
    await approver.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(await database.prisma.deal.count({ where: { companyId: keep.id } })).toBe(2);
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ isActive: false, mergedIntoId: keep.id });
  });

  it('a creator profile follows its person through a merge and a rename; two creator profiles are not merged', async () => {
    const person = await owner.ok<{ id: string }>('create_contact', { name: 'Daria Moves', emails: ['daria@moves.test'] });
    const duplicate = await owner.ok<{ id: string }>('create_contact', { name: 'D. Moves', emails: ['dm@gmail.test'] });
    const creator = await owner.ok<{ id: string }>('create_creator', { contact_id: duplicate.id, handle: 'dariamoves', bio: 'Afrobeats dance' });
    expect(await owner.ok('merge_contacts', { keep_id: person.id, merge_id: duplicate.id })).toMatchObject({ status: 'merged' });
    const moved = await database.prisma.creator.findUniqueOrThrow({ where: { id: creator.id } });
    expect(moved.contactId).toBe(person.id);
    expect(moved.searchDocument.split('\n')[0]).toBe('Daria Moves @dariamoves');

    await owner.ok('update_contact', { contact_id: person.id, name: 'Daria Okafor' });
    expect((await database.prisma.creator.findUniqueOrThrow({ where: { id: creator.id } })).searchDocument.split('\n')[0]).toBe('Daria Okafor @dariamoves');

    const other = await owner.ok<{ id: string }>('create_creator', { name: 'Daria O.', handle: 'dariao' });
    const otherContact = (await database.prisma.creator.findUniqueOrThrow({ where: { id: other.id } })).contactId;
    const refused = await owner.fails('merge_contacts', { keep_id: person.id, merge_id: otherContact });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain('@dariamoves and @dariao');
  });
});
