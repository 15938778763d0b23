import type { AgentReply } from '../../agent/agent-events.ts';
import { ToolError } from '../../tools/registry/errors.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import type { WebClient } from '../bolt.ts';
import { uploadCharts } from '../files/upload-charts.ts';
import { renderAnswer } from '../render/answer-blocks.ts';
import { cancelledMessage, THINKING, workingMessage } from '../render/status-blocks.ts';
import { threadKey, type SlackContext } from '../slack-context.ts';
import { toolActivity } from './tool-activity.ts';
import type { ConfirmationDecision } from '../../agent/confirmations/confirmation-store.ts';
import { confirmationMessage } from '../render/confirmation-blocks.ts';

/** Told, privately, to someone who asks in a thread where the agent is still answering. */
export const STILL_WORKING = "I'm still working on the last question in this thread. I'll answer it first; ask again once it's answered, or press Cancel on it.";

export interface SlackTurnRequest {
  principal: Principal;
  /** The Slack user who asked (the one who may cancel). */
  slackUserId: string;
  teamId: string;
  channel: string;
  /** The thread the conversation lives in. */
  threadTs: string;
  question: string;
  /** Continue the thread's turn with a decision on a proposed change instead of asking a question. */
  decision?: { threadId: string; confirmationId: string; decision: ConfirmationDecision };
}

/**
 * One agent turn in a Slack thread that shows it is alive: a working message with a Cancel button
 * says what the agent does as tools run (chat.update), the answer replaces it, charts follow in
 * the thread, approval requests the turn filed are posted with their buttons, and changes the
 * agent proposed are posted with Confirm and Cancel (nothing changes until one is pressed). A second
 * question in the same thread while this runs is told to wait.
 */
export async function runSlackTurn(ctx: SlackContext, client: WebClient, request: SlackTurnRequest, onReply?: (reply: AgentReply) => void): Promise<void> {
  const { channel, threadTs, slackUserId } = request;
  const key = threadKey(request.teamId, channel, threadTs);
  const turn = ctx.turns.begin(key, slackUserId);
  if (!turn) {
    await client.chat.postEphemeral({ channel, user: slackUserId, thread_ts: threadTs, text: STILL_WORKING });
    return;
  }
  try {
    const working = await client.chat.postMessage({ channel, thread_ts: threadTs, ...workingMessage(THINKING, key) });
    const messageTs = working.ts!;
    const replace = (message: { text: string; blocks: unknown[] }) => client.chat.update({ channel, ts: messageTs, text: message.text, blocks: message.blocks as never });
    try {
      const reply = await streamWithProgress(ctx, request, key, turn.controller.signal, (activity) => replace(workingMessage(activity, key)));
      if (reply.status === 'cancelled' && turn.cancelledBy) {
        await replace(cancelledMessage(turn.cancelledBy));
        return;
      }
      const rendered = renderAnswer(reply.text);
      await replace(rendered);
      if (rendered.charts.length) await uploadCharts(client, rendered.charts, { channel, threadTs });
      await postApprovals(ctx, client, request, reply);
      for (const confirmation of reply.confirmations ?? []) await client.chat.postMessage({ channel, thread_ts: threadTs, ...confirmationMessage(confirmation, threadTs) });
      onReply?.(reply);
    } catch (error) {
      const text = error instanceof ToolError ? error.message : 'Something failed on our side while answering; it has been logged. Please try again.';
      if (!(error instanceof ToolError)) ctx.log.error('slack answer failed', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      await replace({ text, blocks: [] });
    }
  } finally {
    ctx.turns.end(key, turn);
  }
}

/** Runs the turn, telling `onActivity` each time what it does changes; resolves with the reply. */
async function streamWithProgress(ctx: SlackContext, request: SlackTurnRequest, key: string, abortSignal: AbortSignal, onActivity: (activity: string) => Promise<unknown>): Promise<AgentReply> {
  let shown = THINKING;
  // The agent knows it answers in this Slack thread (and writes for Slack).
  const context = { slack: { channelId: request.channel, threadTs: request.threadTs } };
  const events = request.decision
    ? ctx.agent.decide({ principal: request.principal, ...request.decision, context, abortSignal })
    : ctx.agent.stream({ principal: request.principal, message: request.question, thread: { externalKey: key }, context, abortSignal });
  for await (const event of events) {
    if (event.type === 'done') return event.reply;
    if (event.type !== 'tool-call') continue;
    const activity = toolActivity(ctx.runner.catalogue, event.name);
    if (activity === shown) continue;
    shown = activity;
    // A failed progress update must not cost the person their answer.
    await onActivity(activity).catch((error: unknown) => ctx.log.warn('updating the working message failed', { error: String(error) }));
  }
  throw new Error('the agent stream ended without a reply');
}

async function postApprovals(ctx: SlackContext, client: WebClient, request: SlackTurnRequest, reply: AgentReply): Promise<void> {
  for (const approval of reply.approvals) {
    const call = reply.toolCalls.find((candidate) => candidate.ok && (candidate.output as { approval_id?: string } | undefined)?.approval_id === approval.approval_id);
    await ctx.approvals.post(
      client,
      { organizationId: request.principal.orgId, teamId: request.teamId, channel: request.channel, threadTs: request.threadTs },
      { approvalId: approval.approval_id, action: call?.name ?? 'action', preview: approval.preview, requestedBy: null, approveUrl: approval.approve_url },
    );
  }
}
