import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { notFound } from '../../registry/errors.ts';

/**
 * A Meta lead form's lead, as Meta's verified webhook names it, on the connected Facebook Page's
 * timeline. The notification carries no name or email (those need a Page token Crescendo does not
 * hold for leads), so no CRM contact is made. Recorded once per lead id. Only the webhook job runs it.
 */
export const recordMetaLead = defineTool({
  name: 'record_meta_lead',
  title: 'Record a Meta lead',
  description: "Records a Meta lead form's lead (ids from Meta's webhook) on the connected Facebook Page's timeline, once per lead. Run by the Meta webhook job.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  surfaces: ['JOB'],
  hints: { idempotent: true },
  input: z.object({
    social_account_id: z.string().min(1).describe('The connected Facebook Page the lead form belongs to.'),
    leadgen_id: z.string().min(1).max(200),
    form_id: z.string().max(200).nullable().default(null),
    ad_id: z.string().max(200).nullable().default(null),
    page_id: z.string().max(200),
    created_time: z.string().max(64).nullable().default(null).describe('When Meta says the lead was made (ISO 8601).'),
  }),
  output: z.object({ recorded: z.boolean().describe('False when this lead was already on the timeline.'), activity_id: z.string() }),
  example: { social_account_id: '0192a3b4-0000-7000-8000-000000000001', leadgen_id: '4001', page_id: '555' },
  async handler(ctx, input) {
    const page = await ctx.db.socialAccount.findFirst({ where: { id: input.social_account_id }, select: { id: true } });
    if (!page) throw notFound('social account', input.social_account_id);
    const existing = await ctx.db.activity.findFirst({
      where: { kind: 'meta_lead', subjectType: 'social_account', subjectId: page.id, data: { path: ['leadgen_id'], equals: input.leadgen_id } },
      select: { id: true },
    });
    if (existing) return { recorded: false, activity_id: existing.id };
    const createdAt = input.created_time ? new Date(input.created_time) : null;
    const activity = await ctx.db.activity.create({
      data: {
        organizationId: ctx.orgId,
        actorUserId: ctx.actor.userId,
        surface: ctx.actor.surface,
        subjectType: 'social_account',
        subjectId: page.id,
        kind: 'meta_lead',
        summary: `A Meta lead form${input.form_id ? ` (form ${input.form_id})` : ''} received a lead${input.ad_id ? ` from ad ${input.ad_id}` : ''}.`,
        data: { leadgen_id: input.leadgen_id, form_id: input.form_id, ad_id: input.ad_id, page_id: input.page_id, created_time: input.created_time },
        occurredAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : ctx.now(),
      },
      select: { id: true },
    });
    return { recorded: true, activity_id: activity.id };
  },
});
