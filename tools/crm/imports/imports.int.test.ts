import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';
import { openCrmTestWorld } from '../companies/crm-test-world.ts';

interface Outcome { files_loaded: number; files_rejected: number; rows: number; rows_stored: number; rows_unchanged: number; errors: Array<{ file: string; line: number; reason: string }> }

describe('import_contacts and import_companies', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    const world = await openCrmTestWorld('crm-imports');
    ({ database, org } = world);
    owner = caller(world.runner, () => org.as('OWNER'));
    await org.member('sam@crm-imports.test', 'CAMPAIGN_MANAGER');
  });
  afterAll(async () => { await database.close(); });

  const file = (name: string, content: string) => ({ files: [{ name, content }] });
  const contactsOf = () => database.prisma.contact.count({ where: { organizationId: org.id } });

  it('import_companies stores every row with a timeline entry, and importing again changes nothing', async () => {
    const csv = 'name,domain,type,size_band,owner,tags,city,country\nAcme Records,https://www.acme.test,client,11-50,sam@crm-imports.test,label;EU,Madrid,ES\nBravo Media,,partner,,,,,\n';
    expect(await owner.ok<Outcome>('import_companies', file('companies.csv', csv))).toMatchObject({ files_loaded: 1, rows: 2, rows_stored: 2, errors: [] });
    const acme = await database.prisma.company.findFirstOrThrow({ where: { organizationId: org.id, domain: 'acme.test' } });
    expect(acme).toMatchObject({ name: 'Acme Records', type: 'CLIENT', sizeBand: '11-50', tags: ['label', 'eu'], address: { city: 'Madrid', country: 'ES' } });
    expect(acme.ownerId).not.toBeNull();
    expect(await database.prisma.activity.findFirst({ where: { subjectId: acme.id } })).toMatchObject({ kind: 'imported', summary: 'owner@crm-imports.test imported 2 companies from a CSV file' });
    expect(await owner.ok<Outcome>('import_companies', file('companies.csv', csv))).toMatchObject({ rows: 2, rows_stored: 0, rows_unchanged: 2, errors: [] });
    expect(await database.prisma.company.count({ where: { organizationId: org.id } })).toBe(2);
  });

  it('import_companies reports duplicate domains in the file and against another stored company by line, storing nothing', async () => {
    const csv = 'name,domain\nNew One,new.test\nNew Two,NEW.test\nAcme Copy,acme.test\nBad,not a domain\n';
    const outcome = await owner.ok<Outcome>('import_companies', file('dupes.csv', csv));
    expect(outcome).toMatchObject({ files_rejected: 1, rows_stored: 0 });
    expect(outcome.errors.map((error) => error.line)).toEqual([3, 5]);
    expect(outcome.errors[0]!.reason).toContain('repeats line 2');
    const stored = await owner.ok<Outcome>('import_companies', file('dupes.csv', 'name,domain\nAcme Copy,acme.test\n'));
    expect(stored.errors).toEqual([{ file: 'dupes.csv', line: 2, reason: "domain acme.test is already the domain of company 'Acme Records'" }]);
    expect(await database.prisma.company.count({ where: { organizationId: org.id } })).toBe(2);
  });

  it('import_contacts links companies by name or domain, resolves owners, and stores emails with one primary', async () => {
    const csv = 'name,email,other_emails,company,lifecycle,owner,tags\nAna Ruiz,Ana@Acme.test,ana@gmail.test,acme.test,marketing qualified,sam@crm-imports.test,vip\nBo Park,bo@bravo.test,,bravo media,,,\nCy Lo,cy@lo.test,,,,,\n';
    expect(await owner.ok<Outcome>('import_contacts', file('contacts.csv', csv))).toMatchObject({ files_loaded: 1, rows_stored: 3, errors: [] });
    const ana = await database.prisma.contact.findFirstOrThrow({ where: { organizationId: org.id, name: 'Ana Ruiz' }, include: { emails: { orderBy: { email: 'asc' } }, company: true } });
    expect(ana).toMatchObject({ lifecycle: 'MARKETING_QUALIFIED', source: 'import', tags: ['vip'], company: { name: 'Acme Records' } });
    expect(ana.emails.map((email) => [email.email, email.isPrimary])).toEqual([['ana@acme.test', true], ['ana@gmail.test', false]]);
    expect((await database.prisma.contact.findFirstOrThrow({ where: { organizationId: org.id, name: 'Bo Park' }, include: { company: true } })).company?.name).toBe('Bravo Media');
    expect(await database.prisma.activity.count({ where: { organizationId: org.id, kind: 'imported', subjectType: 'contact' } })).toBe(3);
    expect(await owner.ok<Outcome>('import_contacts', file('contacts.csv', csv))).toMatchObject({ rows_stored: 0, rows_unchanged: 3, errors: [] });
    expect(await contactsOf()).toBe(3);
  });

  it('a file with a bad row stores nothing; duplicate emails, unknown companies and owners are reported by line', async () => {
    const csv = [
      'name,email,other_emails,company,owner',
      'Good Row,good@row.test,,,',
      'Twice,good@row.test,,,',
      'Other Twice,other@row.test,GOOD@row.test,,',
      'Taken,ana@gmail.test,,,',
      'No Company,nc@row.test,,Nowhere Ltd,',
      'No Owner,no@row.test,,,ghost@x.test',
      'Bad Email,not-an-email,,,',
    ].join('\n');
    const outcome = await owner.ok<Outcome>('import_contacts', file('bad.csv', csv));
    expect(outcome).toMatchObject({ files_rejected: 1, rows_stored: 0 });
    expect(outcome.errors.map((error) => error.line)).toEqual([3, 8]);
    expect(await contactsOf()).toBe(3);
    const second = await owner.ok<Outcome>('import_contacts', file('bad.csv', csv.split('\n').filter((_line, index) => ![2, 7].includes(index)).join('\n')));
    expect(second.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, 'good@row.test is also on line 2; an address belongs to one contact'],
      [5, "company 'Nowhere Ltd' is not in the CRM (no company with that name or domain); add it first (create_company or import_companies)"],
      [6, 'owner ghost@x.test is not a member of this organisation'],
    ]);
    const third = await owner.ok<Outcome>('import_contacts', file('bad.csv', 'name,email\nGood Row,good@row.test\nTaken,ana@gmail.test\n'));
    expect(third.errors).toEqual([{ file: 'bad.csv', line: 3, reason: "ana@gmail.test is already an address of contact 'Ana Ruiz'" }]);
    expect(await contactsOf()).toBe(3);
  });
});
