import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import type { ToolContext } from '../registry/context.ts';
import { notFound } from '../registry/errors.ts';

const PURPOSES = ['DIGESTS', 'ALERTS', 'APPROVALS'] as const;

const channelInput = {
  team_id: z.string().trim().min(1).max(50).describe('Slack workspace (team) id, e.g. T0123ABCD; it must be connected to this organisation.'),
  channel_id: z.string().trim().min(1).max(50).describe('Slack channel id, e.g. C0456EFGH.'),
};

/** The organisation's own connected workspace, or not_found (another organisation's reads the same). */
async function ownWorkspace(ctx: ToolContext, teamId: string): Promise<void> {
  const workspace = await ctx.db.slackWorkspace.findFirst({ where: { teamId }, select: { id: true } });
  if (!workspace) throw notFound('Slack workspace', teamId);
}

export const bindSlackChannel = defineTool({
  name: 'bind_slack_channel',
  title: 'Bind a Slack channel',
  description:
    'Makes a Slack channel receive the organisation\'s notifications of the given kinds (DIGESTS, ALERTS, APPROVALS; default digests and alerts). ' +
    'Changes where the organisation\'s figures are posted, so it needs an admin or owner. Binding twice changes nothing.',
  area: 'access',
  access: 'write',
  permission: 'org:admin',
  input: z.object({
    ...channelInput,
    purposes: z.array(z.enum(PURPOSES)).min(1).default(['DIGESTS', 'ALERTS']).describe('What the channel receives.'),
  }),
  output: z.object({ team_id: z.string(), channel_id: z.string(), purposes: z.array(z.enum(PURPOSES)).describe('Everything the channel now receives.') }),
  hints: { idempotent: true },
  example: { team_id: 'T0123ABCD', channel_id: 'C0456EFGH', purposes: ['DIGESTS'] },
  async handler(ctx, input) {
    await ownWorkspace(ctx, input.team_id);
    await ctx.db.slackChannelBinding.createMany({
      data: [...new Set(input.purposes)].map((purpose) => ({
        organizationId: ctx.orgId, teamId: input.team_id, channelId: input.channel_id, purpose, boundById: ctx.actor.userId,
      })),
      skipDuplicates: true,
    });
    const bound = await ctx.db.slackChannelBinding.findMany({ where: { teamId: input.team_id, channelId: input.channel_id }, select: { purpose: true } });
    return { team_id: input.team_id, channel_id: input.channel_id, purposes: PURPOSES.filter((purpose) => bound.some((row) => row.purpose === purpose)) };
  },
});

export const unbindSlackChannel = defineTool({
  name: 'unbind_slack_channel',
  title: 'Unbind a Slack channel',
  description: 'Stops a Slack channel receiving any of the organisation\'s digests, alerts or approval requests. Needs an admin or owner.',
  area: 'access',
  access: 'write',
  permission: 'org:admin',
  input: z.object(channelInput),
  output: z.object({ removed: z.int().min(0).describe('Bindings removed (0 when the channel was not bound).') }),
  hints: { idempotent: true, destructive: true },
  example: { team_id: 'T0123ABCD', channel_id: 'C0456EFGH' },
  async handler(ctx, input) {
    await ownWorkspace(ctx, input.team_id);
    const { count } = await ctx.db.slackChannelBinding.deleteMany({ where: { teamId: input.team_id, channelId: input.channel_id } });
    return { removed: count };
  },
});
