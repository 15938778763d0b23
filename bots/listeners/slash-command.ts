import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { digestSummary } from '../../jobs/handlers/digest-message.ts';
import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import { noticeOfView } from '../render/approval-notice-of-view.ts';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import { can } from '../../tools/registry/roles.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import type { KnownBlock, WebClient } from '../bolt.ts';
import { postRendered } from '../post-rendered.ts';
import { approvalRequestBlocks } from '../render/approval-blocks.ts';
import { renderDigest } from '../render/digest-blocks.ts';
import { capBlocks, context, escapeMrkdwn, section } from '../render/slack-limits.ts';
import type { SlackContext } from '../slack-context.ts';
import { CHANNEL_PURPOSES } from '../tenancy/workspaces.ts';
import { runSlackTurn } from '../turns/run-slack-turn.ts';
import { createTaskFromSlack } from './task-command.ts';

export const SLASH_COMMAND = '/crescendo';

export const HELP_TEXT = [
  '*Crescendo* answers questions about your campaigns, spend and attribution. Mention me in a channel or send me a DM; I answer in the thread, and the thread is the conversation.',
  '`/crescendo help`: this message',
  '`/crescendo ask QUESTION`: ask in this channel without a mention; I post your question and answer in its thread',
  '`/crescendo digest`: the daily digest, now, in this channel',
  '`/crescendo approvals`: pending approval requests, with Approve and Reject buttons',
  '`/crescendo task TITLE [due tomorrow|friday|YYYY-MM-DD]`: a CRM task for you',
  '`/crescendo bind [digests|alerts|approvals|all]`: this channel receives the organisation\'s digests and alerts (default), approval requests, or all three (admins and owners)',
  '`/crescendo unbind`: this channel stops receiving them',
].join('\n');

export const ASK_USAGE = 'Write the question after `ask`, for example: `/crescendo ask how are our vendors delivering this month?`';
export const NOT_IN_CHANNEL = "I can't post in this channel yet: invite me with `/invite @Crescendo`, or ask me in a direct message.";

type Purpose = (typeof CHANNEL_PURPOSES)[number];
const PURPOSE_WORDS: Record<string, Purpose[]> = { digests: ['DIGESTS'], alerts: ['ALERTS'], approvals: ['APPROVALS'], all: [...CHANNEL_PURPOSES] };

/** `/crescendo help | ask | digest | approvals | task | bind | unbind`: everything after the ack runs as the mapped member. */
export function registerSlashCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const [subcommand = 'help', ...rest] = command.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (subcommand === 'help') return void (await ack({ response_type: 'ephemeral', text: HELP_TEXT }));
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    const identity = await ctx.identities.resolve(client, command.team_id, command.user_id);
    if (!identity.ok) return void (await tell(identity.message));
    const principal = identity.principal;
    switch (subcommand) {
      case 'ask': return askInChannel(ctx, client, command, principal, respond);
      case 'digest': return digest(ctx, client, command, principal, respond);
      case 'approvals': return pendingApprovals(ctx, principal, respond);
      case 'task': return createTaskFromSlack(ctx, command, principal, respond);
      case 'bind': return bind(ctx, command, principal, rest, respond);
      case 'unbind': {
        if (!can(principal.role, 'org:admin')) return void (await tell(`Unbinding a channel needs an admin or owner; you are ${principal.role}.`));
        const result = await ctx.runner.call('unbind_slack_channel', { team_id: command.team_id, channel_id: command.channel_id }, principal);
        if (!result.ok) return void (await tell(`Could not unbind this channel: ${result.error.message}`));
        return void (await tell((result.output as { removed: number }).removed ? 'This channel no longer receives digests, alerts or approval requests.' : 'This channel was not bound.'));
      }
      default: return void (await tell(`Unknown command "${subcommand}".\n${HELP_TEXT}`));
    }
  });
}

/**
 * `/crescendo ask QUESTION`: a slash command leaves no message to answer under, so the bot posts the
 * question in the channel and runs the turn in that message's thread (the thread is the conversation).
 */
