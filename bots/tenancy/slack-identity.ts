import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import type { WebClient } from '../bolt.ts';

/** Who a Slack request acts as, or why it may not act at all (the text is shown to the person). */
export type SlackIdentity =
  | { ok: true; principal: Principal; organization: { id: string; slug: string; name: string } }
  | { ok: false; reason: 'unknown_workspace' | 'unknown_user'; message: string };

/** users.info answers and workspace lookups are reused this long: a role change applies within a minute. */
const CACHE_MS = 60_000;

export const UNKNOWN_WORKSPACE_MESSAGE =
  'This Slack workspace is not connected to Crescendo yet, so I cannot show anything here. An admin connects it with `crescendo slack connect --team TEAM_ID --org ORG`.';
export const UNKNOWN_USER_MESSAGE =
  'I do not know you yet, so I cannot show you anything. Your Slack account needs a confirmed email that is a member of the connected Crescendo organisation, or an admin links it with `crescendo slack link`.';

/**
 * Maps a Slack request to a Crescendo principal: the team to the organisation it is connected to,
 * the Slack user to a member of that organisation, through an explicit link or else the
 * confirmed email users.info reports. Every request then runs as that member, with their role,
 * through the SLACK surface. Anything unresolved answers with a message and no data.
 */
export class SlackIdentities {
  private readonly cache = new Map<string, { identity: SlackIdentity; at: number }>();

  constructor(private readonly prisma: PrismaClient, private readonly now: () => number = Date.now) {}

  async resolve(client: WebClient, teamId: string | undefined, slackUserId: string | undefined): Promise<SlackIdentity> {
    if (!teamId) return { ok: false, reason: 'unknown_workspace', message: UNKNOWN_WORKSPACE_MESSAGE };
    if (!slackUserId) return { ok: false, reason: 'unknown_user', message: UNKNOWN_USER_MESSAGE };
    const key = `${teamId}:${slackUserId}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < CACHE_MS) return cached.identity;
    const identity = await this.lookUp(client, teamId, slackUserId);
    this.cache.set(key, { identity, at: this.now() });
    return identity;
  }

  /** Forgets cached answers (after `slack connect`, a link, or a role change in tests). */
  forget(): void {
    this.cache.clear();
  }

  private async lookUp(client: WebClient, teamId: string, slackUserId: string): Promise<SlackIdentity> {
    const workspace = await this.prisma.slackWorkspace.findUnique({ where: { teamId }, include: { organization: { select: { id: true, slug: true, name: true } } } });
    if (!workspace) return { ok: false, reason: 'unknown_workspace', message: UNKNOWN_WORKSPACE_MESSAGE };
    const organization = workspace.organization;
    const member = (userId: string, role: Principal['role']): SlackIdentity => ({ ok: true, organization, principal: { orgId: organization.id, userId, role, surface: 'SLACK' } });

    const link = await this.prisma.slackUserLink.findUnique({ where: { teamId_slackUserId: { teamId, slackUserId } }, include: { membership: true } });
    if (link && link.organizationId === organization.id) return member(link.userId, link.membership.role);

    const email = await confirmedEmail(client, slackUserId);
    if (!email) return { ok: false, reason: 'unknown_user', message: UNKNOWN_USER_MESSAGE };
    const membership = await this.prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email } } });
    return membership ? member(membership.userId, membership.role) : { ok: false, reason: 'unknown_user', message: UNKNOWN_USER_MESSAGE };
  }
}

/** The user's email when Slack says it is confirmed; bots and unconfirmed addresses count as unknown. */
async function confirmedEmail(client: WebClient, slackUserId: string): Promise<string | null> {
  try {
    const answer = await client.users.info({ user: slackUserId });
    const user = answer.user;
    if (!user || user.is_bot || user.is_email_confirmed !== true) return null;
    const email = user.profile?.email?.trim().toLowerCase();
    return email || null;
  } catch {
    // user_not_found, missing users:read.email scope...: the person is simply not recognised.
    return null;
  }
}
