import { normaliseEmail } from '../../tools/access/organizations.ts';
import { connectWorkspace, linkSlackUser } from '../../bots/tenancy/workspaces.ts';
import { resolveOrganization } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, printJson, required, UsageError } from '../usage.ts';


const TEAM_ID = /^[TE][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

export async function slackCommand(runtime: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'connect': return connect(runtime, rest);
    case 'link': return link(runtime, rest);
    default: throw new UsageError(commandUsage('slack'));
  }
}

async function connect(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { team: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' } });
  const teamId = slackId(required(values.team, '--team'), TEAM_ID, '--team', 'a Slack team id such as T0123ABCD');
  const organization = await resolveOrganization(runtime, values.org);
  const previous = await runtime.database.prisma.slackWorkspace.findUnique({ where: { teamId }, include: { organization: { select: { slug: true } } } });
  const workspace = await connectWorkspace(runtime.database.prisma, { teamId, organizationId: organization.id, teamName: values.name });
  printJson({ team_id: workspace.teamId, organization: organization.slug, team_name: workspace.teamName });
  if (previous && previous.organizationId !== organization.id) {
    process.stderr.write(`Moved from ${previous.organization.slug}: its channel bindings and user links for this workspace were removed.\n`);
  }
  return 0;
}

async function link(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { team: { type: 'string' }, 'slack-user': { type: 'string' }, user: { type: 'string' }, org: { type: 'string' } });
  const teamId = slackId(required(values.team, '--team'), TEAM_ID, '--team', 'a Slack team id such as T0123ABCD');
  const slackUserId = slackId(required(values['slack-user'], '--slack-user'), USER_ID, '--slack-user', 'a Slack user id such as U0123ABCD');
  const organization = await resolveOrganization(runtime, values.org);
  const prisma = runtime.database.prisma;
  const workspace = await prisma.slackWorkspace.findUnique({ where: { teamId } });
  if (!workspace || workspace.organizationId !== organization.id) {
    throw new UsageError(`--team: ${teamId} is not connected to ${organization.slug} (run \`crescendo slack connect --team ${teamId} --org ${organization.slug}\` first)`);
  }
  const email = normaliseEmail(required(values.user, '--user'));
  const membership = await prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email } } });
  if (!membership) throw new UsageError(`--user: ${email} is not a member of ${organization.slug} (add one with \`crescendo token create\`)`);
  await linkSlackUser(prisma, { organizationId: organization.id, teamId, slackUserId, userId: membership.userId });
  printJson({ team_id: teamId, slack_user: slackUserId, user: email, role: membership.role, organization: organization.slug });
  return 0;
}

function slackId(value: string, pattern: RegExp, flag: string, what: string): string {
  const id = value.trim().toUpperCase();
  if (!pattern.test(id)) throw new UsageError(`${flag}: "${value}" is not ${what}`);
  return id;
}
