import { z } from 'zod';
import type { Deal } from '../../../db/generated/prisma/client.ts';
import { isoDay, moneyOrNull } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { labelOf, memberLabels } from '../timeline/members.ts';
import { DEAL_STAGES, STAGE_LABELS } from './deal-common.ts';

export const dealOutput = z.object({
  deal_id: z.string(),
  name: z.string(),
  company: z.object({ company_id: z.string(), name: z.string() }).nullable(),
  amount: z.number().nullable().describe('In `currency`.'),
  currency: z.string(),
  stage: z.enum(DEAL_STAGES),
  stage_label: z.string(),
  stage_changed_at: z.string(),
  expected_close_date: z.string().nullable(),
  owner: z.string().nullable().describe("The owner's name or email."),
  closed_at: z.string().nullable(),
  close_reason: z.string().nullable(),
  contacts: z.array(z.object({ contact_id: z.string(), name: z.string() })),
  is_active: z.boolean(),
  updated_at: z.string(),
});
export type DealOutput = z.infer<typeof dealOutput>;

/** A deal as the write tools answer it, with its company, contacts and owner by name. */
export async function dealView(ctx: Pick<ToolContext, 'db'>, deal: Deal): Promise<DealOutput> {
  const [company, links, owners] = await Promise.all([
    deal.companyId ? ctx.db.company.findUnique({ where: { id: deal.companyId }, select: { id: true, name: true } }) : null,
    ctx.db.dealContact.findMany({ where: { dealId: deal.id }, select: { contact: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
    memberLabels(ctx, [deal.ownerId]),
  ]);
  return {
    deal_id: deal.id,
    name: deal.name,
    company: company && { company_id: company.id, name: company.name },
    amount: moneyOrNull(deal.amount === null ? null : Number(deal.amount)),
    currency: deal.currency,
    stage: deal.stage,
    stage_label: STAGE_LABELS[deal.stage],
    stage_changed_at: deal.stageChangedAt.toISOString(),
    expected_close_date: deal.expectedCloseDate ? isoDay(deal.expectedCloseDate) : null,
    owner: labelOf(owners, deal.ownerId),
    closed_at: deal.closedAt?.toISOString() ?? null,
    close_reason: deal.closeReason,
    contacts: links.map((link) => ({ contact_id: link.contact.id, name: link.contact.name })),
    is_active: deal.isActive,
    updated_at: deal.updatedAt.toISOString(),
  };
}
