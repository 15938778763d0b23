import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { openCrmTestWorld } from '../companies/crm-test-world.ts';

interface Contact {
  id: string; name: string; emails: Array<{ email: string; is_primary: boolean }>; primary_email: string | null; phone: string | null; title: string | null;
  company: { id: string; name: string } | null; lifecycle: string; owner: string | null; tags: string[]; social_handles: Record<string, string>; is_active: boolean; merged_into_id: string | null;
}
interface Page<Row> { rows: Row[]; next_cursor: string | null }

describe('CRM contacts', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openCrmTestWorld('crm-contacts'));
    owner = caller(runner, () => org.as('OWNER'));
    await org.member('sam@crm-contacts.test', 'CAMPAIGN_MANAGER');
    await database.prisma.user.update({ where: { email: 'sam@crm-contacts.test' }, data: { name: 'Sam Lee' } });
  });
  afterAll(async () => { await database.close(); });

  const timeline = (subjectId: string) => database.prisma.activity.findMany({ where: { organizationId: org.id, subjectId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });

  it('create_contact stores several emails with exactly one primary, and writes the entry on the contact and its company', async () => {
    const company = await owner.ok<{ id: string }>('create_company', { name: 'Acme Records' });
    const contact = await owner.ok<Contact>('create_contact', {
      name: 'Ana Ruiz', emails: ['Ana@Acme.test', 'ana.ruiz@gmail.test'], primary_email: 'ana.ruiz@gmail.test', company_id: company.id, owner: 'sam@crm-contacts.test',
      tags: ['VIP'], social_handles: { Instagram: '@ana.ruiz' }, title: 'Manager',
    });
    expect(contact).toMatchObject({
      name: 'Ana Ruiz', primary_email: 'ana.ruiz@gmail.test', company: { id: company.id, name: 'Acme Records' }, owner: 'Sam Lee', tags: ['vip'], social_handles: { instagram: 'ana.ruiz' }, lifecycle: 'LEAD', source: 'manual',
    });
    expect(contact.emails).toEqual([{ email: 'ana.ruiz@gmail.test', is_primary: true }, { email: 'ana@acme.test', is_primary: false }]);
    const [onContact] = await timeline(contact.id);
    const [onCompany] = (await timeline(company.id)).filter((entry) => entry.kind === 'created' && entry.subjectType === 'company' && entry.summary.includes("contact 'Ana"));
    expect(onContact?.summary).toBe("owner@crm-contacts.test created contact 'Ana Ruiz' at 'Acme Records'");
    expect((onCompany?.data as { event_id: string }).event_id).toBe((onContact?.data as { event_id: string }).event_id);
  });

  it('an address already on another contact is a conflict naming that contact; the primary must be one of the emails', async () => {
    const taken = await owner.fails('create_contact', { name: 'Someone', emails: ['ANA@acme.test'] });
    expect(taken.code).toBe('conflict');
    expect(taken.message).toContain("contact 'Ana Ruiz'");
    expect(await owner.fails('create_contact', { name: 'X', emails: ['x@x.test'], primary_email: 'y@x.test' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'primary_email' }] });
    expect(await owner.fails('create_contact', { name: 'X', company_id: '01900000-0000-7000-8000-00000000dead' })).toMatchObject({ code: 'not_found', issues: [{ path: 'company_id' }] });
    expect(await database.prisma.contact.count({ where: { organizationId: org.id, name: { in: ['Someone', 'X'] } } })).toBe(0);
  });

  it('update_contact replaces emails or moves the primary, keeps one primary, and names what changed', async () => {
    const contact = await owner.ok<Contact>('create_contact', { name: 'Bo Park', emails: ['bo@one.test', 'bo@two.test'] });
    expect(contact.primary_email).toBe('bo@one.test');
    const moved = await owner.ok<Contact>('update_contact', { contact_id: contact.id, primary_email: 'bo@two.test' });
    expect(moved.emails).toEqual([{ email: 'bo@two.test', is_primary: true }, { email: 'bo@one.test', is_primary: false }]);
    const replaced = await owner.ok<Contact>('update_contact', { contact_id: contact.id, emails: ['bo@three.test', 'bo@one.test'], lifecycle: 'CUSTOMER', phone: '+1 555' });
    expect(replaced.emails).toEqual([{ email: 'bo@three.test', is_primary: true }, { email: 'bo@one.test', is_primary: false }]);
    expect(replaced).toMatchObject({ lifecycle: 'CUSTOMER', phone: '+1 555' });
    expect(await database.prisma.contactEmail.count({ where: { contactId: contact.id, isPrimary: true } })).toBe(1);
    expect((await timeline(contact.id)).at(-1)?.summary).toBe("owner@crm-contacts.test updated contact 'Bo Park': emails, phone, lifecycle (lifecycle Lead to Customer)");
    expect(await owner.fails('update_contact', { contact_id: contact.id, emails: ['ana@acme.test'] })).toMatchObject({ code: 'conflict' });
    const cleared = await owner.ok<Contact>('update_contact', { contact_id: contact.id, phone: null, emails: [] });
    expect(cleared).toMatchObject({ phone: null, emails: [], primary_email: null });
  });

  it('archive_contact hides a contact from lists and keeps it; restore brings it back', async () => {
    const contact = await owner.ok<Contact>('create_contact', { name: 'Archie Vale', emails: ['archie@vale.test'] });
    expect(await owner.ok('archive_contact', { contact_id: contact.id })).toMatchObject({ contact: { is_active: false }, already_archived: false });
    expect((await owner.ok<Page<Contact>>('list_contacts', { search: 'archie' })).rows).toEqual([]);
    expect((await owner.ok<Page<Contact>>('list_contacts', { search: 'archie', include_archived: true })).rows).toHaveLength(1);
    await owner.ok('update_contact', { contact_id: contact.id, is_active: true });
    expect((await timeline(contact.id)).map((entry) => entry.kind)).toEqual(['created', 'archived', 'restored']);
  });

  it('list_contacts searches by name or any email, filters, and pages without overlap', async () => {
    for (const [index, name] of ['Lia One', 'Lia Two', 'Lia Three'].entries()) {
      await owner.ok('create_contact', { name, emails: [`lia${index}@list.test`], tags: ['listed'], lifecycle: index === 0 ? 'EVANGELIST' : 'LEAD', owner: 'sam@crm-contacts.test' });
    }
    const first = await owner.ok<Page<Contact>>('list_contacts', { tag: 'Listed', limit: 2 });
    expect(first.rows.map((row) => row.name)).toEqual(['Lia Three', 'Lia Two']);
    expect(first.rows[0]).toMatchObject({ primary_email: 'lia2@list.test', owner: 'Sam Lee', company: null, lifecycle: 'LEAD' });
    const second = await owner.ok<Page<Contact>>('list_contacts', { tag: 'listed', limit: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ rows: [{ name: 'Lia One' }], next_cursor: null });
    expect((await owner.ok<Page<Contact>>('list_contacts', { search: 'LIA1@' })).rows.map((row) => row.name)).toEqual(['Lia Two']);
    expect((await owner.ok<Page<Contact>>('list_contacts', { search: 'gmail' })).rows.map((row) => row.name)).toEqual(['Ana Ruiz']);
    expect((await owner.ok<Page<Contact>>('list_contacts', { search: '%' })).rows).toEqual([]);
    expect((await owner.ok<Page<Contact>>('list_contacts', { lifecycle: 'EVANGELIST' })).rows.map((row) => row.name)).toEqual(['Lia One']);
    expect((await owner.ok<Page<Contact>>('list_contacts', { owner: 'sam@crm-contacts.test', tag: 'vip' })).rows.map((row) => row.name)).toEqual(['Ana Ruiz']);
    const acme = await database.prisma.company.findFirstOrThrow({ where: { organizationId: org.id, name: 'Acme Records' } });
    expect((await owner.ok<Page<Contact>>('list_contacts', { company_id: acme.id })).rows).toMatchObject([{ name: 'Ana Ruiz', company: { name: 'Acme Records' } }]);
    expect((await owner.ok<Page<Contact>>('list_contacts', { updated_since: '2999-01-01T00:00:00Z' })).rows).toEqual([]);
  });

  it('get_contact shows the deals the contact is on and open tasks', async () => {
    const contact = await owner.ok<Contact>('create_contact', { name: 'Dee Alba' });
    const deal = await database.prisma.deal.create({ data: { organizationId: org.id, name: 'Summer sponsorship', currency: 'EUR', stage: 'QUALIFIED' } });
    await database.prisma.dealContact.create({ data: { organizationId: org.id, dealId: deal.id, contactId: contact.id } });
    await database.prisma.task.create({ data: { organizationId: org.id, title: 'Call Dee', subjectType: 'contact', subjectId: contact.id } });
    expect(await owner.ok('get_contact', { contact_id: contact.id })).toMatchObject({
      contact: { name: 'Dee Alba' }, deals: [{ name: 'Summer sponsorship', stage: 'QUALIFIED' }], open_tasks_count: 1, recent_activity_count: 1,
    });
  });
});
