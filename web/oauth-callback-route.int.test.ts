import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { createTokenCipher } from '../tools/common/secrets/token-cipher.ts';
import { createPublishingClients, publishingBaseUrls, type SocialPlatform } from '../tools/content/connectors/index.ts';
import { configureOAuthConnections, oauthConnections } from '../tools/content/connectors/oauth-settings.ts';
import { testDeps } from '../tools/content/connectors/testing/connector-test-kit.ts';
import { bearerToken, startFakeSocialServer, type FakeRoute, type FakeSocialServer } from '../tools/content/connectors/testing/fake-social-server.ts';
import { FAKE_APPS } from '../tools/content/connectors/testing/fake-token-refresh.ts';
import { tokenContext } from '../tools/content/posts/content-services.ts';
import { configureContentServices } from '../tools/content/posts/index.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization, createTestRunner } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

const TEST_KEY = Buffer.alloc(32, 9).toString('base64');
const PUBLIC_URL = 'https://crescendo.example';
const GOOGLE_ACCESS = 'ya29.granted-access-0123456789';
const GOOGLE_REFRESH = '1//granted-refresh-0123456789';
const X_ACCESS = 'x-granted-access-0123456789';
const X_REFRESH = 'x-granted-refresh-0123456789';
const META_APP = { id: '1234567890123456', secret: 'meta-app-secret-000' };
const META_SHORT = 'EAA-short-lived-user-0123456789';
const META_LONG = 'EAA-long-lived-user-0123456789';
const PAGE_TOKEN = 'EAA-page-northside-0123456789';
const PAGE_TOKEN_LIVE = 'EAA-page-northside-live-0123456789';
const TIKTOK_ACCESS = 'act.tiktok-granted-access-0123456789';
const PINTEREST_ACCESS = 'pina_pinterest-granted-access-0123456789';

/**
 * Google's and X's authorization-code grant and their "who is this" calls, in the documented shapes:
 * Google `POST /token` (form, RFC 6749 errors), YouTube `GET /youtube/v3/channels?mine=true`, X
 * `POST /2/oauth2/token` (PKCE: the verifier must hash to the challenge sent to /authorize) and `GET /2/users/me`.
 */
