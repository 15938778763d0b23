import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { moneyOrNull, isoDay } from '../../common/format.ts';
import { OPEN_STAGES, STAGE_LABELS } from '../deals/deal-common.ts';
import { readTimeline, timelineEntry } from '../timeline/get-timeline.ts';
import { labelOf, memberEmailOf, memberLabels, ownerEmailOutput } from '../timeline/members.ts';
import { companyView, toCompanyView } from './company-view.ts';
import { EXAMPLE_ID, idInput, LIFECYCLES, ownerNames, requireCompany } from './crm-records.ts';

const LISTED_CONTACTS = 100;
const RECENT_DAYS = 30;
/** "What's happening with Acme?" in one call: the largest open deals, the latest events, what is late. */
const LISTED_DEALS = 10;
const LATEST_EVENTS = 5;
const LISTED_TASKS = 10;

export const getCompany = defineTool({
  name: 'get_company',
  title: 'Get a company',
  description: `One company in full, and what is happening with it: its fields, active contacts (first ${LISTED_CONTACTS}, with primary email), open deals (largest ${LISTED_DEALS}), overdue tasks about it, its contacts or deals, the latest ${LATEST_EVENTS} timeline events (get_timeline reads more), and the Crescendo clients linked to it.`,
  keywords: ["what's happening with", 'news on', 'status of', 'update on', 'account overview', 'company summary'],
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({ company_id: idInput.describe('Id of the company (list_companies finds it).') }),
  output: z.object({
    company: companyView.extend({ owner_email: ownerEmailOutput }),
    contacts: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), primary_email: z.string().nullable(), lifecycle: z.enum(LIFECYCLES) })),
    contacts_count: z.int().describe('Active contacts in all.'),
    open_deals_count: z.int().describe('Active deals not closed won or lost.'),
    clients: z.array(z.object({ id: z.string(), name: z.string(), is_active: z.boolean() })).describe('Crescendo clients (campaign buyers) that are this company.'),
    recent_activity_count: z.int().describe(`Timeline entries about the company in the last ${RECENT_DAYS} days.`),
    open_deals: z.array(z.object({
      deal_id: z.string(), name: z.string(), stage: z.string(), amount: z.number().nullable(), currency: z.string(),
      owner: z.string().nullable(), expected_close_date: z.string().nullable(),
    })).describe('The largest open deals.'),
    overdue_tasks: z.array(z.object({ task_id: z.string(), title: z.string(), due_at: z.string(), assignee: z.string().nullable() }))
      .describe('Open tasks past due about the company, its contacts or its deals, most overdue first.'),
    latest_activity: z.array(timelineEntry).describe('The newest timeline events (the company\'s, its contacts\' and deals\').'),
  }),
  example: { company_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const company = await requireCompany(ctx.db, input.company_id);
    const since = new Date(ctx.now().getTime() - RECENT_DAYS * 86_400_000);
    const [contacts, contactsCount, openDeals, clients, recent, owners] = await Promise.all([
      ctx.db.contact.findMany({
        where: { companyId: company.id, isActive: true },
        orderBy: { name: 'asc' },
        take: LISTED_CONTACTS,
        select: { id: true, name: true, title: true, lifecycle: true, emails: { where: { isPrimary: true }, select: { email: true } } },
      }),
      ctx.db.contact.count({ where: { companyId: company.id, isActive: true } }),
      ctx.db.deal.count({ where: { companyId: company.id, isActive: true, stage: { notIn: ['CLOSED_WON', 'CLOSED_LOST'] } } }),
      ctx.db.client.findMany({ where: { companyId: company.id }, orderBy: { name: 'asc' }, select: { id: true, name: true, isActive: true } }),
      ctx.db.activity.count({ where: { subjectType: 'company', subjectId: company.id, occurredAt: { gte: since } } }),
      ownerNames(ctx, [company]),
    ]);
    const [dealRows, contactIds] = await Promise.all([
      ctx.db.deal.findMany({
        where: { companyId: company.id, isActive: true, stage: { in: [...OPEN_STAGES] } },
        orderBy: [{ amount: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        take: LISTED_DEALS,
      }),
      ctx.db.contact.findMany({ where: { companyId: company.id }, select: { id: true } }),
    ]);
    const allDeals = await ctx.db.deal.findMany({ where: { companyId: company.id }, select: { id: true } });
    const overdue = await ctx.db.task.findMany({
      where: {
        status: 'OPEN', dueAt: { lt: ctx.now() },
        OR: [
          { subjectType: 'company', subjectId: company.id },
          { subjectType: 'contact', subjectId: { in: contactIds.map((row) => row.id) } },
          { subjectType: 'deal', subjectId: { in: allDeals.map((row) => row.id) } },
        ],
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: LISTED_TASKS,
    });
    const people = await memberLabels(ctx, [...dealRows.map((deal) => deal.ownerId), ...overdue.map((task) => task.assigneeId)]);
    const latest = await readTimeline(ctx, { type: 'company', id: company.id }, LATEST_EVENTS);
    return {
      company: { ...toCompanyView(company, owners), owner_email: await memberEmailOf(ctx, company.ownerId) },
      contacts: contacts.map((contact) => ({ id: contact.id, name: contact.name, title: contact.title, primary_email: contact.emails[0]?.email ?? null, lifecycle: contact.lifecycle })),
      contacts_count: contactsCount,
      open_deals_count: openDeals,
      clients: clients.map((client) => ({ id: client.id, name: client.name, is_active: client.isActive })),
      recent_activity_count: recent,
      open_deals: dealRows.map((deal) => ({
        deal_id: deal.id, name: deal.name, stage: STAGE_LABELS[deal.stage], amount: moneyOrNull(deal.amount === null ? null : Number(deal.amount)), currency: deal.currency,
        owner: labelOf(people, deal.ownerId), expected_close_date: deal.expectedCloseDate ? isoDay(deal.expectedCloseDate) : null,
      })),
      overdue_tasks: overdue.map((task) => ({ task_id: task.id, title: task.title, due_at: task.dueAt!.toISOString(), assignee: labelOf(people, task.assigneeId) })),
      latest_activity: latest.entries,
    };
  },
});
