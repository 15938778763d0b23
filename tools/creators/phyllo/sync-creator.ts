import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { NETWORKS } from '../networks.ts';
import { platformState, platformStates, requireCreator } from './creator-lookup.ts';
import { syncCreatorFromPhyllo } from './creator-sync.ts';
import { phylloClient } from './phyllo-services.ts';

/** The job that syncs one creator (jobs/creators/creator-sync-job.ts runs it through this tool, with wait). */
export const CREATOR_SYNC_JOB = 'creators.sync';

/** Phyllo's webhook events the route passes on. */
export const PHYLLO_EVENTS = ['ACCOUNTS.CONNECTED', 'ACCOUNTS.DISCONNECTED', 'PROFILES.UPDATED', 'CONTENTS.ADDED', 'CONTENTS.UPDATED'] as const;
export type PhylloEvent = (typeof PHYLLO_EVENTS)[number];

const syncedPlatform = z.object({
  network: z.enum(NETWORKS),
  handle: z.string(),
  phyllo_account_id: z.string(),
  connection: z.enum(['connected', 'disconnected', 'error']),
  error: z.string().nullable(),
  followers: z.number().int().nullable(),
  engagement_rate: z.number().nullable(),
  posts_synced: z.number().int().describe('Posts read from Phyllo in this sync.'),
  audience_slices: z.number().int().describe('Audience rows stored for today (age, gender, country, city).'),
});

const output = z.object({
  creator_id: z.string(),
  handle: z.string(),
  status: z.enum(['queued', 'synced', 'disconnected']).describe('queued: the sync job will run shortly; synced: it ran in this call (wait); disconnected: a Phyllo event marked an account disconnected.'),
  job: z.string().nullable(),
  synced_at: z.string().nullable(),
  synced: z.array(syncedPlatform).describe('What this call synced (with wait), account by account; a failed account says why.'),
  platforms: z.array(platformState).describe('Every platform of the creator as stored now.'),
  notes: z.array(z.string()),
});

/**
 * Syncs a creator's connected accounts from Phyllo. By default it queues the sync job (which calls
 * this tool again with `wait`); with `wait` it syncs in the call, one short transaction per account,
 * outside any long transaction because Phyllo is slow to answer. The Phyllo webhook route calls it
 * with the event: a disconnection is recorded at once (nothing to pull), a connection marks the
 * known account connected and queues the sync that creates and fills its platform.
 */
export const syncCreator = defineTool({
  name: 'sync_creator',
  title: "Sync a creator's figures from Phyllo",
  description:
    "Refreshes a connected creator's followers, engagement, recent posts with their views and likes, and audience demographics from Phyllo. Queues the sync (it also runs daily); wait: true syncs now and returns what was stored.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  ownTransactions: true,
  hints: { openWorld: true, idempotent: true },
  keywords: ['phyllo', 'refresh creator stats', 'update followers', 'pull metrics', 'resync', 'refresh audience', 'latest numbers'],
  input: z.object({
    creator_id: z.string().uuid().describe('The creator to sync.'),
    wait: z.boolean().default(false).describe('Sync in this call instead of queueing it (takes seconds per account).'),
    event: z.enum(PHYLLO_EVENTS).optional().describe("Set by Phyllo's webhook: the event that asked for this sync."),
    phyllo_account_id: z.string().min(1).max(200).optional().describe("Phyllo's account id the event is about (with event)."),
  }),
  output,
  example: { creator_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    // Only Phyllo's webhook (no person behind it) speaks for Phyllo: nobody may record a disconnection Phyllo did not report.
    if ((input.event || input.phyllo_account_id) && ctx.actor.userId !== null) {
      throw invalidInput(input.event ? 'event' : 'phyllo_account_id', "is set only by Phyllo's webhook; to refresh a creator, call sync_creator with creator_id alone.");
    }
    const creator = await requireCreator(ctx, input.creator_id);
    if (!creator.phylloUserId) {
      throw conflict(`@${creator.handle} has not connected through Phyllo yet: call connect_creator_platform and send them the link (figures can also be set by hand with set_creator_platform).`);
    }
    const client = phylloClient();
    const base = { creator_id: creator.id, handle: creator.handle };
    const accountId = input.phyllo_account_id;
    if (input.event === 'ACCOUNTS.DISCONNECTED' && accountId) {
      const marked = await ctx.inTransaction((db) =>
        db.creatorPlatform.updateMany({ where: { creatorId: creator.id, phylloAccountId: accountId }, data: { connection: 'DISCONNECTED', connectionError: null } }),
      );
      const notes = marked.count ? [] : ['Phyllo reported an account disconnected that Crescendo had not stored; nothing changed.'];
      return { ...base, status: 'disconnected' as const, job: null, synced_at: null, synced: [], platforms: await platformStates(ctx, creator.id), notes };
    }
    if (input.event === 'ACCOUNTS.CONNECTED' && accountId) {
      await ctx.inTransaction((db) =>
        db.creatorPlatform.updateMany({ where: { creatorId: creator.id, phylloAccountId: accountId }, data: { connection: 'CONNECTED', connectionError: null } }),
      );
    }
    if (!input.wait) {
      ctx.jobs.enqueue({ name: CREATOR_SYNC_JOB, payload: { organizationId: ctx.orgId, creatorId: creator.id } });
      return { ...base, status: 'queued' as const, job: CREATOR_SYNC_JOB, synced_at: null, synced: [], platforms: await platformStates(ctx, creator.id), notes: [] };
    }
    const result = await syncCreatorFromPhyllo(ctx, { id: creator.id, handle: creator.handle, phylloUserId: creator.phylloUserId }, client);
    return { ...base, status: 'synced' as const, job: null, synced_at: result.synced_at, synced: result.platforms, platforms: await platformStates(ctx, creator.id), notes: result.notes };
  },
});
