import type { ToolContext } from '../../registry/context.ts';
import { uuidV7 } from '../../../db/uuid-v7.ts';
import { defineCsvImport, type LinedRow } from '../../imports/csv-import.ts';
import { RowError } from '../../imports/csv-row.ts';
import { LIFECYCLES, normalizeDomain, normalizeTags } from '../companies/crm-records.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { emailCell, enumCell, listCell, resolveOwners } from './import-cells.ts';

type Lifecycle = (typeof LIFECYCLES)[number];

export interface ContactImportRow {
  name: string;
  /** Primary first, lower-case. */
  emails: string[];
  phone: string | null;
  title: string | null;
  company: string | null;
  companyId?: string | null;
  lifecycle: Lifecycle;
  owner: string | null;
  ownerId?: string | null;
  tags: string[];
  /** Already stored as this person (same addresses, same name): importing it again changes nothing. */
  stored?: boolean;
}

export const importContacts = defineCsvImport<ContactImportRow>({
  name: 'import_contacts',
  title: 'Import CRM contacts (CSV)',
  description:
    'Adds CRM contacts, one per row: email is the primary address (other_emails more, separated by ";"), company names an existing company by name or domain (an unknown one is a bad row: nothing is created silently), owner a member\'s email, tags separated by ";", lifecycle e.g. lead or customer. ' +
    'Duplicates go by email: an address twice in the file, or stored on another contact, is a bad row naming the line or the contact; a row whose addresses already belong to the same-named contact is already stored.',
  area: 'crm',
  permission: 'crm:write',
  columns: { required: ['name', 'email'], optional: ['other_emails', 'phone', 'title', 'company', 'lifecycle', 'owner', 'tags'] },
  exampleCsv: 'name,email,title,lifecycle,tags\nAna Ruiz,ana@acme.example,Artist manager,lead,festival;vip\n',
  read(row) {
    const primary = emailCell(row.text('email'), 'email');
    const others = listCell(row, 'other_emails').map((value) => emailCell(value, 'other_emails'));
    const name = row.text('name');
    if (name.length > 200) throw new RowError('name is longer than 200 characters');
    return {
      name,
      emails: [...new Set([primary, ...others])],
      phone: row.text('phone', { optional: true }),
      title: row.text('title', { optional: true }),
      company: row.text('company', { optional: true }),
      lifecycle: enumCell(row, 'lifecycle', LIFECYCLES) ?? 'LEAD',
      owner: row.text('owner', { optional: true })?.toLowerCase() ?? null,
      tags: normalizeTags(listCell(row, 'tags')),
    };
  },
  naturalKey: { of: (row) => row.emails[0]!, describe: (row) => `email ${row.emails[0]}`, replacesStored: false },
  async prepareFile(ctx, rows) {
    const problems: Array<{ line: number; reason: string }> = [];
    // Other addresses repeated across rows (the primary ones are checked as the natural key).
    const lineOf = new Map<string, number>();
    for (const { line, row } of rows) {
      for (const email of row.emails) {
        const first = lineOf.get(email);
        if (first !== undefined && first !== line) problems.push({ line, reason: `${email} is also on line ${first}; an address belongs to one contact` });
        else lineOf.set(email, line);
      }
    }
    problems.push(...(await resolveCompanies(ctx, rows)), ...(await resolveOwners(ctx, rows)));
    return problems.sort((a, b) => a.line - b.line);
  },
  async conflictsWithStored(ctx, rows) {
    const all = rows.flatMap(({ row }) => row.emails);
    const stored = await ctx.db.contactEmail.findMany({ where: { email: { in: all } }, select: { email: true, contactId: true, contact: { select: { name: true } } } });
    const byEmail = new Map(stored.map((email) => [email.email, email]));
    const problems: Array<{ line: number; reason: string }> = [];
    for (const { line, row } of rows) {
      const owners = row.emails.map((email) => byEmail.get(email));
      if (owners.every((owner) => owner === undefined)) continue;
      const same = owners.every((owner) => owner && owner.contactId === owners[0]!.contactId && owner.contact.name.toLowerCase() === row.name.toLowerCase());
      if (same) {
        row.stored = true;
        continue;
      }
      const taken = owners.find((owner) => owner !== undefined)!;
      problems.push({ line, reason: `${taken.email} is already an address of contact '${taken.contact.name}'` });
    }
    return problems;
  },
  async store(ctx, rows) {
    // Rows already stored (checked before, and again here for a queued import stored in batches later).
    const present = new Set((await ctx.db.contactEmail.findMany({ where: { email: { in: rows.map((row) => row.emails[0]!) } }, select: { email: true } })).map((row) => row.email));
    const fresh = rows.filter((row) => !row.stored && !present.has(row.emails[0]!));
    if (!fresh.length) return { inserted: 0, replaced: 0 };
    const contacts = fresh.map((row) => ({
      id: uuidV7(),
      organizationId: ctx.orgId,
      name: row.name,
      phone: row.phone,
      title: row.title,
      companyId: row.companyId ?? null,
      lifecycle: row.lifecycle,
      ownerId: row.ownerId ?? null,
      tags: row.tags,
      source: 'import',
    }));
    await ctx.db.contact.createMany({ data: contacts });
    await ctx.db.contactEmail.createMany({
      data: fresh.flatMap((row, index) => row.emails.map((email, position) => ({ organizationId: ctx.orgId, contactId: contacts[index]!.id, email, isPrimary: position === 0 }))),
    });
    const companies = [...new Set(contacts.map((contact) => contact.companyId).filter((id): id is string => id !== null))];
    await recordActivity(ctx, {
      subjects: [...contacts.map((contact) => ({ type: 'contact' as const, id: contact.id })), ...companies.map((id) => ({ type: 'company' as const, id }))],
      kind: 'imported',
      summary: contacts.length === 1 ? `${await actorName(ctx)} imported contact '${contacts[0]!.name}' from a CSV file` : `${await actorName(ctx)} imported ${contacts.length} contacts from a CSV file`,
      data: { contacts: contacts.length },
    });
    return { inserted: fresh.length, replaced: 0 };
  },
});

