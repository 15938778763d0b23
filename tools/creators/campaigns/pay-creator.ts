import { z } from 'zod';
import type { ApprovalSummary } from '../../registry/approval-summary.ts';
import { amountText, countText, percentText } from '../../common/display-figures.ts';
import { isoDay, money } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { paymentOutcome } from '../../campaigns/payments/payment-summary.ts';
import { creatorLabel, recordCreatorActivity, requireAssignment, STATUS_LABELS } from './campaign-common.ts';
import { assignmentViewOf } from './assignment-view.ts';

const input = z.object({
  assignment_id: z.string().uuid().describe('The assignment to pay (campaign_creators); it must be PUBLISHED.'),
  amount: z
    .number()
    .finite()
    .positive('must be more than 0')
    .max(1e13, 'must be at most 10,000,000,000,000')
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'use at most two decimal places')
    .optional()
    .describe("Amount to pay in the assignment's currency; default its fee."),
  reference: z.string().trim().min(1, 'must not be empty').max(200).optional().describe('Invoice number or note, shown to the approver and kept with the payment.'),
});
type PayRequest = z.output<typeof input>;

/**
 * The assignment a payment is for and what the approver weighs: published vs agreed pieces and the
 * metrics of the linked content. Refused (before filing, and again at execution) unless the
 * assignment is PUBLISHED: creators are paid once they delivered, and only once.
 */
async function paymentContext(ctx: ToolContext, request: PayRequest) {
  const assignment = await requireAssignment(ctx, request.assignment_id);
  const who = creatorLabel(assignment.creator);
  const payment = await ctx.db.creatorPayment.findFirst({ where: { campaignCreatorId: assignment.id } });
  if (payment || assignment.status === 'PAID') {
    throw conflict(`${who} was already paid for '${assignment.campaign.name}'${payment ? ` (${amountText(Number(payment.amount), payment.currency)} on ${isoDay(payment.paidAt)})` : ''}; an assignment is paid once.`);
  }
  if (assignment.status !== 'PUBLISHED') {
    throw invalidInput('assignment_id', `${who} is ${STATUS_LABELS[assignment.status].toLowerCase()} on '${assignment.campaign.name}'; pay_creator pays once their content is published (status PUBLISHED)`);
  }
  const view = await assignmentViewOf(ctx, assignment.id);
  const contents = await ctx.db.creatorContent.findMany({ where: { campaignCreatorId: assignment.id }, select: { views: true, likes: true, comments: true, shares: true, saves: true } });
  const sum = (key: 'views' | 'likes' | 'comments' | 'shares' | 'saves') => contents.reduce((acc, content) => acc + Number(content[key] ?? 0n), 0);
  const views = sum('views');
  const engagement = sum('likes') + sum('comments') + sum('shares') + sum('saves');
  const release = assignment.campaign.releaseId ? await ctx.db.release.findUnique({ where: { id: assignment.campaign.releaseId }, select: { title: true, artistName: true } }) : null;
  return { assignment, view, who, views, engagement, release, amount: request.amount ?? Number(assignment.fee), currency: assignment.currency, fee: Number(assignment.fee) };
}
type PaymentContext = Awaited<ReturnType<typeof paymentContext>>;

function deliveryText(context: PaymentContext): string {
  return context.view.deliverables.map((line) => `${line.network} ${line.format} ${line.published}/${line.agreed}`).join(', ') || 'no deliverables';
}

function warningsOf(context: PaymentContext): string[] {
  const warnings: string[] = [];
  const missing = context.view.agreed - context.view.published;
  if (missing > 0) warnings.push(`${missing} of ${context.view.agreed} agreed pieces are not published yet.`);
  if (Math.round(context.amount * 100) !== Math.round(context.fee * 100)) warnings.push(`The amount differs from the agreed fee of ${amountText(context.fee, context.currency)}.`);
  return warnings;
}

