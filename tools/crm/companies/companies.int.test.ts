import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { openCrmTestWorld } from './crm-test-world.ts';

interface Company { id: string; name: string; domain: string | null; type: string; owner: string | null; tags: string[]; address: Record<string, string> | null; is_active: boolean; merged_into_id: string | null }
interface Page<Row> { rows: Row[]; next_cursor: string | null }

describe('CRM companies', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openCrmTestWorld('crm-companies'));
    owner = caller(runner, () => org.as('OWNER'));
    await org.member('sam@crm-companies.test', 'CAMPAIGN_MANAGER');
    await database.prisma.user.update({ where: { email: 'sam@crm-companies.test' }, data: { name: 'Sam Lee' } });
  });
  afterAll(async () => { await database.close(); });

  const timeline = (subjectId: string) => database.prisma.activity.findMany({ where: { organizationId: org.id, subjectId }, orderBy: { occurredAt: 'asc' } });

  it('create_company normalises the domain and tags, resolves the owner by email and writes a readable timeline entry', async () => {
    const company = await owner.ok<Company>('create_company', {
      name: ' Acme Records ', domain: 'https://www.Acme.com/about', owner: 'SAM@crm-companies.test', tags: ['Label', 'label', 'EU'], address: { city: 'Madrid', country: 'ES' },
    });
    expect(company).toMatchObject({ name: 'Acme Records', domain: 'acme.com', type: 'PROSPECT', owner: 'Sam Lee', tags: ['label', 'eu'], address: { city: 'Madrid', country: 'ES' }, is_active: true });
    expect(await owner.ok('get_company', { company_id: company.id })).toMatchObject({ company: { owner: 'Sam Lee', owner_email: 'sam@crm-companies.test' } });
    expect(JSON.stringify(company)).not.toContain((await database.prisma.user.findUniqueOrThrow({ where: { email: 'sam@crm-companies.test' } })).id);
    const [entry] = await timeline(company.id);
    expect(entry).toMatchObject({ subjectType: 'company', kind: 'created', summary: "owner@crm-companies.test created company 'Acme Records'", actorUserId: org.ownerId });
  });

  it('refuses a duplicate domain (naming the company), an unknown owner and a bad domain', async () => {
    const taken = await owner.fails('create_company', { name: 'Acme Again', domain: 'acme.com' });
    expect(taken).toMatchObject({ code: 'conflict' });
    expect(taken.message).toContain("'Acme Records'");
    const unknown = await owner.fails('create_company', { name: 'X', owner: 'nobody@else.test' });
    expect(unknown).toMatchObject({ code: 'invalid_input', issues: [{ path: 'owner' }] });
    expect(unknown.message).toContain('nobody@else.test');
    expect(await owner.fails('create_company', { name: 'X', domain: 'not a domain' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'domain' }] });
  });

  it('update_company changes only what is given, names the changes, and archive/restore round-trips', async () => {
    const company = await owner.ok<Company>('create_company', { name: 'Bravo Media', industry: 'Media' });
    const updated = await owner.ok<Company>('update_company', { company_id: company.id, name: 'Bravo Media Group', type: 'PARTNER', owner: null });
    expect(updated).toMatchObject({ name: 'Bravo Media Group', type: 'PARTNER', domain: null });
    const entries = await timeline(company.id);
    expect(entries.at(-1)?.summary).toBe("owner@crm-companies.test updated company 'Bravo Media Group' (was 'Bravo Media'): name, type, owner");
    expect(await owner.fails('update_company', { company_id: company.id })).toMatchObject({ code: 'invalid_input' });
    const archived = await owner.ok<{ company: Company; already_archived: boolean }>('archive_company', { company_id: company.id });
    expect(archived).toMatchObject({ company: { is_active: false }, already_archived: false });
    expect(await owner.ok('archive_company', { company_id: company.id })).toMatchObject({ already_archived: true });
    expect((await owner.ok<Page<Company>>('list_companies', { search: 'bravo' })).rows).toEqual([]);
    expect((await owner.ok<Page<Company>>('list_companies', { search: 'bravo', include_archived: true })).rows).toHaveLength(1);
    await owner.ok('update_company', { company_id: company.id, is_active: true });
    expect((await timeline(company.id)).map((entry) => entry.kind)).toEqual(['created', 'updated', 'archived', 'restored']);
    expect(await database.prisma.company.count({ where: { id: company.id } })).toBe(1);
  });

  it('list_companies filters by owner, tag, type, updated_since and search by name or domain, and pages', async () => {
    for (const name of ['Page One', 'Page Two', 'Page Three']) await owner.ok('create_company', { name, tags: ['paged'] });
    const first = await owner.ok<Page<Company>>('list_companies', { tag: 'PAGED', limit: 2 });
    expect(first.rows.map((row) => row.name)).toEqual(['Page Three', 'Page Two']);
    const second = await owner.ok<Page<Company>>('list_companies', { tag: 'paged', limit: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ rows: [{ name: 'Page One' }], next_cursor: null });
    expect((await owner.ok<Page<Company>>('list_companies', { search: 'ACME.c' })).rows.map((row) => row.name)).toEqual(['Acme Records']);
    expect((await owner.ok<Page<Company>>('list_companies', { owner: 'sam@crm-companies.test' })).rows.map((row) => [row.name, row.owner])).toEqual([['Acme Records', 'Sam Lee']]);
    expect((await owner.ok<Page<Company>>('list_companies', { type: 'PARTNER' })).rows.map((row) => row.name)).toEqual(['Bravo Media Group']);
    expect((await owner.ok<Page<Company>>('list_companies', { updated_since: '2999-01-01T00:00:00Z' })).rows).toEqual([]);
    expect(await owner.fails('list_companies', { owner: 'ghost@x.test' })).toMatchObject({ code: 'invalid_input' });
  });

  it('get_company shows its contacts, open deals, linked clients and recent activity', async () => {
    const company = await owner.ok<Company>('create_company', { name: 'Charlie Sounds' });
    await owner.ok('create_contact', { name: 'Cara Diaz', emails: ['cara@charlie.test'], company_id: company.id });
    await database.prisma.deal.createMany({
      data: [
        { organizationId: org.id, name: 'Open deal', companyId: company.id, currency: 'USD', stage: 'PROPOSAL' },
        { organizationId: org.id, name: 'Won deal', companyId: company.id, currency: 'USD', stage: 'CLOSED_WON' },
      ],
    });
    await database.prisma.client.create({ data: { organizationId: org.id, name: 'Charlie client', companyId: company.id } });
    const view = await owner.ok<Record<string, unknown>>('get_company', { company_id: company.id });
    expect(view).toMatchObject({
      company: { name: 'Charlie Sounds', owner: null, owner_email: null },
      contacts: [{ name: 'Cara Diaz', primary_email: 'cara@charlie.test', lifecycle: 'LEAD' }],
      contacts_count: 1,
      open_deals_count: 1,
      clients: [{ name: 'Charlie client', is_active: true }],
      recent_activity_count: 2,
    });
    expect(await owner.fails('get_company', { company_id: '01900000-0000-7000-8000-00000000dead' })).toMatchObject({ code: 'not_found', issues: [{ path: 'company_id' }] });
  });

  it('a VIEWER reads but cannot write', async () => {
    const viewer = caller(runner, () => org.as('VIEWER'));
    expect(await viewer.fails('create_company', { name: 'Nope' })).toMatchObject({ code: 'forbidden' });
    await viewer.ok('list_companies', {});
  });
});