function fakeOAuth(x: { challenge?: string }): FakeRoute {
  return (request) => {
    const line = `${request.method} ${request.path}`;
    const form = request.form;
    if (line === 'POST /token') {
      if (form?.get('client_id') !== FAKE_APPS.youtube.id || form.get('client_secret') !== FAKE_APPS.youtube.secret) return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
      if (form.get('grant_type') !== 'authorization_code' || form.get('code') !== 'google-good-code' || form.get('redirect_uri') !== `${PUBLIC_URL}/api/oauth/youtube/callback`) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
      }
      return { status: 200, body: { access_token: GOOGLE_ACCESS, expires_in: 3599, refresh_token: GOOGLE_REFRESH, scope: 'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly', token_type: 'Bearer' } };
    }
    if (line === 'GET /youtube/v3/channels') {
      if (bearerToken(request) !== GOOGLE_ACCESS || request.query.get('mine') !== 'true') return { status: 401, body: { error: { code: 401, message: 'Invalid Credentials' } } };
      return { status: 200, body: { kind: 'youtube#channelListResponse', items: [{ kind: 'youtube#channel', id: 'UC-northside-0001', snippet: { title: 'Northside Records' } }] } };
    }
    if (line === 'POST /2/oauth2/token') {
      const verifier = form?.get('code_verifier') ?? '';
      const hashed = createHash('sha256').update(verifier).digest('base64url');
      if (form?.get('client_id') !== FAKE_APPS.x.id || form.get('code') !== 'x-good-code' || !x.challenge || hashed !== x.challenge) {
        return { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' } };
      }
      return { status: 200, body: { token_type: 'bearer', expires_in: 7200, access_token: X_ACCESS, scope: 'tweet.read tweet.write users.read media.write offline.access', refresh_token: X_REFRESH } };
    }
    if (line === 'GET /oauth/access_token') {
      const query = request.query;
      if (query.get('client_id') !== META_APP.id || query.get('client_secret') !== META_APP.secret) return { status: 400, body: { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1, fbtrace_id: 'A1' } } };
      if (query.get('grant_type') === 'fb_exchange_token') {
        if (query.get('fb_exchange_token') !== META_SHORT) return { status: 400, body: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A2' } } };
        return { status: 200, body: { access_token: META_LONG, token_type: 'bearer', expires_in: 5183944 } };
      }
      if (query.get('code') !== 'meta-good-code' || !query.get('redirect_uri')?.startsWith(`${PUBLIC_URL}/api/oauth/`)) {
        return { status: 400, body: { error: { message: 'Invalid verification code format.', type: 'OAuthException', code: 100, fbtrace_id: 'A3' } } };
      }
      return { status: 200, body: { access_token: META_SHORT, token_type: 'bearer', expires_in: 5183 } };
    }
    if (line === 'GET /me/accounts') {
      if (request.query.get('access_token') !== META_LONG) return { status: 400, body: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A4' } } };
      return {
        status: 200,
        body: {
          data: [
            { id: '101000000000001', name: 'Northside Records', access_token: PAGE_TOKEN, category: 'Record Label', tasks: ['CREATE_CONTENT'], instagram_business_account: { id: '17841400000000001', username: 'northside' } },
            { id: '101000000000002', name: 'Northside Live', access_token: PAGE_TOKEN_LIVE, category: 'Concert Tour', tasks: ['CREATE_CONTENT'] },
          ],
          paging: { cursors: { before: 'QVFI', after: 'QVFJ' } },
        },
      };
    }
    if (line === 'POST /v2/oauth/token/') {
      // TikTok answers a refused code with HTTP 200 and an `error` field.
      if (form?.get('client_key') !== FAKE_APPS.tiktok.id || form.get('client_secret') !== FAKE_APPS.tiktok.secret || form.get('code') !== 'tiktok-good-code') {
        return { status: 200, body: { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: '202612060000000000' } };
      }
      return { status: 200, body: { access_token: TIKTOK_ACCESS, expires_in: 86400, open_id: 'tiktok-open-id-7', refresh_expires_in: 31536000, refresh_token: 'rft.tiktok-granted-refresh-0123', scope: 'user.info.basic,video.upload,video.publish', token_type: 'Bearer' } };
    }
    if (line === 'GET /v2/user/info/') {
      if (bearerToken(request) !== TIKTOK_ACCESS) return { status: 401, body: { data: {}, error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: '1' } } };
      return { status: 200, body: { data: { user: { open_id: 'tiktok-open-id-7', display_name: 'Northside' } }, error: { code: 'ok', message: '', log_id: '2' } } };
    }
    if (line === 'POST /v5/oauth/token') {
      const basic = `Basic ${Buffer.from(`${FAKE_APPS.pinterest.id}:${FAKE_APPS.pinterest.secret}`).toString('base64')}`;
      if (request.headers.authorization !== basic) return { status: 401, body: { code: 2, message: 'Authentication failed: invalid client id or secret.' } };
      if (form?.get('grant_type') !== 'authorization_code' || form.get('code') !== 'pinterest-good-code') return { status: 400, body: { code: 1, message: 'Invalid authorization code.' } };
      return { status: 200, body: { access_token: PINTEREST_ACCESS, refresh_token: 'pinr.pinterest-granted-refresh-0123', response_type: 'authorization_code', token_type: 'bearer', expires_in: 2592000, refresh_token_expires_in: 31536000, scope: 'boards:read,boards:write,pins:read,pins:write,user_accounts:read' } };
    }
    if (line === 'GET /v5/user_account') {
      if (bearerToken(request) !== PINTEREST_ACCESS) return { status: 401, body: { code: 2, message: 'Authentication failed.' } };
      return { status: 200, body: { account_type: 'BUSINESS', id: '549755885175', username: 'northsiderecords', business_name: 'Northside Records' } };
    }
    if (line === 'GET /2/users/me') {
      if (bearerToken(request) !== X_ACCESS) return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
      return { status: 200, body: { data: { id: '1500000000000000001', name: 'Northside Records', username: 'northside' } } };
    }
    return undefined;
  };
}

