import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay, moneyOrNull } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { labelOf, memberEmail, memberLabels, resolveMember } from '../timeline/members.ts';
import { DEAL_STAGES, STAGE_LABELS, dealStage, requireCompany } from './deal-common.ts';

export const listDeals = defineTool({
  name: 'list_deals',
  title: 'List deals',
  description:
    'Deals, newest first, filtered by owner (email or "me"), stage, company, company tag, updated_since, or search (deal or company name); active ones unless include_archived. Compact rows; get_deal has the detail.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({
    owner: memberEmail.optional().describe('Owner\'s email, or "me".'),
    stage: z.array(dealStage).min(1).optional().describe(`Stages to include: ${DEAL_STAGES.join(', ')}.`),
    company_id: z.string().uuid().optional().describe('Deals of this company.'),
    tag: z.string().trim().min(1).optional().describe("Deals whose company has this tag (deals have no tags of their own)."),
    updated_since: z.iso.datetime({ offset: true }).optional().describe('Only deals changed at or after this instant (ISO 8601).'),
    search: z.string().trim().min(1).max(200).optional().describe('Part of the deal\'s or its company\'s name (any case).'),
    include_archived: z.boolean().default(false).describe('Include archived deals.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(z.object({
      deal_id: z.string(), name: z.string(), company: z.string().nullable().describe('Company name.'), company_id: z.string().nullable(),
      stage: z.enum(DEAL_STAGES), stage_label: z.string(), stage_changed_at: z.string().describe('When it entered its stage.'), amount: z.number().nullable(), currency: z.string(),
      expected_close_date: z.string().nullable(), owner: z.string().nullable().describe('Name or email.'), is_active: z.boolean(), updated_at: z.string(),
    })),
    next_cursor: nextCursorOutput,
  }),
  example: { stage: ['PROPOSAL', 'NEGOTIATION'], owner: 'me' },
  async handler(ctx, input) {
    if (input.company_id) await requireCompany(ctx, input.company_id);
    const ownerId = input.owner ? await resolveMember(ctx, 'owner', input.owner, true) : undefined;
    const page = pageQuery(input);
    const where: Prisma.DealWhereInput = {
      ...page.idAfter,
      ...(input.include_archived ? {} : { isActive: true }),
      ...(ownerId ? { ownerId } : {}),
      ...(input.stage ? { stage: { in: input.stage } } : {}),
      ...(input.company_id ? { companyId: input.company_id } : {}),
      ...(input.tag ? { company: { tags: { has: input.tag } } } : {}),
      ...(input.updated_since ? { updatedAt: { gte: new Date(input.updated_since) } } : {}),
      ...(input.search
        ? { OR: [{ name: { contains: input.search, mode: 'insensitive' } }, { company: { name: { contains: input.search, mode: 'insensitive' } } }] }
        : {}),
    };
    const found = await ctx.db.deal.findMany({ where, take: page.take, orderBy: page.orderBy, include: { company: { select: { name: true } } } });
    const { rows, nextCursor } = toPage(found, input.limit);
    const owners = await memberLabels(ctx, rows.map((row) => row.ownerId));
    return {
      rows: rows.map((deal) => ({
        deal_id: deal.id, name: deal.name, company: deal.company?.name ?? null, company_id: deal.companyId,
        stage: deal.stage, stage_label: STAGE_LABELS[deal.stage], stage_changed_at: deal.stageChangedAt.toISOString(), amount: moneyOrNull(deal.amount === null ? null : Number(deal.amount)), currency: deal.currency,
        expected_close_date: deal.expectedCloseDate ? isoDay(deal.expectedCloseDate) : null, owner: labelOf(owners, deal.ownerId), is_active: deal.isActive,
        updated_at: deal.updatedAt.toISOString(),
      })),
      next_cursor: nextCursor,
    };
  },
});
