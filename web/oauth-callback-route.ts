import { Router, type Response } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ToolError } from '../tools/registry/errors.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { exchangeCode, OAuthExchangeError } from '../tools/content/connectors/oauth-exchange.ts';
import { appCredentialsFor, callbackPath, isOAuthPlatform } from '../tools/content/connectors/oauth-platforms.ts';
import { oauthConnections } from '../tools/content/connectors/oauth-settings.ts';
import { OAuthStateError } from '../tools/content/connectors/oauth-state.ts';
import { PLATFORM_LABELS, SOCIAL_PLATFORMS, type SocialPlatform } from '../tools/content/connectors/publishing.ts';
import { sendRefusalPage } from './refusal-page.ts';

export interface OAuthCallbackDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
  now?: () => Date;
}

/**
 * GET /api/oauth/:platform/callback: where a platform sends the browser back after a person granted
 * access (start_social_connection made the link). No bearer token comes with a redirect, so the
 * signed state is the credential: it names organisation, user and platform, is good for 10 minutes
 * and once. The code is exchanged for tokens at the platform, and the account is stored by
 * connect_social_account run as that user (their current role, audited, tokens redacted), then the
 * browser goes to the content page. Any refusal is a short page with the reason, never a token.
 */
export function oauthCallbackRoute(deps: OAuthCallbackDeps) {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  router.get('/api/oauth/:platform/callback', async (request, response) => {
    const platform = request.params.platform as SocialPlatform;
    if (!SOCIAL_PLATFORMS.includes(platform) || !isOAuthPlatform(platform)) return refuse(response, 404, 'Not a platform Crescendo connects through its sign-in page.');
    const label = PLATFORM_LABELS[platform];
    const query = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
    const connections = oauthConnections();
    let claims;
    try {
      claims = await connections.signer().redeem(query('state'), now());
    } catch (error) {
      if (error instanceof OAuthStateError) return refuse(response, 400, error.message);
      // No CRESCENDO_ENCRYPTION_KEY: no state could have been made here.
      if (error instanceof ToolError) return refuse(response, 503, error.message);
      throw error;
    }
    if (claims.platform !== platform) return refuse(response, 400, 'The sign-in link was made for another platform. Start the connection again.');
    // RFC 6749 §4.1.2.1: the person declined, or the platform refused the request.
    if (query('error')) return refuse(response, 400, `${label} did not grant access: ${query('error_description') || query('error')}.`);
    if (!query('code')) return refuse(response, 400, `${label} sent no authorization code back. Start the connection again.`);

    const membership = await deps.prisma.membership.findUnique({ where: { organizationId_userId: { organizationId: claims.organizationId, userId: claims.userId } }, select: { role: true } });
    if (!membership) return refuse(response, 403, 'The person who started this connection is no longer a member of the organisation.');
    const app = appCredentialsFor(platform, connections.settings.tokenRefresh.credentials) ?? {};
    const redirectUri = `${connections.settings.publicUrl}${callbackPath(platform)}`;
    let granted;
    try {
      granted = await exchangeCode(connections.exchange, { platform, app, code: query('code'), redirectUri, codeVerifier: claims.codeVerifier }, now());
    } catch (error) {
      if (error instanceof OAuthExchangeError) {
        deps.log.warn('oauth code exchange refused', { platform, reason: error.message });
        return refuse(response, 502, error.message);
      }
      throw error;
    }
    const principal = { orgId: claims.organizationId, userId: claims.userId, role: membership.role, surface: 'WEB' as const };
    for (const account of granted) {
      const result = await deps.runner.call(
        'connect_social_account',
        {
          platform,
          external_account_id: account.externalAccountId,
          display_name: account.displayName,
          access_token: account.accessToken,
          ...(account.refreshToken ? { refresh_token: account.refreshToken } : {}),
          ...(account.expiresAt ? { token_expires_at: account.expiresAt.toISOString() } : {}),
          scopes: account.scopes.slice(0, 50),
        },
        principal,
      );
      if (!result.ok) {
        deps.log.warn('oauth connection not stored', { platform, code: result.error.code });
        return refuse(response, result.error.code === 'forbidden' ? 403 : 400, `${label} granted access, but ${account.displayName} could not be stored: ${result.error.message}`);
      }
    }
    response.redirect(303, `/content?connected=${encodeURIComponent(platform)}`);
  });
  return router;
}

function refuse(response: Response, status: number, reason: string): void {
  sendRefusalPage(response, status, { title: 'Account not connected', heading: 'The account was not connected', reason, backTo: '/content' });
}
