import { z } from 'zod';
import type { AssignmentStatus } from '../../../db/generated/prisma/enums.ts';
import { amountText } from '../../common/display-figures.ts';
import { isoDay, parseDay } from '../../common/format.ts';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { fromDbNetwork, toDbNetwork, type Network } from '../networks.ts';
import { assignmentStatusInput, converterFor, creatorLabel, moneyAmount, recordCreatorActivity, requireAssignment, STATUS_LABELS } from './campaign-common.ts';
import { assignmentOutput, assignmentViewOf } from './assignment-view.ts';
import { checkDeliverables, deliverablesInput, deliverablesPhrase } from './assign-creator.ts';
import { checkFeeRange } from './fee-range.ts';

/** The workflow: what each status may move to through update_assignment (PAID only through pay_creator). */
export const TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  INVITED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['CONTENT_SUBMITTED'],
  DECLINED: [],
  CONTENT_SUBMITTED: ['CONTENT_APPROVED', 'ACCEPTED'],
  CONTENT_APPROVED: ['PUBLISHED'],
  PUBLISHED: [],
  PAID: [],
};

export function transitionError(from: AssignmentStatus, to: AssignmentStatus): string {
  const allowed = TRANSITIONS[from];
  const next = allowed.length ? `from ${STATUS_LABELS[from].toLowerCase()} it can move to ${allowed.map((status) => status).join(' or ')}` : `${STATUS_LABELS[from].toLowerCase()} is final here`;
  const paid = from === 'PUBLISHED' ? '; pay_creator pays it' : '';
  return `cannot move from ${from} to ${to}: ${next}${paid}`;
}

