import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { WebClient } from '../bolt.ts';

/**
 * The Slack user to message for an email, within the organisation's own workspaces: an explicit
 * link (`crescendo slack link`) of the member with that email first, else Slack's lookup by email,
 * kept only when the person is in a workspace bound to this organisation. Null when neither knows them.
 */
export async function slackUserByEmail(prisma: PrismaClient, client: WebClient, organizationId: string, email: string): Promise<string | null> {
  const linked = await prisma.slackUserLink.findFirst({
    where: { organizationId, membership: { user: { email: { equals: email.trim(), mode: 'insensitive' } } } },
    select: { slackUserId: true },
    orderBy: { createdAt: 'asc' },
  });
  if (linked) return linked.slackUserId;
  const teams = new Set((await prisma.slackWorkspace.findMany({ where: { organizationId }, select: { teamId: true } })).map((workspace) => workspace.teamId));
  if (teams.size === 0) return null;
  const found = await client.users.lookupByEmail({ email: email.trim() }).catch((error: { data?: { error?: string } }) => {
    if (error.data?.error === 'users_not_found') return null;
    throw error;
  });
  const user = found?.user;
  return user?.id && user.team_id && teams.has(user.team_id) && !user.deleted && !user.is_bot ? user.id : null;
}
