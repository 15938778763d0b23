import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { escapeLikePattern } from '../../common/contains-text.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { decodeCursor, encodeCursor, nextCursorOutput, pageInput } from '../../registry/pagination.ts';
import { idInput, LIFECYCLES, ownerEmailInput, requireCompany, resolveMember } from '../companies/crm-records.ts';

type Lifecycle = (typeof LIFECYCLES)[number];

interface ContactRow {
  id: string;
  name: string;
  title: string | null;
  lifecycle: Lifecycle;
  tags: string[];
  isActive: boolean;
  companyId: string | null;
  companyName: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
}

export const listContacts = defineTool({
  name: 'list_contacts',
  title: 'List contacts',
  description: 'Lists CRM contacts, newest first: filter by owner (member email), tag, lifecycle, company_id, updated_since, or search by part of the name or of any email. Archived ones only with include_archived. Compact rows; get_contact shows one in full.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  keywords: ['people', 'leads', 'managers', 'who'],
  input: z.object({
    search: z.string().trim().min(1).max(200).optional().describe('Part of the name or of an email address (any case).'),
    owner: ownerEmailInput.optional().describe('Only contacts owned by this member (email).'),
    tag: z.string().trim().min(1).max(60).optional().describe('Only contacts with this tag.'),
    lifecycle: z.enum(LIFECYCLES).optional().describe('Only this lifecycle stage.'),
    company_id: idInput.optional().describe('Only contacts of this company.'),
    updated_since: z.iso.datetime({ offset: true }).optional().describe('Only contacts changed at or after this instant (ISO 8601).'),
    include_archived: z.boolean().default(false).describe('Also list archived and merged contacts.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        primary_email: z.string().nullable(),
        title: z.string().nullable(),
        company: z.object({ id: z.string(), name: z.string() }).nullable(),
        lifecycle: z.enum(LIFECYCLES),
        owner: z.string().nullable().describe("The owner's name (or email)."),
        tags: z.array(z.string()),
        is_active: z.boolean(),
      }),
    ),
    next_cursor: nextCursorOutput,
  }),
  example: { search: 'ana' },
  // One query for the page (the filters, the company's name and the owner's) and one for the primary emails.
  async handler(ctx, input) {
    const afterId = decodeCursor(input.cursor);
    const conditions: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${ctx.orgId}`];
    if (!input.include_archived) conditions.push(Prisma.sql`c."isActive"`);
    if (afterId) conditions.push(Prisma.sql`c.id < ${afterId}`);
    if (input.owner) conditions.push(Prisma.sql`c."ownerId" = ${await resolveMember(ctx, input.owner, 'owner')}`);
    if (input.tag) conditions.push(Prisma.sql`c.tags @> ARRAY[${input.tag.toLocaleLowerCase('en')}]::text[]`);
    if (input.lifecycle) conditions.push(Prisma.sql`c.lifecycle = ${input.lifecycle}::"LifecycleStage"`);
    if (input.company_id) await requireCompany(ctx.db, input.company_id);
    if (input.company_id) conditions.push(Prisma.sql`c."companyId" = ${input.company_id}`);
    if (input.updated_since) conditions.push(Prisma.sql`c."updatedAt" >= ${new Date(input.updated_since)}`);
    // Addresses are stored lower-case, so a plain LIKE on the lower-cased pattern matches them (cheaper than ILIKE).
    if (input.search) {
      const pattern = `%${escapeLikePattern(input.search)}%`;
      conditions.push(Prisma.sql`(c.name ILIKE ${pattern} OR EXISTS (
        SELECT 1 FROM "ContactEmail" e WHERE e."organizationId" = c."organizationId" AND e."contactId" = c.id AND e.email LIKE ${pattern.toLowerCase()}))`);
    }
    const rows = await ctx.db.$queryRaw<ContactRow[]>(Prisma.sql`
      SELECT c.id, c.name, c.title, c.lifecycle::text AS lifecycle, c.tags, c."isActive", c."companyId",
             co.name AS "companyName", u.name AS "ownerName", u.email AS "ownerEmail"
      FROM "Contact" c
      LEFT JOIN "Company" co ON co."organizationId" = c."organizationId" AND co.id = c."companyId"
      LEFT JOIN "Membership" m ON m."organizationId" = c."organizationId" AND m."userId" = c."ownerId"
      LEFT JOIN "User" u ON u.id = m."userId"
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY c.id DESC
      LIMIT ${input.limit + 1}`);
    const page = rows.slice(0, input.limit);
    const primaries = page.length
      ? await ctx.db.contactEmail.findMany({ where: { contactId: { in: page.map((row) => row.id) }, isPrimary: true }, select: { contactId: true, email: true } })
      : [];
    const primaryOf = new Map(primaries.map((email) => [email.contactId, email.email]));
    return {
      rows: page.map((row) => ({
        id: row.id,
        name: row.name,
        primary_email: primaryOf.get(row.id) ?? null,
        title: row.title,
        company: row.companyId && row.companyName !== null ? { id: row.companyId, name: row.companyName } : null,
        lifecycle: row.lifecycle,
        owner: row.ownerName ?? row.ownerEmail,
        tags: row.tags,
        is_active: row.isActive,
      })),
      next_cursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null,
    };
  },
});
