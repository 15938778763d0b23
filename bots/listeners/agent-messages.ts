import type { App } from '@slack/bolt';
import type { WebClient } from '../bolt.ts';
import { threadKey, type SlackContext } from '../slack-context.ts';
import { runSlackTurn } from '../turns/run-slack-turn.ts';

const EMPTY_QUESTION = 'Ask me something after the mention, for example: "how are our vendors delivering this month?"';

interface IncomingMessage {
  teamId: string | undefined;
  channel: string;
  user: string | undefined;
  text: string;
  ts: string;
  /** The thread the answer goes to (the message's own ts when it started one). */
  threadTs: string;
}

/**
 * @mentions and direct messages go to the agent (runSlackTurn: a working message, then the
 * answer in its place); the answer lands in the message's thread, and the thread is the conversation: a later message there (a mention, any DM reply, or a reply in
 * a channel thread the agent already answers in) continues it.
 */
export function registerAgentMessages(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, body, client }) => {
    await answer(ctx, client, { teamId: body.team_id, channel: event.channel, user: event.user, text: event.text, ts: event.ts, threadTs: event.thread_ts ?? event.ts });
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.subtype !== undefined || !('user' in message) || !message.user || ('bot_id' in message && message.bot_id)) return;
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    const incoming = { teamId: body.team_id, channel: message.channel, user: message.user, text, ts: message.ts, threadTs: ('thread_ts' in message && message.thread_ts) || message.ts };
    if (message.channel_type === 'im') return answer(ctx, client, incoming);
    // In channels only thread replies without a mention (mentions arrive as app_mention), in threads the agent is part of.
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    if (!threadTs || !incoming.teamId || (context.botUserId && text.includes(`<@${context.botUserId}>`))) return;
    const identity = await ctx.identities.resolve(client, incoming.teamId, message.user);
    if (!identity.ok) return;
    const known = await ctx.prisma.agentThread.findFirst({ where: { organizationId: identity.principal.orgId, externalKey: threadKey(incoming.teamId, message.channel, threadTs) }, select: { id: true } });
    if (known) await answer(ctx, client, incoming);
  });
}

async function answer(ctx: SlackContext, client: WebClient, message: IncomingMessage): Promise<void> {
  const { channel, threadTs } = message;
  const identity = await ctx.identities.resolve(client, message.teamId, message.user);
  if (!identity.ok) {
    await client.chat.postEphemeral({ channel, user: message.user ?? '', text: identity.message, thread_ts: threadTs });
    return;
  }
  const question = withoutMentions(message.text);
  if (!question) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: EMPTY_QUESTION });
    return;
  }
  await runSlackTurn(ctx, client, { principal: identity.principal, slackUserId: message.user!, teamId: message.teamId!, channel, threadTs, question });
}

/** The question without `<@U123>` mentions (the bot's own, mostly). */
export function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').replace(/\s+/g, ' ').trim();
}