async function askInChannel(ctx: SlackContext, client: WebClient, command: SlashCommand, principal: Principal, respond: RespondFn): Promise<void> {
  const question = command.text.trim().replace(/^ask\b/i, '').trim();
  if (!question) return void (await respond({ response_type: 'ephemeral', text: ASK_USAGE }));
  let posted: { ts?: string };
  try {
    posted = await client.chat.postMessage({ channel: command.channel_id, text: `<@${command.user_id}> asked: ${escapeMrkdwn(question)}` });
  } catch (error) {
    ctx.log.warn('posting an asked question failed', { channel: command.channel_id, error: String(error) });
    return void (await respond({ response_type: 'ephemeral', text: NOT_IN_CHANNEL }));
  }
  await runSlackTurn(ctx, client, { principal, slackUserId: command.user_id, teamId: command.team_id, channel: command.channel_id, threadTs: posted.ts!, question });
}

async function digest(ctx: SlackContext, client: WebClient, command: SlashCommand, principal: Principal, respond: RespondFn): Promise<void> {
  const result = await ctx.runner.call('daily_digest', {}, principal);
  if (!result.ok) {
    const text = result.error.code === 'not_found' && /no tool named/i.test(result.error.message) ? 'The daily digest is not available in this version of Crescendo.' : `The digest failed: ${result.error.message}`;
    return void (await respond({ response_type: 'ephemeral', text }));
  }
  const output = result.output as DailyDigest;
  const rendered = renderDigest(output, digestSummary(output), ctx.webUrl());
  try {
    await postRendered(client, command.channel_id, rendered);
  } catch (error) {
    // The bot is not in this channel (not_in_channel): the command's response URL still reaches it, without charts.
    ctx.log.warn('posting the digest to the channel failed; answering through the command', { channel: command.channel_id, error: String(error) });
    await respond({ response_type: 'in_channel', text: rendered.text, blocks: rendered.blocks });
  }
}

/** The pending requests the member may see, with their buttons, answered privately. */
export async function pendingApprovals(ctx: SlackContext, principal: Principal, respond: RespondFn): Promise<void> {
  const result = await ctx.runner.call('list_approvals', { status: 'pending', limit: 10 }, principal);
  if (!result.ok) return void (await respond({ response_type: 'ephemeral', text: `Could not list approvals: ${result.error.message}` }));
  const { rows, next_cursor: more } = result.output as { rows: ApprovalView[]; next_cursor: string | null };
  if (!rows.length) return void (await respond({ response_type: 'ephemeral', text: 'No approval requests are waiting.' }));
  const blocks: KnownBlock[] = [section(`*${rows.length}${more ? '+' : ''} approval request${rows.length === 1 ? '' : 's'} waiting*`)];
  for (const row of rows) {
    blocks.push({ type: 'divider' }, ...approvalRequestBlocks(noticeOfView(row, ctx.webUrl()), { ownRequest: row.requested_by_you, mayDecide: can(principal.role, 'approvals:decide') }).blocks);
  }
  if (more) blocks.push(context('More are waiting: decide these first, or open the approvals inbox.'));
  await respond({ response_type: 'ephemeral', text: `${rows.length} approval requests waiting`, blocks: capBlocks(blocks) });
}

async function bind(ctx: SlackContext, command: SlashCommand, principal: Principal, words: string[], respond: RespondFn): Promise<void> {
  const tell = (text: string) => respond({ response_type: 'ephemeral', text });
  if (!can(principal.role, 'org:admin')) return void (await tell(`Binding a channel changes where the organisation's notifications go, so it needs an admin or owner; you are ${principal.role}.`));
  const unknown = words.filter((word) => !PURPOSE_WORDS[word]);
  if (unknown.length) return void (await tell(`Unknown kind "${unknown[0]}": use digests, alerts, approvals or all.`));
  const purposes = words.length ? [...new Set(words.flatMap((word) => PURPOSE_WORDS[word]!))] : (['DIGESTS', 'ALERTS'] as Purpose[]);
  // The tool owns the rule and leaves an audit row; the role check above only words the refusal for Slack.
  const result = await ctx.runner.call('bind_slack_channel', { team_id: command.team_id, channel_id: command.channel_id, purposes }, principal);
  if (!result.ok) return void (await tell(`Could not bind this channel: ${result.error.message}`));
  const kinds = purposes.map((purpose) => purpose.toLowerCase()).join(', ');
  await respond({ response_type: 'in_channel', text: `This channel now receives the organisation's ${kinds}. (Invite me with \`/invite @Crescendo\` if I am not in it yet.)` });
}
