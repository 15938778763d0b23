import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { escapeMrkdwn } from '../render/slack-limits.ts';
import { askModal, DIGEST_ASK_VIEW, QUESTION_BLOCK, QUESTION_INPUT, type AskTarget } from '../render/ask-modal.ts';
import { DIGEST_APPROVALS_ACTION, DIGEST_ASK_ACTION } from '../render/digest-blocks.ts';
import type { SlackContext } from '../slack-context.ts';
import { runSlackTurn } from '../turns/run-slack-turn.ts';
import { pendingApprovals } from './slash-command.ts';

/**
 * The digest's buttons. "Open approvals" is a link when the web UI's URL is known (Slack still
 * reports the click, which is acknowledged) and otherwise lists the requests privately. "Ask about
 * this" opens a question box; the question and its answer go in the digest's thread, which is
 * then a conversation like any other.
 */
export function registerDigestActions(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(DIGEST_APPROVALS_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (action.url) return;
    const identity = await ctx.identities.resolve(client, body.team?.id, body.user.id);
    if (!identity.ok) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: identity.message }));
    await pendingApprovals(ctx, identity.principal, (message) => respond({ ...(typeof message === 'string' ? { text: message } : message), replace_original: false }));
  });

  app.action<BlockButtonAction>(DIGEST_ASK_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const channel = body.channel?.id ?? body.container.channel_id;
    const messageTs = body.message?.ts ?? body.container.message_ts;
    await client.views.open({ trigger_id: body.trigger_id, view: askModal({ channel, messageTs, date: action.value ?? 'today' }) });
  });

  app.view<ViewSubmitAction>(DIGEST_ASK_VIEW, async ({ ack, body, view, client }) => {
    const question = view.state.values[QUESTION_BLOCK]?.[QUESTION_INPUT]?.value?.trim() ?? '';
    if (!question) return void (await ack({ response_action: 'errors', errors: { [QUESTION_BLOCK]: 'Write a question first.' } }));
    await ack();
    const target = JSON.parse(view.private_metadata) as AskTarget;
    const teamId = body.team?.id ?? body.user.team_id;
    const identity = await ctx.identities.resolve(client, teamId, body.user.id);
    if (!identity.ok) return void (await client.chat.postEphemeral({ channel: target.channel, user: body.user.id, thread_ts: target.messageTs, text: identity.message }));
    await client.chat.postMessage({ channel: target.channel, thread_ts: target.messageTs, text: `<@${body.user.id}> asked: ${escapeMrkdwn(question)}` });
    await runSlackTurn(ctx, client, {
      principal: identity.principal, slackUserId: body.user.id, teamId: teamId!, channel: target.channel, threadTs: target.messageTs,
      question: `About the daily digest of ${target.date}: ${question}`,
    });
  });
}
