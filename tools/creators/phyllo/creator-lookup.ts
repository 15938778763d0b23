import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import { fromDbNetwork, NETWORKS } from '../networks.ts';

export async function requireCreator(ctx: ToolContext, creatorId: string) {
  const creator = await ctx.db.creator.findUnique({
    where: { organizationId_id: { organizationId: ctx.orgId, id: creatorId } },
    select: { id: true, handle: true, phylloUserId: true, isActive: true, contact: { select: { name: true } } },
  });
  if (!creator) throw notFound('creator', creatorId);
  return creator;
}

export const platformState = z.object({
  network: z.enum(NETWORKS),
  handle: z.string(),
  connection: z.enum(['not_connected', 'connected', 'disconnected', 'error']),
  error: z.string().nullable().describe("Why the last sync of this account failed, in Phyllo's words."),
  phyllo_account_id: z.string().nullable(),
  followers: z.number().int().nullable(),
  engagement_rate: z.number().nullable().describe('Interactions per follower per post, 0..1.'),
  last_synced_at: z.string().nullable(),
});
export type PlatformState = z.infer<typeof platformState>;

export async function platformStates(ctx: ToolContext, creatorId: string): Promise<PlatformState[]> {
  const rows = await ctx.db.creatorPlatform.findMany({ where: { creatorId }, orderBy: { network: 'asc' } });
  return rows.map((row) => ({
    network: fromDbNetwork(row.network),
    handle: row.handle,
    connection: row.connection.toLowerCase() as PlatformState['connection'],
    error: row.connectionError,
    phyllo_account_id: row.phylloAccountId,
    followers: row.followers,
    engagement_rate: row.engagementRate === null ? null : Number(row.engagementRate),
    last_synced_at: row.lastSyncedAt?.toISOString() ?? null,
  }));
}
