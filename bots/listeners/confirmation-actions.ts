import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { AgentReply } from '../../agent/agent-events.ts';
import { CANCEL_CHANGE_ACTION, CONFIRM_CHANGE_ACTION, decidedChangeMessage, parseChangeButtonValue } from '../render/confirmation-blocks.ts';
import type { SlackContext } from '../slack-context.ts';
import { runSlackTurn } from '../turns/run-slack-turn.ts';

const BUTTONS = new RegExp(`^(${CONFIRM_CHANGE_ACTION}|${CANCEL_CHANGE_ACTION})$`);

/**
 * Confirm and Cancel on a change the assistant proposed: the click is decided as the mapped member
 * (signed interaction, identity resolved as for approval buttons), the confirmed call runs once as
 * them through the registry, and the turn continues in the thread like any answer. The proposal's
 * message loses its buttons and says who decided; a second click is told it was already decided.
 */
export function registerConfirmationActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(BUTTONS, async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const identity = await ctx.identities.resolve(client, body.team?.id, body.user.id);
    if (!identity.ok) return void (await tell(identity.message));
    const target = parseChangeButtonValue(action.value ?? '');
    const channel = body.channel?.id;
    if (!target || !channel || !body.team?.id) return void (await tell('This button no longer points at a proposed change.'));
    const decision = action.action_id === CONFIRM_CHANGE_ACTION ? 'confirm' : 'cancel';
    const summary = await ctx.prisma.agentConfirmation.findFirst({ where: { id: target.confirmationId, organizationId: identity.principal.orgId }, select: { summary: true } });
    let reply: AgentReply | undefined;
    await runSlackTurn(ctx, client, {
      principal: identity.principal, slackUserId: body.user.id, teamId: body.team.id, channel, threadTs: target.threadTs, question: '',
      decision: { threadId: target.threadId, confirmationId: target.confirmationId, decision },
    }, (done) => { reply = done; });
    if (!reply?.decision) return;
    if (reply.decision.repeated) return void (await tell(reply.text));
    if (body.container?.message_ts) await client.chat.update({ channel, ts: body.container.message_ts, ...decidedChangeMessage(summary?.summary ?? 'the proposed change', reply.decision.status, body.user.id) });
  });
}
