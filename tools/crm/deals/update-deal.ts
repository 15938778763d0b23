import { z } from 'zod';
import { isoDate, isoDay, parseDay } from '../../common/format.ts';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { labelOf, memberEmail, memberLabels, resolveMember } from '../timeline/members.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { amountPhrase, dealAmount, requireCompany, requireContacts, requireDeal } from './deal-common.ts';
import { dealOutput, dealView } from './deal-view.ts';

export const updateDeal = defineTool({
  name: 'update_deal',
  title: 'Update a deal',
  description:
    'Changes a deal\'s name, company, contacts (the list given replaces them), amount, currency, expected close date or owner; fields left out stay, null clears one. The stage changes only with move_deal_stage. The change lands on the timeline.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    deal_id: z.string().uuid().describe('The deal to change.'),
    name: z.string().trim().min(1).max(200).optional().describe('New name.'),
    company_id: z.string().uuid().nullable().optional().describe('New company; null for none.'),
    contact_ids: z.array(z.string().uuid()).max(50).optional().describe('The deal\'s contacts from now on (replaces the list).'),
    amount: dealAmount.nullable().optional(),
    currency: currencyCode.optional().describe('ISO 4217 code of the amount.'),
    expected_close_date: isoDate.nullable().optional().describe('YYYY-MM-DD; null clears it.'),
    owner: memberEmail.nullable().optional().describe("The owning member's email; null for nobody."),
  }),
  output: dealOutput,
  example: { deal_id: '01900000-0000-7000-8000-000000000001', amount: 15000, expected_close_date: '2027-04-30' },
  async handler(ctx, input) {
    const deal = await requireDeal(ctx, input.deal_id);
    const { deal_id: _dealId, ...fields } = input;
    if (Object.values(fields).every((value) => value === undefined)) throw invalidInput('name', 'give at least one field to change');
    const changes: string[] = [];
    const data: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== deal.name) {
      changes.push(`renamed it from '${deal.name}'`);
      data.name = input.name;
    }
    if (input.company_id !== undefined && input.company_id !== deal.companyId) {
      const companyName = input.company_id ? await requireCompany(ctx, input.company_id) : null;
      changes.push(companyName ? `company set to ${companyName}` : 'company removed');
      data.companyId = input.company_id;
    }
    const oldAmount = deal.amount === null ? null : Number(deal.amount);
    const newAmount = input.amount === undefined ? oldAmount : input.amount;
    const newCurrency = input.currency ?? deal.currency;
    if (newAmount !== oldAmount || newCurrency !== deal.currency) {
      changes.push(`amount ${amountPhrase(oldAmount, deal.currency)} -> ${amountPhrase(newAmount, newCurrency)}`);
      data.amount = newAmount;
      data.currency = newCurrency;
    }
    if (input.expected_close_date !== undefined) {
      const before = deal.expectedCloseDate ? isoDay(deal.expectedCloseDate) : null;
      if (before !== input.expected_close_date) {
        changes.push(`expected close ${before ?? 'none'} -> ${input.expected_close_date ?? 'none'}`);
        data.expectedCloseDate = input.expected_close_date ? parseDay(input.expected_close_date, 'expected_close_date') : null;
      }
    }
    if (input.owner !== undefined) {
      const ownerId = input.owner === null ? null : await resolveMember(ctx, 'owner', input.owner);
      if (ownerId !== deal.ownerId) {
        const labels = await memberLabels(ctx, [ownerId, deal.ownerId]);
        changes.push(`owner ${labelOf(labels, deal.ownerId) ?? 'nobody'} -> ${labelOf(labels, ownerId) ?? 'nobody'}`);
        data.ownerId = ownerId;
      }
    }
    if (input.contact_ids !== undefined) {
      const wanted = [...new Set(input.contact_ids)];
      await requireContacts(ctx, wanted);
      const current = new Set((await ctx.db.dealContact.findMany({ where: { dealId: deal.id }, select: { contactId: true } })).map((row) => row.contactId));
      const added = wanted.filter((id) => !current.has(id));
      const removed = [...current].filter((id) => !wanted.includes(id));
      if (removed.length) await ctx.db.dealContact.deleteMany({ where: { dealId: deal.id, contactId: { in: removed } } });
      if (added.length) await ctx.db.dealContact.createMany({ data: added.map((contactId) => ({ organizationId: ctx.orgId, dealId: deal.id, contactId })) });
      if (added.length || removed.length) {
        const names = new Map((await ctx.db.contact.findMany({ where: { id: { in: [...added, ...removed] } }, select: { id: true, name: true } })).map((row) => [row.id, row.name]));
        if (added.length) changes.push(`added ${added.map((id) => names.get(id)).join(', ')}`);
        if (removed.length) changes.push(`removed ${removed.map((id) => names.get(id)).join(', ')}`);
        data.updatedAt = ctx.now();
      }
    }
    if (!changes.length) return dealView(ctx, deal);
    const updated = await ctx.db.deal.update({ where: { id: deal.id }, data });
    await recordActivity(ctx, {
      subjects: [{ type: 'deal', id: deal.id }],
      kind: 'updated',
      summary: `${await actorName(ctx)} updated deal '${updated.name}': ${changes.join('; ')}`,
      data: { changed: Object.keys(data).filter((key) => key !== 'updatedAt') },
    });
    return dealView(ctx, updated);
  },
});