/**
 * The company cell of each row, matched to an existing company by domain (when it looks like one)
 * or by name in any case; no match, or several companies of that name, is a problem on the line.
 */
async function resolveCompanies(ctx: Pick<ToolContext, 'db'>, rows: ReadonlyArray<LinedRow<ContactImportRow>>) {
  const cells = [...new Set(rows.map(({ row }) => row.company).filter((cell): cell is string => cell !== null))];
  if (!cells.length) return [];
  const domains = cells.map((cell) => (cell.includes(' ') ? null : normalizeDomain(cell))).filter((domain): domain is string => domain !== null);
  const companies = await ctx.db.company.findMany({
    where: { mergedIntoId: null, OR: [{ name: { in: cells, mode: 'insensitive' } }, ...(domains.length ? [{ domain: { in: domains } }] : [])] },
    select: { id: true, name: true, domain: true },
  });
  const problems: Array<{ line: number; reason: string }> = [];
  for (const { line, row } of rows) {
    if (row.company === null) continue;
    const domain = row.company.includes(' ') ? null : normalizeDomain(row.company);
    const byDomain = domain ? companies.find((company) => company.domain === domain) : undefined;
    const byName = companies.filter((company) => company.name.toLowerCase() === row.company!.toLowerCase());
    if (byDomain) row.companyId = byDomain.id;
    else if (byName.length === 1) row.companyId = byName[0]!.id;
    else if (byName.length > 1) problems.push({ line, reason: `company '${row.company}' names ${byName.length} companies; give its domain instead` });
    else problems.push({ line, reason: `company '${row.company}' is not in the CRM (no company with that name or domain); add it first (create_company or import_companies)` });
  }
  return problems;
}
