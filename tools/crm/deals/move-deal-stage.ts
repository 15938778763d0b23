import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { CLOSED_STAGES, DEAL_STAGES, STAGE_LABELS, dealStage, requireDeal } from './deal-common.ts';
import { dealOutput, dealView } from './deal-view.ts';

export const moveDealStage = defineTool({
  name: 'move_deal_stage',
  title: 'Move a deal to another stage',
  description:
    `Moves a deal to a stage (${DEAL_STAGES.join(', ')}); backwards moves are allowed and recorded. reason is required for CLOSED_LOST (optional for CLOSED_WON). ` +
    'A closed deal moves only with reopen: true. Records the stage change and a timeline entry ("Sam Lee moved deal \'Spring tour\' from Proposal to Negotiation").',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    deal_id: z.string().uuid().describe('The deal to move.'),
    stage: dealStage.describe(`The new stage: ${DEAL_STAGES.join(', ')}.`),
    reason: z.string().trim().min(1).max(1000).optional().describe('Why it was won or lost: required for CLOSED_LOST.'),
    reopen: z.boolean().default(false).describe('Must be true to move a deal that is closed (won or lost).'),
  }),
  output: dealOutput.extend({ from_stage: z.enum(DEAL_STAGES) }),
  keywords: ['pipeline', 'won', 'lost', 'close deal', 'advance'],
  example: { deal_id: '01900000-0000-7000-8000-000000000001', stage: 'NEGOTIATION' },
  async handler(ctx, input) {
    const deal = await requireDeal(ctx, input.deal_id);
    if (!deal.isActive) throw invalidInput('deal_id', `deal '${deal.name}' is archived; restore it with archive_deal (restore: true) first`);
    if (input.stage === deal.stage) throw invalidInput('stage', `deal '${deal.name}' is already at ${STAGE_LABELS[deal.stage]}`);
    if (CLOSED_STAGES.has(deal.stage) && !input.reopen) {
      throw invalidInput('reopen', `deal '${deal.name}' is ${STAGE_LABELS[deal.stage]}; pass reopen: true to move a closed deal`);
    }
    if (input.stage === 'CLOSED_LOST' && !input.reason) throw invalidInput('reason', 'say why the deal was lost');
    if (input.reason && !CLOSED_STAGES.has(input.stage)) throw invalidInput('reason', 'is only for CLOSED_WON or CLOSED_LOST');
    const now = ctx.now();
    const closing = CLOSED_STAGES.has(input.stage);
    // Only from the stage read above: a move committed meanwhile (another person, a second click)
    // leaves this one nothing to update, instead of a second change from the same stage.
    const moved = await ctx.db.deal.updateMany({
      where: { id: deal.id, stage: deal.stage, isActive: true },
      data: { stage: input.stage, stageChangedAt: now, closedAt: closing ? now : null, closeReason: closing ? (input.reason ?? null) : null },
    });
    if (moved.count !== 1) throw conflict(`deal '${deal.name}' was moved or archived by someone else just now; read it again (get_deal) and retry`);
    const updated = await ctx.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    await ctx.db.dealStageChange.create({ data: { organizationId: ctx.orgId, dealId: deal.id, fromStage: deal.stage, toStage: input.stage, changedById: ctx.actor.userId, changedAt: now } });
    const reopened = CLOSED_STAGES.has(deal.stage);
    await recordActivity(ctx, {
      subjects: [{ type: 'deal', id: deal.id }],
      kind: 'stage_changed',
      summary: `${await actorName(ctx)} ${reopened ? 'reopened and ' : ''}moved deal '${deal.name}' from ${STAGE_LABELS[deal.stage]} to ${STAGE_LABELS[input.stage]}${input.reason ? ` (${input.reason})` : ''}`,
      data: { from_stage: deal.stage, to_stage: input.stage, reason: input.reason ?? null, reopened },
    });
    return { ...(await dealView(ctx, updated)), from_stage: deal.stage };
  },
});
