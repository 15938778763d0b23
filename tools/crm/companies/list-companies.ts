import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { containsText } from '../../common/contains-text.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { COMPANY_TYPES, ownerEmailInput, ownerNames, resolveMember } from './crm-records.ts';

export const listCompanies = defineTool({
  name: 'list_companies',
  title: 'List companies',
  description: 'Lists CRM companies, newest first: filter by owner (member email), tag, type, updated_since, or search by name or domain. Archived ones only with include_archived. Compact rows; get_company shows one in full.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  keywords: ['accounts', 'businesses', 'brands', 'sponsors'],
  input: z.object({
    search: z.string().trim().min(1).max(200).optional().describe('Part of the name or domain (any case).'),
    owner: ownerEmailInput.optional().describe('Only companies owned by this member (email).'),
    tag: z.string().trim().min(1).max(60).optional().describe('Only companies with this tag.'),
    type: z.enum(COMPANY_TYPES).optional().describe('Only this type.'),
    updated_since: z.iso.datetime({ offset: true }).optional().describe('Only companies changed at or after this instant (ISO 8601).'),
    include_archived: z.boolean().default(false).describe('Also list archived and merged companies.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        domain: z.string().nullable(),
        type: z.enum(COMPANY_TYPES),
        owner: z.string().nullable().describe("The owner's name (or email)."),
        tags: z.array(z.string()),
        is_active: z.boolean(),
      }),
    ),
    next_cursor: nextCursorOutput,
  }),
  example: { search: 'acme' },
  async handler(ctx, input) {
    const page = pageQuery(input);
    const where: Prisma.CompanyWhereInput = {
      ...page.idAfter,
      ...(input.include_archived ? {} : { isActive: true }),
      ...(input.owner ? { ownerId: await resolveMember(ctx, input.owner, 'owner') } : {}),
      ...(input.tag ? { tags: { has: input.tag.toLocaleLowerCase('en') } } : {}),
      ...(input.type ? { type: input.type } : {}),
      ...(input.updated_since ? { updatedAt: { gte: new Date(input.updated_since) } } : {}),
      ...(input.search ? { OR: [{ name: containsText(input.search) }, { domain: containsText(input.search.toLowerCase()) }] } : {}),
    };
    const { rows, nextCursor } = toPage(await ctx.db.company.findMany({ where, take: page.take, orderBy: page.orderBy }), input.limit);
    const owners = await ownerNames(ctx, rows);
    return {
      rows: rows.map((company) => ({
        id: company.id,
        name: company.name,
        domain: company.domain,
        type: company.type,
        owner: company.ownerId ? (owners.get(company.ownerId) ?? null) : null,
        tags: company.tags,
        is_active: company.isActive,
      })),
      next_cursor: nextCursor,
    };
  },
});