describe('connecting an account through OAuth (GET /api/oauth/:platform/callback)', () => {
  let database: Database;
  let server: Server;
  let base: string;
  let fake: FakeSocialServer;
  const x: { challenge?: string } = {};
  let managerToken: string;
  let organizationId: string;

  const fakeUrls = () => Object.fromEntries(Object.keys(publishingBaseUrls({})).map((platform) => [platform, fake.url])) as Record<SocialPlatform, string>;
  const configure = (credentials: Partial<Record<SocialPlatform, { id: string; secret: string }>> = { ...FAKE_APPS, facebook: META_APP }) => configureOAuthConnections({ publicUrl: PUBLIC_URL, tokenRefresh: { urls: fakeUrls(), credentials }, publishingUrls: fakeUrls(), encryptionKey: TEST_KEY, deps: testDeps() });

  beforeAll(async () => {
    database = await openTestDatabase();
    const { runner } = createTestRunner(database);
    fake = await startFakeSocialServer([fakeOAuth(x)]);
    configureContentServices({ cipher: createTokenCipher(TEST_KEY), publishing: createPublishingClients() });
    const org = await createTestOrganization(database, 'oauth');
    organizationId = org.id;
    managerToken = (await createApiToken(database.prisma, { organizationId: org.id, email: 'manager@oauth.test', role: 'MANAGER' })).token;
    server = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => configure());
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
    await database.close();
  });

  const start = async (platform: string) => {
    const response = await fetch(`${base}/api/tools/start_social_connection`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${managerToken}` }, body: JSON.stringify({ platform }) });
    return { status: response.status, body: (await response.json()) as { authorization_url: string; redirect_uri: string; error?: { code: string; message: string } } };
  };
  const callback = (platform: string, query: Record<string, string>) => fetch(`${base}/api/oauth/${platform}/callback?${new URLSearchParams(query)}`, { redirect: 'manual' });
  const accounts = (platform: 'YOUTUBE' | 'X' | 'TIKTOK' | 'PINTEREST' | 'FACEBOOK' | 'INSTAGRAM') => database.prisma.socialAccount.findMany({ where: { organizationId, platform } });

  it('gives Google\'s documented authorization URL, with offline access and a state', async () => {
    const { status, body } = await start('youtube');
    expect(status).toBe(200);
    const url = new URL(body.authorization_url);
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: FAKE_APPS.youtube.id, redirect_uri: `${PUBLIC_URL}/api/oauth/youtube/callback`, response_type: 'code', access_type: 'offline', prompt: 'consent' });
    expect(url.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/youtube.upload');
    expect(url.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(body.redirect_uri).toBe(`${PUBLIC_URL}/api/oauth/youtube/callback`);
  });

  it('stores the granted channel with sealed tokens, audits without them, and sends the browser to /content; the same link again is refused', async () => {
    const state = new URL((await start('youtube')).body.authorization_url).searchParams.get('state')!;
    const response = await callback('youtube', { code: 'google-good-code', state, scope: 'https://www.googleapis.com/auth/youtube.upload' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/content?connected=youtube');

    const [account] = await accounts('YOUTUBE');
    expect(account).toMatchObject({ externalAccountId: 'UC-northside-0001', displayName: 'Northside Records on YouTube', status: 'CONNECTED' });
    expect(account!.accessTokenEncrypted).toMatch(/^v1\./);
    expect(account!.accessTokenEncrypted).not.toContain(GOOGLE_ACCESS);
    const cipher = createTokenCipher(TEST_KEY);
    expect(cipher.decrypt(account!.accessTokenEncrypted, tokenContext(account!.id, 'access'))).toBe(GOOGLE_ACCESS);
    expect(cipher.decrypt(account!.refreshTokenEncrypted!, tokenContext(account!.id, 'refresh'))).toBe(GOOGLE_REFRESH);
    expect(account!.tokenExpiresAt).not.toBeNull();

    const audit = await database.prisma.toolCall.findFirst({ where: { organizationId, tool: 'connect_social_account' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ outcome: 'OK', surface: 'WEB', role: 'MANAGER' });
    expect(audit!.input).toMatchObject({ access_token: '[redacted]', refresh_token: '[redacted]', external_account_id: 'UC-northside-0001' });
    expect(JSON.stringify(audit!.input)).not.toContain(GOOGLE_ACCESS);

    const exchanges = fake.requestsTo('POST /token').length;
    const replay = await callback('youtube', { code: 'google-good-code', state });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
    expect(fake.requestsTo('POST /token')).toHaveLength(exchanges);
  });

  it('refuses a tampered, an expired or a missing state and stores nothing', async () => {
    await database.prisma.socialAccount.deleteMany({ where: { organizationId } });
    const exchanges = fake.requestsTo('POST /token').length;
    const state = new URL((await start('youtube')).body.authorization_url).searchParams.get('state')!;
    const [payload, mac] = state.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), o: 'another-organisation' })).toString('base64url');
    const tampered = await callback('youtube', { code: 'google-good-code', state: `${forged}.${mac}` });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('integrity check');

    const claims = { organizationId, userId: (await database.prisma.user.findFirstOrThrow({ where: { email: 'manager@oauth.test' } })).id, platform: 'youtube' as const };
    const old = oauthConnections().signer().issue(claims, new Date(Date.now() - 11 * 60_000));
    const expired = await callback('youtube', { code: 'google-good-code', state: old.state });
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('expired');

    const missing = await callback('youtube', { code: 'google-good-code' });
    expect(missing.status).toBe(400);
    configureOAuthConnections({ ...oauthConnections().settings, encryptionKey: undefined });
    const keyless = await callback('youtube', { code: 'google-good-code', state });
    expect(keyless.status).toBe(503);
    expect(await keyless.text()).toContain('CRESCENDO_ENCRYPTION_KEY is not set');
    expect(fake.requestsTo('POST /token')).toHaveLength(exchanges);
    expect(await accounts('YOUTUBE')).toHaveLength(0);
  });

  it("shows the platform's words when it refuses the code, and stores nothing", async () => {
    await database.prisma.socialAccount.deleteMany({ where: { organizationId } });
    const state = new URL((await start('youtube')).body.authorization_url).searchParams.get('state')!;
    const response = await callback('youtube', { code: 'google-spent-code', state });
    expect(response.status).toBe(502);
    const page = await response.text();
    expect(page).toContain('YouTube refused the sign-in: invalid_grant: Bad Request');
    expect(page).not.toContain('google-spent-code');
    expect(page).not.toContain(FAKE_APPS.youtube.secret);
    expect(await accounts('YOUTUBE')).toHaveLength(0);
  });

  it('shows a person who declined what the platform said', async () => {
    const state = new URL((await start('youtube')).body.authorization_url).searchParams.get('state')!;
    const response = await callback('youtube', { error: 'access_denied', state });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('YouTube did not grant access: access_denied');
  });

  it("sends X's PKCE verifier (kept sealed in the state) with the code, and stores the account", async () => {
    const url = new URL((await start('x')).body.authorization_url);
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/i/oauth2/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toContain('offline.access');
    x.challenge = url.searchParams.get('code_challenge')!;
    const response = await callback('x', { code: 'x-good-code', state: url.searchParams.get('state')! });
    expect(response.status).toBe(303);
    const [exchange] = fake.requestsTo('POST /2/oauth2/token');
    expect(exchange!.form!.get('code_verifier')).toMatch(/^[\w-]{43}$/);
    // A confidential client authenticates with HTTP Basic, as the refresh does.
    expect(exchange!.headers.authorization).toBe(`Basic ${Buffer.from(`${FAKE_APPS.x.id}:${FAKE_APPS.x.secret}`).toString('base64')}`);
    const [account] = await accounts('X');
    expect(account).toMatchObject({ externalAccountId: '1500000000000000001', displayName: '@northside on X' });
    expect(account!.scopes).toContain('offline.access');
  });

  it("connects TikTok (open_id from the token answer) and Pinterest (HTTP Basic app credentials), and reads TikTok's HTTP 200 refusal", async () => {
    const tiktokUrl = new URL((await start('tiktok')).body.authorization_url);
    expect(`${tiktokUrl.origin}${tiktokUrl.pathname}`).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(tiktokUrl.searchParams.get('client_key')).toBe(FAKE_APPS.tiktok.id);
    expect(tiktokUrl.searchParams.get('scope')).toBe('user.info.basic,video.upload,video.publish');
    const refused = await callback('tiktok', { code: 'tiktok-old-code', state: tiktokUrl.searchParams.get('state')! });
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain('TikTok refused the sign-in: invalid_grant: Authorization code is expired.');
    expect(await accounts('TIKTOK')).toHaveLength(0);

    const again = new URL((await start('tiktok')).body.authorization_url).searchParams.get('state')!;
    expect((await callback('tiktok', { code: 'tiktok-good-code', state: again })).status).toBe(303);
    expect(await accounts('TIKTOK')).toMatchObject([{ externalAccountId: 'tiktok-open-id-7', displayName: 'Northside on TikTok' }]);

    const pinterestUrl = new URL((await start('pinterest')).body.authorization_url);
    expect(`${pinterestUrl.origin}${pinterestUrl.pathname}`).toBe('https://www.pinterest.com/oauth/');
    expect((await callback('pinterest', { code: 'pinterest-good-code', state: pinterestUrl.searchParams.get('state')! })).status).toBe(303);
    expect(await accounts('PINTEREST')).toMatchObject([{ externalAccountId: '549755885175', displayName: 'Northside Records on Pinterest' }]);
  });

  it('connects every granted Facebook Page, and the Instagram professional account behind a Page, with the Page token', async () => {
    const facebookUrl = new URL((await start('facebook')).body.authorization_url);
    expect(`${facebookUrl.origin}${facebookUrl.pathname}`).toBe('https://www.facebook.com/v21.0/dialog/oauth');
    expect(facebookUrl.searchParams.get('scope')).toBe('pages_show_list,pages_read_engagement,pages_manage_posts');
    expect((await callback('facebook', { code: 'meta-good-code', state: facebookUrl.searchParams.get('state')! })).status).toBe(303);
    const pages = await accounts('FACEBOOK');
    expect(pages.map((page) => [page.externalAccountId, page.displayName, page.tokenExpiresAt]).sort()).toEqual([
      ['101000000000001', 'Northside Records on Facebook', null],
      ['101000000000002', 'Northside Live on Facebook', null],
    ]);
    const cipher = createTokenCipher(TEST_KEY);
    const live = pages.find((page) => page.externalAccountId === '101000000000002')!;
    expect(cipher.decrypt(live.accessTokenEncrypted, tokenContext(live.id, 'access'))).toBe(PAGE_TOKEN_LIVE);

    const instagramUrl = new URL((await start('instagram')).body.authorization_url);
    expect(instagramUrl.searchParams.get('scope')).toContain('instagram_content_publish');
    expect((await callback('instagram', { code: 'meta-good-code', state: instagramUrl.searchParams.get('state')! })).status).toBe(303);
    const [instagram] = await accounts('INSTAGRAM');
    expect(instagram).toMatchObject({ externalAccountId: '17841400000000001', displayName: '@northside on Instagram' });
    expect(cipher.decrypt(instagram!.accessTokenEncrypted, tokenContext(instagram!.id, 'access'))).toBe(PAGE_TOKEN);
    expect(await accounts('INSTAGRAM')).toHaveLength(1);

    const refusedState = new URL((await start('instagram')).body.authorization_url).searchParams.get('state')!;
    const refused = await callback('instagram', { code: 'meta-spent-code', state: refusedState });
    expect(refused.status).toBe(502);
    const page = await refused.text();
    expect(page).toContain('Instagram refused the sign-in: Invalid verification code format., code 100');
    expect(page).not.toContain(META_APP.secret);
  });

  it('says which variables to set when the app credentials are missing, and that other platforms are not built yet', async () => {
    configure({});
    const missing = await start('youtube');
    expect(missing.status).toBe(503);
    expect(missing.body.error).toMatchObject({ code: 'unavailable' });
    expect(missing.body.error!.message).toContain('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET');
    expect((await start('instagram')).body.error!.message).toContain('FACEBOOK_APP_ID and FACEBOOK_APP_SECRET');
    const snapchat = await start('snapchat');
    expect(snapchat.body.error).toMatchObject({ code: 'unavailable' });
    expect(snapchat.body.error!.message).toContain('connect_social_account');
  });
});