export const payCreator = defineTool({
  name: 'pay_creator',
  title: 'Pay a creator',
  keywords: ['pay influencer', 'creator fee', 'pay for the posts', 'creator invoice'],
  description:
    "Pays a creator their fee for a campaign assignment once their content is PUBLISHED: files an approval request showing the deliverables published vs agreed, the content's views and engagement, and the fee. Nothing is paid until another person approves; then the payment is recorded exactly once per assignment and it becomes PAID. Amount in the assignment's currency, default its fee. list_payments shows payments made.",
  area: 'creators',
  access: 'approval',
  permission: 'creators:write',
  hints: { openWorld: false },
  input,
  output: z.object({ payment_id: z.string(), assignment_id: z.string(), creator_id: z.string(), amount: z.number(), currency: z.string(), paid_at: z.string() }),
  example: { assignment_id: '01900000-0000-7000-8000-000000000001', reference: 'INV-77' },
  async preview(ctx, request) {
    const context = await paymentContext(ctx, request);
    const lines = [
      `Pay ${context.who} ${amountText(context.amount, context.currency)} for creator campaign “${context.assignment.campaign.name}”:`,
      `published ${context.view.published} of ${context.view.agreed} pieces agreed (${deliveryText(context)});`,
      `${countText(context.views)} views, ${countText(context.engagement)} engagements.`,
    ];
    if (request.reference) lines.push(`Reference: ${request.reference}.`);
    for (const warning of warningsOf(context)) lines.push(`Warning: ${warning}`);
    return lines.join(' ');
  },
  async summarize(ctx, request): Promise<ApprovalSummary> {
    const context = await paymentContext(ctx, request);
    const evidence = [
      { label: 'Creator campaign', value: context.assignment.campaign.name },
      { label: 'Published', value: `${context.view.published} of ${context.view.agreed} pieces agreed` },
      ...context.view.deliverables.map((line) => ({ label: `${line.network} ${line.format}`, value: `${line.published} of ${line.agreed} published${line.due_on ? `, due ${line.due_on}` : ''}` })),
      { label: 'Views', value: countText(context.views) },
      { label: 'Engagement', value: `${countText(context.engagement)}${context.views > 0 ? ` (${percentText(context.engagement / context.views)} of views)` : ''}` },
      { label: 'Agreed fee', value: amountText(context.fee, context.currency) },
    ];
    if (request.reference) evidence.push({ label: 'Reference', value: request.reference });
    return {
      headline: `Pay ${context.who} ${amountText(context.amount, context.currency)}`,
      amount: { value: context.amount, currency: context.currency },
      // The summary's campaign links to playlist campaigns; the creator campaign is in the evidence.
      campaign: null,
      songs: context.release ? [{ title: context.release.title, artist: context.release.artistName }] : [],
      evidence,
      warnings: warningsOf(context),
    };
  },
  outcome: paymentOutcome,
  // What the approver weighed: if any of it moves before the payment runs, it waits for a new decision.
  async fingerprint(ctx, request) {
    const context = await paymentContext(ctx, request);
    return {
      Status: context.assignment.status.toLowerCase(),
      'Agreed fee': amountText(context.fee, context.currency),
      Published: `${context.view.published} of ${context.view.agreed}`,
    };
  },
  async handler(ctx, request) {
    // The registry runs an approval tool's handler only for an approved request, with its id.
    if (!ctx.approvalId) throw new Error('pay_creator ran without an approval id');
    const context = await paymentContext(ctx, request);
    // Claims the assignment: a second approval racing this one waits on the row, then finds it PAID.
    const claimed = await ctx.db.campaignCreator.updateMany({ where: { id: context.assignment.id, status: 'PUBLISHED' }, data: { status: 'PAID' } });
    if (claimed.count === 0) throw conflict(`${context.who} was already paid for '${context.assignment.campaign.name}'; an assignment is paid once.`);
    const now = ctx.now();
    const payment = await ctx.db.creatorPayment.create({
      data: {
        organizationId: ctx.orgId, creatorId: context.assignment.creatorId, campaignCreatorId: context.assignment.id,
        amount: context.amount, currency: context.currency, reference: request.reference ?? null, paidAt: now, approvalRequestId: ctx.approvalId,
      },
    });
    await recordCreatorActivity(ctx, { contactIds: [context.assignment.creator.contactId], companyId: context.assignment.campaign.companyId }, 'paid',
      `Paid ${context.who} ${amountText(context.amount, context.currency)} for creator campaign '${context.assignment.campaign.name}'`,
      { payment_id: payment.id, approval_id: ctx.approvalId, creator_campaign_id: context.assignment.campaignId, assignment_id: context.assignment.id });
    return {
      payment_id: payment.id, assignment_id: context.assignment.id, creator_id: context.assignment.creatorId,
      amount: money(Number(payment.amount)), currency: payment.currency, paid_at: payment.paidAt.toISOString(),
    };
  },
});
