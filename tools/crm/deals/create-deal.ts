import { z } from 'zod';
import { isoDate, parseDay } from '../../common/format.ts';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { memberEmail, resolveMember } from '../timeline/members.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { amountPhrase, dealAmount, requireCompany, requireContacts } from './deal-common.ts';
import { dealOutput, dealView } from './deal-view.ts';

export const createDeal = defineTool({
  name: 'create_deal',
  title: 'Create a deal',
  description:
    'Adds a deal to the pipeline at stage Lead (move it on with move_deal_stage): name, company, contacts, amount and ISO currency (default the base currency), expected close date, owner (a member\'s email; default you). Lands on the timeline.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    name: z.string().trim().min(1).max(200).describe('What is being sold, e.g. "Spring tour sponsorship".'),
    company_id: z.string().uuid().optional().describe('The company buying.'),
    contact_ids: z.array(z.string().uuid()).max(50).optional().describe('People involved in the deal.'),
    amount: dealAmount.optional(),
    currency: currencyCode.optional().describe('ISO 4217 code; default the organisation base currency.'),
    expected_close_date: isoDate.optional().describe('YYYY-MM-DD.'),
    owner: memberEmail.optional().describe("The owning member's email; default the caller."),
  }),
  output: dealOutput,
  example: { name: 'Spring tour sponsorship', company_id: '01900000-0000-7000-8000-000000000001', amount: 12000, currency: 'EUR', expected_close_date: '2027-03-31' },
  async handler(ctx, input) {
    const companyName = input.company_id ? await requireCompany(ctx, input.company_id) : null;
    await requireContacts(ctx, input.contact_ids ?? []);
    const ownerId = input.owner ? await resolveMember(ctx, 'owner', input.owner) : ctx.actor.userId;
    const now = ctx.now();
    const currency = input.currency ?? ctx.org.baseCurrency;
    const deal = await ctx.db.deal.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        companyId: input.company_id ?? null,
        amount: input.amount ?? null,
        currency,
        stage: 'LEAD',
        stageChangedAt: now,
        expectedCloseDate: input.expected_close_date ? parseDay(input.expected_close_date, 'expected_close_date') : null,
        ownerId,
        createdAt: now,
      },
    });
    // The first stage change (from nothing to Lead): average days per stage count from here.
    await ctx.db.dealStageChange.create({ data: { organizationId: ctx.orgId, dealId: deal.id, fromStage: null, toStage: 'LEAD', changedById: ctx.actor.userId, changedAt: now } });
    const contactIds = [...new Set(input.contact_ids ?? [])];
    if (contactIds.length) await ctx.db.dealContact.createMany({ data: contactIds.map((contactId) => ({ organizationId: ctx.orgId, dealId: deal.id, contactId })) });
    const who = await actorName(ctx);
    await recordActivity(ctx, {
      subjects: [{ type: 'deal', id: deal.id }],
      kind: 'created',
      summary: `${who} created deal '${deal.name}'${companyName ? ` with ${companyName}` : ''} for ${amountPhrase(input.amount ?? null, currency)}`,
      data: { company_id: deal.companyId, amount: input.amount ?? null, currency },
    });
    return dealView(ctx, deal);
  },
});
