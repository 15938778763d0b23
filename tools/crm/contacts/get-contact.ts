import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { EXAMPLE_ID, idInput, ownerNames, requireContact } from '../companies/crm-records.ts';
import { contactCompany, contactView, toContactView } from './contact-view.ts';
import { memberEmailOf, ownerEmailOutput } from '../timeline/members.ts';

const RECENT_DAYS = 30;
const DEAL_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const;

export const getContact = defineTool({
  name: 'get_contact',
  title: 'Get a contact',
  description: `One contact in full: emails (primary first), company, lifecycle, owner, tags, social handles, the deals they are on, open tasks about them, and how many timeline entries they had in the last ${RECENT_DAYS} days (get_timeline reads them).`,
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({ contact_id: idInput.describe('Id of the contact (list_contacts finds it).') }),
  output: z.object({
    contact: contactView.extend({ owner_email: ownerEmailOutput }),
    deals: z.array(z.object({ id: z.string(), name: z.string(), stage: z.enum(DEAL_STAGES), is_active: z.boolean() })),
    open_tasks_count: z.int(),
    recent_activity_count: z.int().describe(`Timeline entries about the contact in the last ${RECENT_DAYS} days.`),
  }),
  example: { contact_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const contact = await requireContact(ctx.db, input.contact_id);
    const since = new Date(ctx.now().getTime() - RECENT_DAYS * 86_400_000);
    const company = await contactCompany(ctx, contact.companyId);
    const links = await ctx.db.dealContact.findMany({ where: { contactId: contact.id }, select: { dealId: true } });
    const deals = links.length
      ? await ctx.db.deal.findMany({ where: { id: { in: links.map((link) => link.dealId) } }, orderBy: { createdAt: 'desc' }, select: { id: true, name: true, stage: true, isActive: true } })
      : [];
    const openTasks = await ctx.db.task.count({ where: { subjectType: 'contact', subjectId: contact.id, status: 'OPEN' } });
    const recent = await ctx.db.activity.count({ where: { subjectType: 'contact', subjectId: contact.id, occurredAt: { gte: since } } });
    return {
      contact: { ...toContactView(contact, company, await ownerNames(ctx, [contact])), owner_email: await memberEmailOf(ctx, contact.ownerId) },
      deals: deals.map((deal) => ({ id: deal.id, name: deal.name, stage: deal.stage, is_active: deal.isActive })),
      open_tasks_count: openTasks,
      recent_activity_count: recent,
    };
  },
});
