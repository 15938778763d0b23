import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

interface Client { id: string; name: string; emails: string[]; contact_person: string | null; phone: string | null }
interface Page<Row> { rows: Row[]; next_cursor: string | null }

describe('client records', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('clients'));
    owner = caller(runner, () => org.as('OWNER'));
  });
  afterAll(async () => { await database.close(); });

  it('create_client returns the record with its id and writes a timeline entry', async () => {
    const client = await owner.ok<Client>('create_client', { name: '  Nightfall Records ', emails: ['ana@nightfall.test'], contact_person: 'Ana' });
    expect(client).toMatchObject({ name: 'Nightfall Records', emails: ['ana@nightfall.test'], contact_person: 'Ana', phone: null });
    expect(await database.prisma.client.findUnique({ where: { id: client.id } })).toMatchObject({ organizationId: org.id });
    const activity = await database.prisma.activity.findMany({ where: { organizationId: org.id, subjectId: client.id } });
    expect(activity).toEqual([expect.objectContaining({ subjectType: 'client', kind: 'created', summary: 'Client Nightfall Records created', actorUserId: org.ownerId })]);
  });

  it('validation errors name the field', async () => {
    const empty = await owner.fails('create_client', { name: '   ' });
    expect(empty.code).toBe('invalid_input');
    expect(empty.issues?.map((issue) => issue.path)).toEqual(['name']);
    const email = await owner.fails('create_client', { name: 'X', emails: ['ok@x.test', 'not an email'] });
    expect(email.issues?.map((issue) => issue.path)).toEqual(['emails[1]']);
  });

  it('update_client changes only the fields given; null clears; unknown ids are not_found', async () => {
    const client = await owner.ok<Client>('create_client', { name: 'Southside', contact_person: 'Bo', phone: '+1 555' });
    const updated = await owner.ok<Client>('update_client', { client_id: client.id, name: 'Southside Music', phone: null });
    expect(updated).toMatchObject({ id: client.id, name: 'Southside Music', contact_person: 'Bo', phone: null });
    const activity = await database.prisma.activity.findFirst({ where: { subjectId: client.id, kind: 'updated' } });
    expect(activity?.summary).toBe('Client Southside Music updated: name, phone');
    expect(await owner.fails('update_client', { client_id: client.id })).toMatchObject({ code: 'invalid_input' });
    expect(await owner.fails('update_client', { client_id: '01900000-0000-7000-8000-00000000dead', name: 'Y' })).toMatchObject({
      code: 'not_found',
      issues: [{ path: 'client_id' }],
    });
  });

  it('a VIEWER reads but cannot write', async () => {
    const viewer = caller(runner, () => org.as('VIEWER'));
    expect(await viewer.fails('create_client', { name: 'Nope' })).toMatchObject({ code: 'forbidden' });
    await viewer.ok('list_clients', {});
  });

  it('list_clients searches by name and pages newest first without overlap', async () => {
    for (const name of ['Page Alpha', 'Page Beta', 'Page Gamma', 'Page Delta', 'Page Epsilon']) await owner.ok('create_client', { name });
    const first = await owner.ok<Page<Client>>('list_clients', { search: 'page', limit: 2 });
    expect(first.rows.map((row) => row.name)).toEqual(['Page Epsilon', 'Page Delta']);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await owner.ok<Page<Client>>('list_clients', { search: 'page', limit: 2, cursor: first.next_cursor });
    expect(second.rows.map((row) => row.name)).toEqual(['Page Gamma', 'Page Beta']);
    const third = await owner.ok<Page<Client>>('list_clients', { search: 'page', limit: 2, cursor: second.next_cursor });
    expect(third).toMatchObject({ rows: [{ name: 'Page Alpha' }], next_cursor: null });
    expect(await owner.fails('list_clients', { cursor: 'garbage' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'cursor' }] });
  });

  it('get_client shows a client without campaigns with zero figures', async () => {
    const client = await owner.ok<Client>('create_client', { name: 'Quiet Label' });
    const detail = await owner.ok('get_client', { client_id: client.id, as_of: '2026-03-11' });
    expect(detail).toMatchObject({
      as_of: '2026-03-11',
      currency: 'USD',
      client: { id: client.id, name: 'Quiet Label' },
      campaigns_count: { total: 0, active: 0, paused: 0, completed: 0 },
      total_budget: 0,
      streams_delivered: 0,
      campaigns: [],
    });
    expect(await owner.fails('get_client', { client_id: 'nope' })).toMatchObject({ code: 'not_found' });
  });
});
