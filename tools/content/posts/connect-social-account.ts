import { z } from 'zod';
import { uuidV7 } from '../../../db/uuid-v7.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { contentServices, tokenContext } from './content-services.ts';
import { platformInput, toPlatformColumn } from './post-fields.ts';
import { SOCIAL_ACCOUNT_COLUMNS, socialAccountOutput, toSocialAccountOutput } from './social-account-view.ts';

export const connectSocialAccount = defineTool({
  name: 'connect_social_account',
  title: 'Connect a social account',
  description:
    "Stores a social account's OAuth tokens, sealed with CRESCENDO_ENCRYPTION_KEY (refused without it), so posts can be published from it; connecting the same account again replaces its tokens and marks it connected. Tokens are never shown again.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  // Not through a chat (agent, Slack) or an MCP client: a token typed there stays in a transcript.
  surfaces: ['CLI', 'HTTP', 'WEB'],
  secretInputs: ['access_token', 'refresh_token'],
  input: z.object({
    platform: platformInput,
    external_account_id: z.string().trim().min(1).max(200).describe("The platform's id of the account (Instagram professional account id, Facebook Page id, channel id...)."),
    display_name: z.string().trim().min(1).max(200).describe('How people name it ("Northside Records on Instagram").'),
    access_token: z.string().min(8).max(8000).describe('OAuth access token; stored encrypted, never returned.'),
    refresh_token: z.string().min(8).max(8000).optional().describe('OAuth refresh token; stored encrypted, never returned.'),
    token_expires_at: z.iso.datetime({ offset: true }).optional().describe('When the access token expires.'),
    scopes: z.array(z.string().max(200)).max(50).optional(),
  }),
  output: socialAccountOutput,
  async handler(ctx, input) {
    const { cipher } = contentServices();
    const platform = toPlatformColumn(input.platform);
    const existing = await ctx.db.socialAccount.findFirst({ where: { platform, externalAccountId: input.external_account_id }, select: { id: true } });
    const id = existing?.id ?? uuidV7();
    // Sealed for this row: a sealed token copied onto another account does not open there.
    const sealed = {
      accessTokenEncrypted: cipher.encrypt(input.access_token, tokenContext(id, 'access')),
      refreshTokenEncrypted: input.refresh_token ? cipher.encrypt(input.refresh_token, tokenContext(id, 'refresh')) : null,
      tokenExpiresAt: input.token_expires_at ? new Date(input.token_expires_at) : null,
      scopes: input.scopes ?? [],
      displayName: input.display_name,
      status: 'CONNECTED' as const,
      lastError: null,
      connectedById: ctx.actor.userId,
    };
    const account = existing
      ? await ctx.db.socialAccount.update({ where: { id }, data: sealed, select: SOCIAL_ACCOUNT_COLUMNS })
      : await ctx.db.socialAccount.create({ data: { id, organizationId: ctx.orgId, platform, externalAccountId: input.external_account_id, ...sealed }, select: SOCIAL_ACCOUNT_COLUMNS });
    return toSocialAccountOutput(account);
  },
});
