import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { ApprovalNotice } from '../jobs/notifier.ts';
import { uuidV7 } from '../db/uuid-v7.ts';
import type { KnownBlock, WebClient } from './bolt.ts';
import { approvalRequestBlocks } from './render/approval-blocks.ts';

export interface PostedApproval {
  organizationId: string;
  teamId: string;
  channel: string;
  threadTs?: string;
}

/**
 * Approval requests posted to Slack: each post is recorded (approval id -> channel and message
 * timestamp) so that the decision and the action's result can update every copy.
 */
export class ApprovalMessages {
  constructor(private readonly prisma: PrismaClient) {}

  /** Posts the request with Approve and Reject buttons and remembers where. */
  async post(client: WebClient, where: PostedApproval, notice: ApprovalNotice): Promise<string | undefined> {
    const message = approvalRequestBlocks(notice);
    const posted = await client.chat.postMessage({ channel: where.channel, text: message.text, blocks: message.blocks, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) });
    if (posted.ts) await this.remember(where.organizationId, notice.approvalId, where.teamId, where.channel, posted.ts);
    return posted.ts;
  }

  /** Records a message that shows the request (also one posted by another path, e.g. the clicked one). */
  async remember(organizationId: string, approvalId: string, teamId: string, channel: string, messageTs: string): Promise<void> {
    await this.prisma.slackApprovalMessage.createMany({
      data: [{ id: uuidV7(), organizationId, approvalId, teamId, channelId: channel, messageTs }],
      skipDuplicates: true,
    });
  }

  /** Where the organisation's request was posted; never another organisation's messages. */
  async locations(organizationId: string, approvalId: string): Promise<Array<{ channelId: string; messageTs: string }>> {
    return this.prisma.slackApprovalMessage.findMany({ where: { organizationId, approvalId }, select: { channelId: true, messageTs: true }, orderBy: { createdAt: 'asc' } });
  }

  /** Replaces every copy of the request; returns the locations updated. */
  async updateAll(client: WebClient, organizationId: string, approvalId: string, message: { text: string; blocks: KnownBlock[] }) {
    const locations = await this.locations(organizationId, approvalId);
    for (const location of locations) {
      await client.chat.update({ channel: location.channelId, ts: location.messageTs, text: message.text, blocks: message.blocks });
    }
    return locations;
  }
}
