import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { forbidden, ToolError } from '../../registry/errors.ts';
import { adCallbackUrl, adConnectorFor, PLATFORM_NAMES, requirePlatformConfigured } from '../ads-settings.ts';
import { CONNECTED_PLATFORMS, type ConnectedPlatform } from '../connectors/ad-connector.ts';
import { platformInput } from './account-records.ts';
import { issueAdState } from './ad-connections.ts';

export const connectAdAccount = defineTool({
  name: 'connect_ad_account',
  title: 'Connect an ad account',
  description:
    "The link that sends you to Meta, Google Ads or TikTok to grant Crescendo read access to your ad accounts (OAuth). Open it within 10 minutes, once; afterwards every account the sign-in reaches (manager accounts with their clients) is listed by list_ad_accounts and its last 30 days are synced. Connecting again renews expired access.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  hints: { openWorld: true },
  keywords: ['link ad account', 'authorize facebook ads', 'google ads login', 'tiktok ads login', 'reconnect', 'reauthorize', 'oauth'],
  input: z.object({ platform: platformInput }),
  output: z.object({
    platform: z.enum(CONNECTED_PLATFORMS),
    authorization_url: z.string().describe('Open in a browser; it is good for 10 minutes, once.'),
    redirect_uri: z.string().describe("Where the platform sends the browser back: register it in the platform's app settings."),
    expires_at: z.string(),
  }),
  example: { platform: 'meta' },
  async handler(ctx, input) {
    if (!(CONNECTED_PLATFORMS as readonly string[]).includes(input.platform)) {
      throw new ToolError('unavailable', `Crescendo cannot connect ${input.platform} ad accounts itself (only ${CONNECTED_PLATFORMS.join(', ')}); bring their spend in with sync_bigquery or a spend CSV.`);
    }
    const platform = input.platform as ConnectedPlatform;
    requirePlatformConfigured(platform);
    if (!ctx.actor.userId) throw forbidden(`Connecting ${PLATFORM_NAMES[platform]} needs a person: the accounts are connected as the one who signs in.`);
    const connector = adConnectorFor(platform);
    const { state, expiresAt } = issueAdState({ organizationId: ctx.orgId, userId: ctx.actor.userId, platform }, ctx.now());
    const redirectUri = adCallbackUrl(platform);
    return { platform, authorization_url: connector.authorizationUrl({ state, redirectUri }), redirect_uri: redirectUri, expires_at: expiresAt.toISOString() };
  },
});
