import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { companyIn, contactIn, daysAfter, openCrmWorld, type CrmWorld } from '../deals/testing/crm-world.ts';

type Row = Record<string, unknown>;
type Timeline = { entries: Array<{ activity_id: string; when: string; when_in_words: string; who: string | null; surface: string; kind: string; summary: string; subject: { type: string; id: string } }>; next_cursor: string | null };

describe('notes, tasks and the timeline', () => {
  let world: CrmWorld;
  let sam: ReturnType<typeof caller>;
  let companyId: string;
  let contactId: string;
  let dealId: string;

  beforeAll(async () => {
    world = await openCrmWorld('crm-notes');
    sam = caller(world.runner, () => world.org.as('CAMPAIGN_MANAGER'));
    companyId = (await companyIn(world.database, world.org.id, 'Acme Records')).id;
    contactId = (await contactIn(world.database, world.org.id, 'Ana Ruiz', companyId)).id;
    dealId = (await sam.ok<{ deal_id: string }>('create_deal', { name: 'Spring tour sponsorship', company_id: companyId })).deal_id;
  });
  afterAll(async () => { await world.database.close(); });

  it('a note on a contact and a deal writes one timeline row per record with one event id; an edit keeps the previous text', async () => {
    const note = await sam.ok<Row>('create_note', { body: 'Call with Ana: proposal by **Friday**.', subjects: [{ type: 'contact', id: contactId }, { type: 'deal', id: dealId }] });
    expect(note).toMatchObject({ author: 'Sam Lee', version: 1, subjects: [{ type: 'contact', name: 'Ana Ruiz' }, { type: 'deal', name: 'Spring tour sponsorship' }] });
    const rows = await world.database.prisma.activity.findMany({ where: { organizationId: world.org.id, kind: 'note_added' } });
    expect(rows.map((row) => row.subjectType).sort()).toEqual(['contact', 'deal', 'note']);
    expect(new Set(rows.map((row) => (row.data as { event_id: string }).event_id)).size).toBe(1);
    expect(rows[0]!.summary).toBe("Sam Lee added a note on contact 'Ana Ruiz' and deal 'Spring tour sponsorship': \"Call with Ana: proposal by **Friday**.\"");

    world.clock.now = daysAfter(world.clock.now, 1);
    const edited = await sam.ok<Row>('update_note', { note_id: note.note_id, body: 'Call with Ana: proposal by Monday.' });
    expect(edited).toMatchObject({ body: 'Call with Ana: proposal by Monday.', version: 2, previous_versions: [{ version: 1, body: 'Call with Ana: proposal by **Friday**.' }] });
    const version = await world.database.prisma.noteVersion.findFirstOrThrow({ where: { noteId: note.note_id as string } });
    expect(version).toMatchObject({ version: 1, body: 'Call with Ana: proposal by **Friday**.', editedById: world.org.ownerId });
    const timeline = await sam.ok<Timeline>('get_timeline', { subject: { type: 'deal', id: dealId }, limit: 1 });
    expect(timeline.entries[0]).toMatchObject({ kind: 'note_edited', who: 'Sam Lee', surface: 'CLI', when_in_words: 'just now', summary: "Sam Lee edited a note on contact 'Ana Ruiz' and deal 'Spring tour sponsorship' (version 2): \"Call with Ana: proposal by Monday.\"" });

    const listed = await sam.ok<{ rows: Row[] }>('list_notes', { subject: { type: 'contact', id: contactId } });
    expect(listed.rows.map((row) => row.version)).toEqual([2]);
    expect((await sam.fails('create_note', { body: 'x', subjects: [] })).code).toBe('invalid_input');
  });

  it('tasks: assignee by email or "me", overdue, completion on the timeline of the task and its record', async () => {
    const bo = await world.org.member('bo@crm-notes.test', 'CAMPAIGN_MANAGER');
    const due = daysAfter(world.clock.now, 1).toISOString();
    const task = await sam.ok<Row>('create_task', { title: 'Send the proposal', due_at: due, assignee: 'bo@crm-notes.test', priority: 'HIGH', subject: { type: 'deal', id: dealId } });
    expect(task).toMatchObject({ assignee: 'bo@crm-notes.test', overdue: false, status: 'OPEN', subject: { type: 'deal', name: 'Spring tour sponsorship' }, created_by: 'Sam Lee' });
    await sam.ok('create_task', { title: 'Book the venue call' });
    expect((await sam.fails('create_task', { title: 'x', assignee: 'ghost@else.test' })).issues).toEqual([{ path: 'assignee', message: 'ghost@else.test is not a member of this organisation' }]);

    world.clock.now = daysAfter(world.clock.now, 2);
    const bos = caller(world.runner, () => bo);
    const overdue = await bos.ok<{ rows: Row[] }>('list_tasks', { assignee: 'me', overdue: true });
    expect(overdue.rows.map((row) => [row.title, row.overdue])).toEqual([['Send the proposal', true]]);
    expect((await sam.ok<{ rows: Row[] }>('list_tasks', { assignee: 'me' })).rows.map((row) => row.title)).toEqual(['Book the venue call']);
    expect((await sam.ok<{ rows: Row[] }>('list_tasks', { overdue: false })).rows.map((row) => row.title)).toEqual(['Book the venue call']);
    expect((await sam.ok<{ rows: Row[] }>('list_tasks', { subject: { type: 'deal', id: dealId } })).rows).toHaveLength(1);

    const done = await bos.ok<Row>('complete_task', { task_id: task.task_id });
    expect(done).toMatchObject({ status: 'DONE', overdue: false, completed_at: world.clock.now.toISOString() });
    const entry = await world.database.prisma.activity.findFirstOrThrow({ where: { kind: 'task_done', subjectType: 'deal', subjectId: dealId } });
    expect(entry.summary).toBe("bo@crm-notes.test completed task 'Send the proposal' on deal 'Spring tour sponsorship'");
    const updated = await sam.ok<Row>('update_task', { task_id: task.task_id, status: 'OPEN', due_at: null });
    expect(updated).toMatchObject({ status: 'OPEN', due_at: null, completed_at: null });
    expect(await sam.ok<Row>('get_task', { task_id: task.task_id })).toMatchObject({ title: 'Send the proposal', priority: 'HIGH' });
  });

  it('get_timeline: newest first, pages without overlap, and a company includes its contacts\' and deals\' entries', async () => {
    world.clock.now = daysAfter(world.clock.now, 1);
    await sam.ok('move_deal_stage', { deal_id: dealId, stage: 'QUALIFIED' });
    const all = await sam.ok<Timeline>('get_timeline', { subject: { type: 'deal', id: dealId }, limit: 200 });
    const times = all.entries.map((entry) => entry.when);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.entries[0]).toMatchObject({ kind: 'stage_changed', summary: "Sam Lee moved deal 'Spring tour sponsorship' from Lead to Qualified" });
    const kinds = all.entries.map((entry) => entry.kind);
    expect(kinds).toEqual(['stage_changed', 'task_updated', 'task_done', 'task_created', 'note_edited', 'note_added', 'created']);
    expect(all.entries.at(-1)!.when_in_words).toBe('4 days ago');

    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Timeline = await sam.ok<Timeline>('get_timeline', { subject: { type: 'deal', id: dealId }, limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((entry) => entry.activity_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.entries.map((entry) => entry.activity_id));

    const company = await sam.ok<Timeline>('get_timeline', { subject: { type: 'company', id: companyId } });
    expect(company.entries[0]).toMatchObject({ kind: 'stage_changed', subject: { type: 'deal', id: dealId } });
    // The note is on the contact and the deal: one event, shown once on the company's timeline.
    expect(company.entries.filter((entry) => entry.kind === 'note_added')).toHaveLength(1);
    expect((await sam.fails('get_timeline', { subject: { type: 'deal', id: dealId }, cursor: 'nonsense' })).code).toBe('invalid_input');
  });

  it('records of another organisation are not_found wherever a subject is named, whatever its type', async () => {
    const prisma = world.database.prisma;
    const other = await prisma.organization.create({ data: { name: 'Other', slug: 'crm-notes-other' } });
    const theirCompany = await prisma.company.create({ data: { organizationId: other.id, name: 'Theirs Ltd' } });
    const theirs = {
      company: theirCompany.id,
      contact: (await prisma.contact.create({ data: { organizationId: other.id, name: 'Their person', companyId: theirCompany.id } })).id,
      deal: (await prisma.deal.create({ data: { organizationId: other.id, name: 'Theirs', currency: 'USD', companyId: theirCompany.id } })).id,
      task: (await prisma.task.create({ data: { organizationId: other.id, title: 'Their task' } })).id,
      note: (await prisma.note.create({ data: { organizationId: other.id, body: 'Their note' } })).id,
      client: (await prisma.client.create({ data: { organizationId: other.id, name: 'Their client' } })).id,
    };
    const ourTask = await sam.ok<{ task_id: string }>('create_task', { title: 'Ours' });
    for (const type of ['company', 'contact', 'deal'] as const) {
      const foreign = { type, id: theirs[type] };
      for (const [tool, input] of [
        ['create_note', { body: 'x', subjects: [{ type: 'deal', id: dealId }, foreign] }],
        ['list_notes', { subject: foreign }],
        ['create_task', { title: 'x', subject: foreign }],
        ['update_task', { task_id: ourTask.task_id, subject: foreign }],
        ['list_tasks', { subject: foreign }],
      ] as const) {
        expect((await sam.fails(tool, input)).code, `${tool} with a ${type} of another organisation`).toBe('not_found');
      }
    }
    for (const type of ['company', 'contact', 'deal', 'task', 'note', 'client'] as const) {
      expect((await sam.fails('get_timeline', { subject: { type, id: theirs[type] } })).code, `get_timeline of a ${type}`).toBe('not_found');
    }
    expect(await prisma.activity.count({ where: { organizationId: other.id } })).toBe(0);
    expect((await prisma.task.findUniqueOrThrow({ where: { id: ourTask.task_id } })).subjectId).toBeNull();
  });
});
