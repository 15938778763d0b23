import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import type { WebClient } from '../bolt.ts';
import { APPROVE_ACTION, approvalDecidedBlocks, REJECT_ACTION, type ApprovalOutcome } from '../render/approval-blocks.ts';
import { noticeOfView } from '../render/approval-notice-of-view.ts';
import { outcomeWords } from '../../tools/approvals/outcome-words.ts';
import type { SlackContext } from '../slack-context.ts';

const BUTTONS = new RegExp(`^(${APPROVE_ACTION}|${REJECT_ACTION})$`);

/**
 * Approve and Reject buttons: a click decides the request through the registry as the mapped
 * member (surface SLACK, so the role, tenancy and "not your own request" rules apply; the
 * conditional update lets only one decision win), then every message showing the request is
 * updated. The action itself runs in the executor job, whose notifier posts the result.
 */
export function registerApprovalActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(BUTTONS, async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const identity = await ctx.identities.resolve(client, body.team?.id, body.user.id);
    if (!identity.ok) return void (await tell(identity.message));
    const decision = action.action_id === APPROVE_ACTION ? 'approve' : 'reject';
    const result = await ctx.runner.call('decide_approval', { approval_id: action.value ?? '', decision }, identity.principal);
    if (!result.ok) return void (await tell(`Could not ${decision} it: ${result.error.message}`));

    const view = result.output as ApprovalView;
    const orgId = identity.principal.orgId;
    const ephemeral = body.container?.is_ephemeral === true;
    if (!ephemeral && body.channel?.id && body.container?.message_ts && body.team?.id) {
      await ctx.approvals.remember(orgId, view.id, body.team.id, body.channel.id, body.container.message_ts);
    }
    await showDecision(ctx, client, orgId, view);
    if (ephemeral) await respond({ replace_original: true, ...approvalDecidedBlocks(noticeOfView(view, ctx.webUrl()), outcomeOf(view), { decidedBy: view.decided_by }) });
  });
}

/**
 * Updates every copy of the request to its decision. The executor may settle the request while
 * this runs and update the messages itself; re-reading after the update and showing a settled
 * state then makes sure the final state is the one left on screen.
 */
async function showDecision(ctx: SlackContext, client: WebClient, orgId: string, view: ApprovalView): Promise<void> {
  const notice = noticeOfView(view, ctx.webUrl());
  // What the action did in its tool's words (never its raw result, which is ids); why it failed.
  const render = (current: { status: string; result: unknown; error: string | null }) =>
    approvalDecidedBlocks(notice, outcomeOf({ status: current.status.toLowerCase() }), {
      decidedBy: view.decided_by,
      result: current.status === 'FAILED' ? current.error : current.status === 'EXECUTED' ? (outcomeWords(ctx.runner.catalogue, view.action, current.result) ?? null) : null,
    });
  await ctx.approvals.updateAll(client, orgId, view.id, render({ status: view.status.toUpperCase(), result: null, error: null }));
  const now = await ctx.prisma.approvalRequest.findFirst({ where: { id: view.id, organizationId: orgId }, select: { status: true, result: true, error: true } });
  if (now && (now.status === 'EXECUTED' || now.status === 'FAILED')) await ctx.approvals.updateAll(client, orgId, view.id, render(now));
}

function outcomeOf(view: { status: string }): ApprovalOutcome {
  switch (view.status) {
    case 'rejected': return 'REJECTED';
    case 'executed': return 'EXECUTED';
    case 'failed': return 'FAILED';
    default: return 'APPROVED';
  }
}
