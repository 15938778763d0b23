import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { forbidden, ToolError } from '../../registry/errors.ts';
import { appCredentialsFor, authorizationUrl, callbackPath, isOAuthPlatform, missingAppVariables, OAUTH_PLATFORMS, OAUTH_SCOPES, pkcePair } from '../connectors/oauth-platforms.ts';
import { oauthConnections } from '../connectors/oauth-settings.ts';
import { PLATFORM_LABELS } from '../connectors/publishing.ts';
import { platformInput } from './post-fields.ts';

export const startSocialConnection = defineTool({
  name: 'start_social_connection',
  title: 'Start connecting a social account',
  description:
    "The link that sends you to the platform to grant Crescendo access to an account (OAuth). Open it within 10 minutes, once; the platform then sends you back and the account is connected, its tokens sealed, without anyone pasting them. Built for Instagram and Facebook (every Page, or Instagram professional account, the person grants is connected), TikTok, YouTube, Pinterest and X; connect Snapchat with connect_social_account.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  // A person opens the link in a browser and it connects the account as them.
  surfaces: ['CLI', 'HTTP', 'WEB'],
  input: z.object({ platform: platformInput }),
  output: z.object({
    platform: z.string(),
    authorization_url: z.string().describe("Open in a browser; it is good for 10 minutes, once."),
    redirect_uri: z.string().describe("Where the platform sends the browser back: register it in the platform's app settings."),
    scopes: z.array(z.string()),
    expires_at: z.string(),
  }),
  example: { platform: 'youtube' },
  async handler(ctx, input) {
    const { platform } = input;
    const label = PLATFORM_LABELS[platform];
    if (!isOAuthPlatform(platform)) {
      throw new ToolError('unavailable', `Connecting ${label} through its sign-in page is not built yet (${OAUTH_PLATFORMS.map((name) => PLATFORM_LABELS[name]).join(', ')} are); connect it with connect_social_account and its tokens.`);
    }
    if (!ctx.actor.userId) throw forbidden('Connecting an account needs a person: the account is connected as the one who signs in.');
    const connections = oauthConnections();
    const app = appCredentialsFor(platform, connections.settings.tokenRefresh.credentials);
    const missing = missingAppVariables(platform, app);
    if (missing.length) throw new ToolError('unavailable', `${label} sign-in needs the app's OAuth credentials: set ${missing.join(' and ')} and restart.`);
    const pkce = platform === 'x' ? pkcePair() : undefined;
    const { state, expiresAt } = connections.signer().issue({ organizationId: ctx.orgId, userId: ctx.actor.userId, platform, codeVerifier: pkce?.verifier }, ctx.now());
    const redirectUri = `${connections.settings.publicUrl}${callbackPath(platform)}`;
    return {
      platform,
      authorization_url: authorizationUrl({ platform, app: app!, redirectUri, state, codeChallenge: pkce?.challenge }),
      redirect_uri: redirectUri,
      scopes: OAUTH_SCOPES[platform],
      expires_at: expiresAt.toISOString(),
    };
  },
});
