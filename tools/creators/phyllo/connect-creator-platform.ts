import { z } from 'zod';
import { oauthConnections } from '../../content/connectors/oauth-settings.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import { networkInput, NETWORKS } from '../networks.ts';
import { asToolError } from './creator-sync.ts';
import { platformState, platformStates, requireCreator } from './creator-lookup.ts';
import type { PhylloClient, PhylloUser } from './phyllo-client.ts';
import { PhylloError } from './phyllo-http.ts';
import { CONNECT_PAGE_PATH, CONNECT_PRODUCTS, phylloClient } from './phyllo-services.ts';
import { workPlatformIdOf } from './work-platforms.ts';

const output = z.object({
  creator_id: z.string(),
  handle: z.string(),
  connect_url: z.string().describe('The page the creator opens to log in to their accounts through Phyllo Connect; good until token_expires_at.'),
  network: z.enum(NETWORKS).nullable().describe('The network the page opens directly, when one was asked for.'),
  phyllo_user_id: z.string(),
  token_expires_at: z.string().nullable(),
  platforms: z.array(platformState).describe('Where each platform stands now: nothing is marked connected until Phyllo confirms it.'),
  next_step: z.string(),
});

/**
 * Starts Phyllo's connect flow for a creator: their Phyllo user (made once, external_id = the
 * creator's id, remembered on the creator), a fresh SDK token, and a Crescendo link that opens
 * Phyllo Connect with them. Outside a transaction: Phyllo is called first, then the user id is
 * stored in a short one. Nothing is marked connected here; Phyllo's ACCOUNTS.CONNECTED webhook
 * (or the next sync) does that.
 */
export const connectCreatorPlatform = defineTool({
  name: 'connect_creator_platform',
  title: 'Connect a creator through Phyllo',
  description:
    "Starts linking a creator's social accounts through Phyllo: returns the link the creator opens to log in (optionally straight to one network). Their figures, posts and audience sync once Phyllo confirms the connection.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  ownTransactions: true,
  hints: { openWorld: true, idempotent: true },
  keywords: ['phyllo', 'link instagram', 'link tiktok', 'link youtube', 'connect account', 'onboard creator', 'invite creator to connect'],
  input: z.object({
    creator_id: z.string().uuid().describe('The creator who will connect their accounts.'),
    network: networkInput.optional().describe('Open Phyllo Connect on this network directly; default: the creator picks.'),
  }),
  output,
  example: { creator_id: '01900000-0000-7000-8000-000000000001', network: 'tiktok' },
  async handler(ctx, input) {
    const creator = await requireCreator(ctx, input.creator_id);
    if (!creator.isActive) throw conflict(`Creator @${creator.handle} is archived: restore them before connecting accounts.`);
    const client = phylloClient();
    let userId = creator.phylloUserId;
    let expiresAt: string | null;
    let sdkToken: string;
    try {
      if (!userId) {
        const user = await findOrCreateUser(client, creator.contact.name || creator.handle, creator.id);
        userId = user.id;
        await ctx.inTransaction((db) => db.creator.update({ where: { id: creator.id }, data: { phylloUserId: userId } }));
      }
      ({ sdkToken, expiresAt } = await client.createSdkToken(userId, CONNECT_PRODUCTS));
    } catch (error) {
      throw asToolError(error);
    }
    const workPlatformId = input.network ? workPlatformIdOf(input.network) : null;
    const link = new URL(`${oauthConnections().settings.publicUrl}${CONNECT_PAGE_PATH}`);
    link.searchParams.set('token', sdkToken);
    link.searchParams.set('user_id', userId);
    if (workPlatformId) link.searchParams.set('work_platform_id', workPlatformId);
    if (input.network && !workPlatformId) link.searchParams.set('network', input.network);
    return {
      creator_id: creator.id,
      handle: creator.handle,
      connect_url: link.toString(),
      network: input.network ?? null,
      phyllo_user_id: userId,
      token_expires_at: expiresAt,
      platforms: await platformStates(ctx, creator.id),
      next_step: `Send the link to @${creator.handle}. When they finish, Phyllo tells Crescendo (POST /api/webhooks/phyllo) and the first sync runs; sync_creator starts one by hand.`,
    };
  },
});

/** The creator's Phyllo user: looked up by external_id first, so a retried call never makes a second one. */
async function findOrCreateUser(client: PhylloClient, name: string, creatorId: string): Promise<PhylloUser> {
  const existing = await client.userByExternalId(creatorId);
  if (existing) return existing;
  try {
    return await client.createUser(name, creatorId);
  } catch (error) {
    // Another call made it meanwhile (Phyllo refuses a second user with the same external_id).
    if (error instanceof PhylloError && error.kind === 'rejected') {
      const made = await client.userByExternalId(creatorId);
      if (made) return made;
    }
    throw error;
  }
}
