import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { labelOf, memberEmailOf, memberLabels, ownerEmailOutput } from '../timeline/members.ts';
import { DEAL_STAGES, STAGE_LABELS, loadStageProbabilities, requireDeal } from './deal-common.ts';
import { dealOutput, dealView } from './deal-view.ts';
import { taskRows, taskRowOutput } from '../tasks/task-view.ts';
import { noteOutput, noteViews } from '../notes/note-view.ts';

const MS_PER_DAY = 86_400_000;
const days = (ms: number) => Math.round((ms / MS_PER_DAY) * 10) / 10;

export const getDeal = defineTool({
  name: 'get_deal',
  title: 'Get a deal',
  description:
    'One deal in full: company, contacts with their primary email, amount, stage and its probability, every stage it has been at with the days spent there (newest last), its tasks and its notes.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({ deal_id: z.string().uuid().describe('The deal.') }),
  output: dealOutput.extend({
    owner_email: ownerEmailOutput,
    probability: z.number().describe('The organisation\'s probability for the current stage (set_deal_probabilities).'),
    contact_emails: z.record(z.string(), z.string().nullable()).describe('Primary email by contact_id.'),
    stage_history: z.array(z.object({
      stage: z.enum(DEAL_STAGES), stage_label: z.string(), entered_at: z.string(), left_at: z.string().nullable().describe('null: the current stage.'),
      days: z.number().describe('Days spent at the stage (to now for the current one), one decimal.'), changed_by: z.string().nullable(),
    })),
    tasks: z.array(taskRowOutput),
    notes: z.array(noteOutput),
  }),
  example: { deal_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const deal = await requireDeal(ctx, input.deal_id);
    const [view, ownerEmail, probabilities, changes, emails, tasks, links] = await Promise.all([
      dealView(ctx, deal),
      memberEmailOf(ctx, deal.ownerId),
      loadStageProbabilities(ctx),
      ctx.db.dealStageChange.findMany({ where: { dealId: deal.id }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] }),
      ctx.db.contactEmail.findMany({ where: { contact: { deals: { some: { dealId: deal.id } } } }, orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] }),
      ctx.db.task.findMany({ where: { subjectType: 'deal', subjectId: deal.id }, orderBy: [{ status: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }], take: 100 }),
      ctx.db.noteLink.findMany({ where: { subjectType: 'deal', subjectId: deal.id }, select: { noteId: true } }),
    ]);
    const now = ctx.now();
    // Deals created elsewhere (imports, demo data) may lack the first change: they were at the first recorded stage since creation.
    const history = changes.length && changes[0]!.fromStage === null ? changes : [{ toStage: changes[0]?.fromStage ?? deal.stage, changedAt: deal.createdAt, changedById: null }, ...changes];
    const people = await memberLabels(ctx, history.map((change) => change.changedById));
    const primary = new Map<string, string>();
    for (const row of emails) if (!primary.has(row.contactId)) primary.set(row.contactId, row.email);
    const notes = await ctx.db.note.findMany({ where: { id: { in: links.map((link) => link.noteId) } }, orderBy: { id: 'desc' }, take: 50 });
    return {
      ...view,
      owner_email: ownerEmail,
      probability: probabilities[deal.stage],
      contact_emails: Object.fromEntries(view.contacts.map((contact) => [contact.contact_id, primary.get(contact.contact_id) ?? null])),
      stage_history: history.map((change, index) => {
        const left = history[index + 1]?.changedAt ?? null;
        return {
          stage: change.toStage, stage_label: STAGE_LABELS[change.toStage], entered_at: change.changedAt.toISOString(), left_at: left?.toISOString() ?? null,
          days: days(Math.max(0, (left ?? now).getTime() - change.changedAt.getTime())), changed_by: labelOf(people, change.changedById),
        };
      }),
      tasks: await taskRows(ctx, tasks),
      notes: await noteViews(ctx, notes),
    };
  },
});
