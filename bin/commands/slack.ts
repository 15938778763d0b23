import { normaliseEmail } from '../../tools/access/organizations.ts';
import { connectWorkspace, linkSlackUser } from '../../bots/tenancy/workspaces.ts';
import { adminCommandEntry, type AdminSubcommands } from '../admin-command.ts';
import { findCliOrganization } from '../command-context.ts';
import { UsageError } from '../usage.ts';

const TEAM_ID = /^[TE][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Binding a workspace can move it between organisations: install-wide, so an administrative command. */
export const SLACK_SUBCOMMANDS: AdminSubcommands = {
  connect: {
    flags: ['team', 'org', 'name'],
    required: ['team', 'org'],
    async run(database, flags) {
      const teamId = slackId(flags.team!, TEAM_ID, '--team', 'a Slack team id such as T0123ABCD');
      const prisma = database.prisma;
      const organization = await findCliOrganization(prisma, flags.org);
      const previous = await prisma.slackWorkspace.findUnique({ where: { teamId }, include: { organization: { select: { slug: true } } } });
      const workspace = await connectWorkspace(prisma, { teamId, organizationId: organization.id, teamName: flags.name });
      const moved = previous && previous.organizationId !== organization.id;
      return {
        output: { team_id: workspace.teamId, organization: organization.slug, team_name: workspace.teamName },
        ...(moved ? { notice: `Moved from ${previous.organization.slug}: its channel bindings and user links for this workspace were removed.` } : {}),
      };
    },
  },
  link: {
    flags: ['team', 'slack-user', 'user', 'org'],
    required: ['team', 'slack-user', 'user', 'org'],
    async run(database, flags) {
      const teamId = slackId(flags.team!, TEAM_ID, '--team', 'a Slack team id such as T0123ABCD');
      const slackUserId = slackId(flags['slack-user']!, USER_ID, '--slack-user', 'a Slack user id such as U0123ABCD');
      const prisma = database.prisma;
      const organization = await findCliOrganization(prisma, flags.org);
      const workspace = await prisma.slackWorkspace.findUnique({ where: { teamId } });
      if (!workspace || workspace.organizationId !== organization.id) {
        throw new UsageError(`--team: ${teamId} is not connected to ${organization.slug} (run \`crescendo slack connect --team ${teamId} --org ${organization.slug}\` first)`);
      }
      const email = normaliseEmail(flags.user!);
      const membership = await prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email } } });
      if (!membership) throw new UsageError(`--user: ${email} is not a member of ${organization.slug} (add one with \`crescendo token create\`)`);
      await linkSlackUser(prisma, { organizationId: organization.id, teamId, slackUserId, userId: membership.userId });
      return { output: { team_id: teamId, slack_user: slackUserId, user: email, role: membership.role, organization: organization.slug } };
    },
  },
};

export const slackCommandEntry = adminCommandEntry('slack', SLACK_SUBCOMMANDS);

function slackId(value: string, pattern: RegExp, flag: string, what: string): string {
  const id = value.trim().toUpperCase();
  if (!pattern.test(id)) throw new UsageError(`${flag}: "${value}" is not ${what}`);
  return id;
}
