import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { openCrmTestWorld } from './crm-test-world.ts';

describe('create_client and update_client keep the client\'s CRM company', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    const world = await openCrmTestWorld('crm-client-company');
    ({ database, org } = world);
    owner = caller(world.runner, () => org.as('OWNER'));
  });
  afterAll(async () => { await database.close(); });

  it('create_client creates a company of type CLIENT, and update_client renames it', async () => {
    const client = await owner.ok<{ id: string }>('create_client', { name: 'Nightfall Records' });
    const { companyId } = await database.prisma.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: companyId! } })).toMatchObject({ organizationId: org.id, name: 'Nightfall Records', type: 'CLIENT' });
    expect(await database.prisma.activity.findFirst({ where: { subjectType: 'company', subjectId: companyId! } })).toMatchObject({ kind: 'created', summary: "owner@crm-client-company.test created company 'Nightfall Records' for client 'Nightfall Records'" });

    await owner.ok('update_client', { client_id: client.id, name: 'Nightfall Music' });
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: companyId! } })).toMatchObject({ name: 'Nightfall Music' });
    await owner.ok('update_client', { client_id: client.id, phone: '+1 555' });
    expect(await database.prisma.company.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it('links a company of the same name (any case) instead of creating one, and a prospect becomes a client', async () => {
    const company = await owner.ok<{ id: string }>('create_company', { name: 'Southside', domain: 'southside.test' });
    const client = await owner.ok<{ id: string }>('create_client', { name: 'SOUTHSIDE' });
    expect((await database.prisma.client.findUniqueOrThrow({ where: { id: client.id } })).companyId).toBe(company.id);
    expect(await owner.ok('get_company', { company_id: company.id })).toMatchObject({ company: { type: 'CLIENT' }, clients: [{ id: client.id, name: 'SOUTHSIDE' }] });
  });

  it('a client without a company gets one when renamed', async () => {
    const legacy = await database.prisma.client.create({ data: { organizationId: org.id, name: 'Legacy' } });
    await owner.ok('update_client', { client_id: legacy.id, name: 'Legacy Sounds' });
    const { companyId } = await database.prisma.client.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(await database.prisma.company.findUniqueOrThrow({ where: { id: companyId! } })).toMatchObject({ name: 'Legacy Sounds', type: 'CLIENT' });
  });
});
