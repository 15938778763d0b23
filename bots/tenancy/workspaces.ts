import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { SlackChannelPurpose } from '../../db/generated/prisma/enums.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';

export const CHANNEL_PURPOSES = ['DIGESTS', 'ALERTS', 'APPROVALS'] as const satisfies readonly SlackChannelPurpose[];

/**
 * Binds a Slack workspace to an organisation. Rebinding it to another organisation removes the
 * old organisation's channel bindings and user links with it (they belong to that organisation).
 */
export async function connectWorkspace(prisma: PrismaClient, input: { teamId: string; organizationId: string; teamName?: string | null }) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.slackWorkspace.findUnique({ where: { teamId: input.teamId } });
    if (existing && existing.organizationId !== input.organizationId) await tx.slackWorkspace.delete({ where: { id: existing.id } });
    if (existing && existing.organizationId === input.organizationId) {
      return tx.slackWorkspace.update({ where: { id: existing.id }, data: { teamName: input.teamName ?? existing.teamName } });
    }
    return tx.slackWorkspace.create({ data: { id: uuidV7(), organizationId: input.organizationId, teamId: input.teamId, teamName: input.teamName ?? null } });
  });
}

/** Links a Slack user to a member explicitly (their Slack email differs, or is not confirmed). */
export async function linkSlackUser(prisma: PrismaClient, input: { organizationId: string; teamId: string; slackUserId: string; userId: string }) {
  return prisma.slackUserLink.upsert({
    where: { teamId_slackUserId: { teamId: input.teamId, slackUserId: input.slackUserId } },
    create: { id: uuidV7(), ...input },
    update: { organizationId: input.organizationId, userId: input.userId },
  });
}

/** Channels bound for a purpose, with their workspace. */
export async function boundChannels(prisma: PrismaClient, organizationId: string, purpose: SlackChannelPurpose): Promise<Array<{ teamId: string; channelId: string }>> {
  return prisma.slackChannelBinding.findMany({ where: { organizationId, purpose }, select: { teamId: true, channelId: true }, orderBy: { createdAt: 'asc' } });
}
