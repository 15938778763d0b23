import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { SlackChannelPurpose } from '../db/generated/prisma/enums.ts';
import type { ApprovalNotice, ChannelPost, NotificationMessage, Notifier, PostedToChannel } from '../jobs/notifier.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ApprovalMessages } from './approval-messages.ts';
import type { WebClient } from './bolt.ts';
import { postRendered } from './post-rendered.ts';
import { approvalDecidedBlocks, approvalHeadline } from './render/approval-blocks.ts';
import { withCampaignLink } from './render/approval-notice-of-view.ts';
import { renderDigest } from './render/digest-blocks.ts';
import { renderNotification } from './render/notification-blocks.ts';
import { describeSlackFailure } from './slack-failure.ts';
import { boundChannels } from './tenancy/workspaces.ts';
import { slackUserByEmail } from './tenancy/slack-user-by-email.ts';

export interface SlackNotifierDeps {
  prisma: PrismaClient;
  /** A WebClient with the bot token (and SLACK_API_URL when set). */
  client: WebClient;
  log: Logger;
  /** The web UI's public base URL for links (campaigns, approvals), or null when none is known. */
  webUrl?: () => string | null;
  /** Told of every failed Slack call, so a refused token or an unreachable Slack shows in /health. */
  onConnectionFailure?: (error: unknown) => void;
}

/**
 * The Notifier jobs use, in Slack: digests, alerts and approval requests go to the channels the
 * organisation bound for them (`/crescendo bind`); a settled approval updates every message that
 * showed it and posts the result in its thread. One channel failing does not stop the others;
 * failures are logged, never thrown into a job that already did its work.
 */
export function createSlackNotifier(deps: SlackNotifierDeps): Notifier {
  const approvals = new ApprovalMessages(deps.prisma);

  /** Logs a failed call with what to do about it; never rethrows. */
  function failed(message: string, details: Record<string, unknown>) {
    return (error: unknown) => {
      deps.onConnectionFailure?.(error);
      const { reason, hint } = describeSlackFailure(error, deps.client.slackApiUrl);
      deps.log.error(message, { ...details, reason, hint, error: String(error) });
    };
  }

  async function eachChannel(organizationId: string, purpose: SlackChannelPurpose, send: (channel: { teamId: string; channelId: string }) => Promise<unknown>): Promise<void> {
    for (const channel of await boundChannels(deps.prisma, organizationId, purpose)) {
      await send(channel).catch(failed('slack notification failed', { organizationId, purpose, channel: channel.channelId }));
    }
  }

  const broadcast = (purpose: SlackChannelPurpose) => async (organizationId: string, message: NotificationMessage) => {
    const rendered = message.digest ? renderDigest(message.digest, message.summary, deps.webUrl?.() ?? null) : renderNotification(message);
    await eachChannel(organizationId, purpose, ({ channelId }) => postRendered(deps.client, channelId, rendered));
  };

  return {
    digest: broadcast('DIGESTS'),
    alerts: broadcast('ALERTS'),
    async approvalRequested(organizationId: string, notice: ApprovalNotice) {
      const approval = withCampaignLink(notice, deps.webUrl?.() ?? null);
      await eachChannel(organizationId, 'APPROVALS', ({ teamId, channelId }) => approvals.post(deps.client, { organizationId, teamId, channel: channelId }, approval));
    },
    async direct(organizationId, email, message) {
      const person = await slackUserByEmail(deps.prisma, deps.client, organizationId, email).catch((error: unknown) => {
        failed('finding a slack user failed', { organizationId })(error);
        return null;
      });
      if (!person) return deps.log.warn('no slack user for a direct message', { organizationId, title: message.title });
      await postRendered(deps.client, person, renderNotification(message)).catch(failed('slack direct message failed', { organizationId }));
    },
    postToChannel: (organizationId, post) => postToChannel(deps, organizationId, post),
    async approvalSettled(organizationId, notice) {
      const approval = withCampaignLink(notice, deps.webUrl?.() ?? null);
      const request = await deps.prisma.approvalRequest.findFirst({ where: { id: approval.approvalId, organizationId }, select: { decidedById: true } });
      const decider = request?.decidedById ? await deps.prisma.user.findUnique({ where: { id: request.decidedById }, select: { email: true } }) : null;
      const message = approvalDecidedBlocks(approval, approval.status, { decidedBy: decider?.email ?? null, result: approval.result ?? null });
      const locations = await approvals.updateAll(deps.client, organizationId, approval.approvalId, message).catch((error: unknown) => {
        failed('updating slack approval messages failed', { organizationId, approvalId: approval.approvalId })(error);
        return [];
      });
      if (approval.status === 'REJECTED') return;
      const headline = approvalHeadline(approval);
      const outcome = approval.status === 'EXECUTED' ? `:white_check_mark: Done: ${approval.result ?? headline}` : `:warning: Failed: ${headline}: ${approval.result ?? 'no details'}`;
      for (const location of locations) {
        await deps.client.chat
          .postMessage({ channel: location.channelId, thread_ts: location.messageTs, text: outcome })
          .catch(failed('posting an approval result failed', { organizationId, approvalId: approval.approvalId }));
      }
    },
  };
}

/**
 * The message in the channel, then its file (files.getUploadURLExternal, the upload,
 * files.completeUploadExternal) in the message's thread. A #name is posted to as is (Slack
 * resolves it) and the id Slack answers is where the file goes. Only an organisation with its own
 * connected workspace posts: the bot's token must not carry one organisation's figures into another's.
 */
async function postToChannel(deps: SlackNotifierDeps, organizationId: string, post: ChannelPost): Promise<PostedToChannel> {
  const workspace = await deps.prisma.slackWorkspace.findFirst({ where: { organizationId }, select: { teamId: true } });
  if (!workspace) throw new Error('No Slack workspace is connected to this organisation: install the Slack app for it first.');
  const rendered = renderNotification(post.message);
  try {
    const posted = await deps.client.chat.postMessage({ channel: post.channel, text: rendered.text, blocks: rendered.blocks });
    const channel = String(posted.channel ?? post.channel);
    if (!post.file) return { channel, ts: posted.ts ?? null, fileId: null };
    const uploaded = await deps.client.filesUploadV2({
      channel_id: channel,
      ...(posted.ts ? { thread_ts: posted.ts } : {}),
      file: post.file.bytes,
      filename: post.file.filename,
      title: post.file.title ?? post.file.filename,
    } as Parameters<WebClient['filesUploadV2']>[0]);
    const files = (uploaded as { files?: Array<{ files?: Array<{ id?: string }> }> }).files ?? [];
    return { channel, ts: posted.ts ?? null, fileId: files[0]?.files?.[0]?.id ?? null };
  } catch (error) {
    deps.onConnectionFailure?.(error);
    const { reason, hint } = describeSlackFailure(error, deps.client.slackApiUrl);
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (slackError === 'not_in_channel' || slackError === 'channel_not_found') {
      throw new Error(`${reason}: invite the Crescendo app to ${post.channel} (\`/invite @Crescendo\` in the channel), or check the channel's name`);
    }
    throw new Error(`${reason}: ${hint}`);
  }
}
