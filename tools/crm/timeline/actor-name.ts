import type { ToolContext } from '../../registry/context.ts';

/** How the person making a change is named on the timeline: their name, else their email, else what acted. */
export async function actorName(ctx: Pick<ToolContext, 'db' | 'actor'>): Promise<string> {
  if (ctx.actor.userId) return (await memberNames(ctx, [ctx.actor.userId])).get(ctx.actor.userId) ?? ctx.actor.email ?? 'A member';
  return ctx.actor.surface === 'JOB' ? 'Crescendo (a scheduled job)' : 'Crescendo';
}

/** Display names (name, else email) of members of this organisation, by user id; ids of non-members are absent. */
export async function memberNames(ctx: Pick<ToolContext, 'db'>, userIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return new Map();
  const members = await ctx.db.membership.findMany({ where: { userId: { in: wanted } }, select: { userId: true, user: { select: { name: true, email: true } } } });
  return new Map(members.map((member) => [member.userId, member.user.name ?? member.user.email]));
}
