import { Router, type Response } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { adCallbackUrl, adConnectorFor, PLATFORM_NAMES } from '../tools/ads/ads-settings.ts';
import { redeemAdState, storeAdGrant } from '../tools/ads/accounts/index.ts';
import { AdPlatformError, CONNECTED_PLATFORMS, type ConnectedPlatform } from '../tools/ads/connectors/ad-connector.ts';
import { redactTokens } from '../tools/ads/sync/account-access.ts';
import { OAuthStateError } from '../tools/content/connectors/oauth-state.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ToolError } from '../tools/registry/errors.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { sendRefusalPage } from './refusal-page.ts';

export interface AdOAuthCallbackDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
  now?: () => Date;
}

/**
 * GET /oauth/:platform/callback (meta, google, tiktok): where an ad platform sends the browser back
 * after a person granted access (connect_ad_account made the link). No bearer token comes with a
 * redirect, so the signed, single-use state is the credential: it names organisation, user and
 * platform. The code is exchanged at the platform, the accounts the grant reaches are listed, the
 * connection is stored with its tokens sealed and the accounts upserted (managers kept, hierarchy
 * set), then a first sync (30 days) is queued for each account with campaigns, through
 * sync_ad_account as that person (audited), and the browser goes to the ads page. A refusal is a
 * short page with the reason, never a token.
 */
export function adOAuthCallbackRoute(deps: AdOAuthCallbackDeps) {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  router.get('/oauth/:platform/callback', async (request, response) => {
    const platform = request.params.platform as ConnectedPlatform;
    if (!(CONNECTED_PLATFORMS as readonly string[]).includes(platform)) return refuse(response, 404, 'Not an ad platform Crescendo connects.');
    const label = PLATFORM_NAMES[platform];
    const query = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
    let claims;
    try {
      claims = await redeemAdState(query('state'), platform, now());
    } catch (error) {
      if (error instanceof OAuthStateError) return refuse(response, 400, error.message);
      if (error instanceof ToolError) return refuse(response, 503, error.message);
      throw error;
    }
    // RFC 6749 §4.1.2.1: the person declined, or the platform refused the request.
    if (query('error')) return refuse(response, 400, `${label} did not grant access: ${query('error_description') || query('error')}.`);
    const code = query('code') || query('auth_code');
    if (!code) return refuse(response, 400, `${label} sent no authorization code back. Start the connection again.`);
    const membership = await deps.prisma.membership.findUnique({ where: { organizationId_userId: { organizationId: claims.organizationId, userId: claims.userId } }, select: { role: true } });
    if (!membership) return refuse(response, 403, 'The person who started this connection is no longer a member of the organisation.');

    let secrets: string[] = [code];
    let stored;
    try {
      const connector = adConnectorFor(platform);
      const grant = await connector.exchangeCode({ code, redirectUri: adCallbackUrl(platform) });
      secrets = [code, grant.accessToken, grant.refreshToken ?? ''];
      const accounts = await connector.listAccounts(grant.accessToken);
      stored = await storeAdGrant(deps.prisma, { organizationId: claims.organizationId, userId: claims.userId, platform, grant, accounts }, now());
    } catch (error) {
      if (error instanceof AdPlatformError || error instanceof ToolError) {
        const reason = redactTokens(error.message, secrets);
        deps.log.warn('ad account connection refused', { platform, reason });
        return refuse(response, error instanceof AdPlatformError ? 502 : 503, `${label} access was not stored: ${reason}`);
      }
      throw error;
    }
    const principal = { orgId: claims.organizationId, userId: claims.userId, role: membership.role, surface: 'WEB' as const };
    for (const account of stored.accounts) {
      if (account.isManager) continue;
      const result = await deps.runner.call('sync_ad_account', { ad_account_id: account.id }, principal);
      if (!result.ok) deps.log.warn('first ad sync not queued', { platform, code: result.error.code });
    }
    response.redirect(303, `/ads?connected=${encodeURIComponent(platform)}&accounts=${stored.accounts.length}`);
  });
  return router;
}

function refuse(response: Response, status: number, reason: string): void {
  sendRefusalPage(response, status, { title: 'Ad account not connected', heading: 'The ad account was not connected', reason, backTo: '/ads' });
}