export const updateAssignment = defineTool({
  name: 'update_assignment',
  title: 'Update a creator assignment',
  keywords: ['creator accepted', 'creator declined', 'approve content', 'reject content', 'mark published', 'change fee'],
  description:
    'Moves a creator assignment along its workflow and changes its terms. Status: INVITED -> ACCEPTED or DECLINED; ACCEPTED -> CONTENT_SUBMITTED; CONTENT_SUBMITTED -> CONTENT_APPROVED, or back to ACCEPTED with a reason (changes asked); CONTENT_APPROVED -> PUBLISHED (needs its content links: submit_content). PAID only through pay_creator. deliverables (the list given replaces them), fee, currency and notes change until it is paid; a fee outside the contract range needs outside_contract_reason. Lands on the creator\'s timeline.',
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  input: z.object({
    assignment_id: z.string().uuid().describe('The assignment (campaign_creators, get_creator_campaign).'),
    status: assignmentStatusInput.optional().describe('The status to move to.'),
    reason: z.string().trim().min(3).max(500).optional().describe('Why: needed to send content back (CONTENT_SUBMITTED -> ACCEPTED); kept on the timeline for any change.'),
    deliverables: deliverablesInput.optional(),
    fee: moneyAmount.optional().describe('New fee, in currency.'),
    currency: currencyCode.optional().describe('ISO 4217 code of the fee.'),
    notes: z.string().trim().max(2000).nullable().optional().describe('Replaces the notes; null clears them.'),
    outside_contract_reason: z.string().trim().min(3).max(500).optional().describe("Why a fee outside the creator's contract fee range is right."),
  }),
  output: assignmentOutput.extend({ warnings: z.array(z.string()) }),
  example: { assignment_id: '01900000-0000-7000-8000-000000000001', status: 'ACCEPTED', fee: 1500 },
  async handler(ctx, input) {
    const assignment = await requireAssignment(ctx, input.assignment_id);
    const { campaign, creator } = assignment;
    const { assignment_id: _id, reason: _reason, outside_contract_reason: _outside, ...fields } = input;
    if (Object.values(fields).every((value) => value === undefined)) throw invalidInput('status', 'give a status, deliverables, fee, currency or notes to change');
    const changingTerms = input.deliverables !== undefined || input.fee !== undefined || input.currency !== undefined;
    if (changingTerms && assignment.status === 'PAID') throw conflict(`${creatorLabel(creator)} was already paid for '${campaign.name}': the fee and deliverables can no longer change.`);
    if (changingTerms && assignment.status === 'DECLINED') throw conflict(`${creatorLabel(creator)} declined '${campaign.name}': book them again with new terms instead.`);

    const changes: string[] = [];
    const data: Record<string, unknown> = {};
    const warnings: string[] = [];
    const now = ctx.now();

    if (input.status !== undefined && input.status !== assignment.status) {
      if (input.status === 'PAID') throw invalidInput('status', `cannot move from ${assignment.status} to PAID here: pay_creator pays the fee through an approval and marks it paid`);
      if (!TRANSITIONS[assignment.status].includes(input.status)) throw invalidInput('status', transitionError(assignment.status, input.status));
      if (assignment.status === 'CONTENT_SUBMITTED' && input.status === 'ACCEPTED' && !input.reason) {
        throw invalidInput('reason', 'say what must change when sending content back (CONTENT_SUBMITTED -> ACCEPTED)');
      }
      if (input.status === 'PUBLISHED') {
        const linked = await ctx.db.creatorContent.count({ where: { campaignCreatorId: assignment.id } });
        if (linked === 0) throw invalidInput('status', `cannot move to PUBLISHED: ${creatorLabel(creator)} has no content links on this assignment; submit_content with the post links (published: true) instead`);
        await ctx.db.creatorContent.updateMany({ where: { campaignCreatorId: assignment.id, publishedAt: null }, data: { publishedAt: now } });
      }
      data.status = input.status;
      changes.push(`${STATUS_LABELS[assignment.status]} -> ${STATUS_LABELS[input.status]}${input.reason ? ` (${input.reason})` : ''}`);
    }

    const fee = input.fee ?? Number(assignment.fee);
    const currency = input.currency ?? assignment.currency;
    if (fee !== Number(assignment.fee) || currency !== assignment.currency) {
      data.fee = fee;
      data.currency = currency;
      changes.push(`fee ${amountText(Number(assignment.fee), assignment.currency)} -> ${amountText(fee, currency)}`);
    }
    let lines: Array<{ network: Network; format: string; count: number; due_on?: string }> = assignment.deliverables.map((line) => ({ network: fromDbNetwork(line.network), format: line.format, count: line.count, due_on: line.dueOn ? isoDay(line.dueOn) : undefined }));
    if (input.deliverables !== undefined) {
      const next = checkDeliverables(input.deliverables, campaign.networks.map(fromDbNetwork));
      if (deliverablesPhrase(next) !== deliverablesPhrase(lines)) {
        changes.push(`deliverables ${deliverablesPhrase(lines)} -> ${deliverablesPhrase(next)}`);
        await ctx.db.campaignDeliverable.deleteMany({ where: { campaignCreatorId: assignment.id } });
        await ctx.db.campaignDeliverable.createMany({
          data: next.map((line) => ({ organizationId: ctx.orgId, campaignCreatorId: assignment.id, network: toDbNetwork(line.network), format: line.format, count: line.count, dueOn: line.due_on ? parseDay(line.due_on, 'due_on') : null })),
        });
        data.updatedAt = now;
      }
      lines = next;
    }
    if (data.fee !== undefined || input.deliverables !== undefined) {
      const converter = await converterFor(ctx, [{ currency, at: now }]);
      const check = checkFeeRange(creator.feeRanges, lines, fee, currency, converter, now);
      if (check.outside && !input.outside_contract_reason) throw invalidInput('fee', `${check.outside}; give outside_contract_reason to keep it`);
      if (check.outside) warnings.push(`${check.outside}; kept: ${input.outside_contract_reason}`);
      if (check.note) warnings.push(check.note);
    }
    if (input.notes !== undefined && input.notes !== assignment.notes) {
      data.notes = input.notes;
      changes.push(input.notes === null ? 'notes cleared' : 'notes changed');
    }
    if (!changes.length) return { ...(await assignmentViewOf(ctx, assignment.id)), warnings };

    await ctx.db.campaignCreator.update({ where: { id: assignment.id }, data });
    await recordCreatorActivity(ctx, { contactIds: [creator.contactId], companyId: campaign.companyId }, data.status ? 'assignment_status_changed' : 'assignment_updated',
      `${await actorName(ctx)} updated ${creatorLabel(creator)} on creator campaign '${campaign.name}': ${changes.join('; ')}`,
      {
        creator_campaign_id: campaign.id, assignment_id: assignment.id, creator_id: creator.id,
        ...(data.status ? { from_status: assignment.status, to_status: data.status as string } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.outside_contract_reason ? { outside_contract_reason: input.outside_contract_reason } : {}),
      });
    return { ...(await assignmentViewOf(ctx, assignment.id)), warnings };
  },
});
