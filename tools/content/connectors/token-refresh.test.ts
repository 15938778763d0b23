import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishingBaseUrls } from './index.ts';
import type { SocialPlatform } from './publishing.ts';
import { testDeps } from './testing/connector-test-kit.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';
import { FAKE_APPS, fakeTokenRefresh, type FakeTokenState } from './testing/fake-token-refresh.ts';
import { TokenRefreshError, tokenRefreshSettings, type TokenRefreshFailureKind, type TokenRefreshSettings } from './token-refresh.ts';
import { createTokenRefreshClients } from './token-refresh-clients.ts';

const now = new Date('2026-12-10T10:00:00Z');
const accessToken = 'old-access-token-0123456789';

let fake: FakeSocialServer;
let tokens: FakeTokenState;
beforeEach(async () => {
  const api = fakeTokenRefresh();
  tokens = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

function settings(credentials: TokenRefreshSettings['credentials'] = FAKE_APPS): TokenRefreshSettings {
  const urls = Object.fromEntries(Object.keys(publishingBaseUrls({})).map((platform) => [platform, fake.url])) as Record<SocialPlatform, string>;
  return { urls, credentials };
}
const clients = (credentials?: TokenRefreshSettings['credentials']) => createTokenRefreshClients(settings(credentials), testDeps());

async function expectRefreshFailure(promise: Promise<unknown>, kind: TokenRefreshFailureKind, ...secrets: string[]): Promise<TokenRefreshError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${kind} refresh failure`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TokenRefreshError);
  const failure = error as TokenRefreshError;
  expect(failure.kind).toBe(kind);
  const everything = JSON.stringify({ ...failure, message: failure.message, stack: failure.stack });
  for (const secret of secrets) expect(everything).not.toContain(secret);
  return failure;
}

describe('token refresh clients', () => {
  it.each([
    ['tiktok', 86_400],
    ['youtube', 3_599],
    ['pinterest', 2_592_000],
    ['snapchat', 1_800],
  ] as const)('renews a %s token with the refresh grant and reports its expiry', async (platform, lifetime) => {
    const refreshToken = `${platform}-refresh-token-abcdefgh`;
    tokens.refreshTokens.set(refreshToken, platform);
    const fresh = await clients()[platform].refresh({ accessToken, refreshToken }, now);
    expect(fresh.accessToken).toBe(tokens.issued.at(-1)!.accessToken);
    expect(fresh.expiresAt).toEqual(new Date(now.getTime() + lifetime * 1000));
    // Only Snapchat rotates among these: the others keep the refresh token they had.
    expect(fresh.refreshToken !== undefined).toBe(platform === 'snapchat' || platform === 'tiktok');
  });

  it('sends TikTok client_key and Pinterest HTTP Basic app credentials as documented', async () => {
    tokens.refreshTokens.set('tiktok-refresh-1-abcdefgh', 'tiktok').set('pinterest-refresh-1-abcdefgh', 'pinterest');
    await clients().tiktok.refresh({ accessToken, refreshToken: 'tiktok-refresh-1-abcdefgh' }, now);
    await clients().pinterest.refresh({ accessToken, refreshToken: 'pinterest-refresh-1-abcdefgh' }, now);
    const tiktok = fake.requestsTo('POST /v2/oauth/token/')[0]!;
    expect(Object.fromEntries(tiktok.form!)).toEqual({ client_key: FAKE_APPS.tiktok.id, client_secret: FAKE_APPS.tiktok.secret, grant_type: 'refresh_token', refresh_token: 'tiktok-refresh-1-abcdefgh' });
    const pinterest = fake.requestsTo('POST /v5/oauth/token')[0]!;
    expect(pinterest.headers.authorization).toBe(`Basic ${Buffer.from(`${FAKE_APPS.pinterest.id}:${FAKE_APPS.pinterest.secret}`).toString('base64')}`);
    expect(pinterest.form!.get('client_secret')).toBeNull();
  });

  it('renews a long-lived Instagram token with itself (ig_refresh_token), no app credentials needed', async () => {
    const longLived = 'IGAA-long-lived-token-abcdefgh';
    tokens.refreshTokens.set(longLived, 'instagram');
    const fresh = await clients({}).instagram.refresh({ accessToken: longLived }, now);
    expect(fresh.accessToken).toMatch(/^instagram-fresh-access/);
    expect(fresh.expiresAt!.getTime() - now.getTime()).toBe(5_183_944_000);
    expect(fake.requestsTo('GET /refresh_access_token')[0]!.query.get('grant_type')).toBe('ig_refresh_token');
  });

  it('takes X’s rotated refresh token, and the spent one stops working', async () => {
    tokens.refreshTokens.set('x-refresh-original-abcdefgh', 'x');
    const fresh = await clients().x.refresh({ accessToken, refreshToken: 'x-refresh-original-abcdefgh' }, now);
    expect(fresh.refreshToken).toMatch(/^x-rotated-refresh/);
    expect(fresh.expiresAt).toEqual(new Date(now.getTime() + 7_200_000));
    const again = await expectRefreshFailure(clients().x.refresh({ accessToken, refreshToken: 'x-refresh-original-abcdefgh' }, now), 'revoked', 'x-refresh-original-abcdefgh', FAKE_APPS.x.secret);
    expect(again.message).toContain('Value passed for the token was invalid.');
  });

  it('refreshes a public X client with its id alone (no secret, no Basic auth)', async () => {
    tokens.refreshTokens.set('x-refresh-public-abcdefgh', 'x');
    await clients({ x: { id: FAKE_APPS.x.id } }).x.refresh({ accessToken, refreshToken: 'x-refresh-public-abcdefgh' }, now);
    expect(fake.requestsTo('POST /2/oauth2/token')[0]!.headers.authorization).toBeUndefined();
  });

  it('calls a revoked grant revoked, in the platform’s words, without the tokens or the app secret', async () => {
    const google = await expectRefreshFailure(clients().youtube.refresh({ accessToken, refreshToken: 'google-refresh-revoked-abc' }, now), 'revoked', accessToken, 'google-refresh-revoked-abc', FAKE_APPS.youtube.secret);
    expect(google.message).toBe("YouTube refused to renew the account's access (invalid_grant: Token has been expired or revoked.): it was revoked or has lapsed, so connect the account again.");
    // TikTok answers with HTTP 200 and an error body.
    const tiktok = await expectRefreshFailure(clients().tiktok.refresh({ accessToken, refreshToken: 'tiktok-refresh-revoked-abc' }, now), 'revoked', 'tiktok-refresh-revoked-abc', FAKE_APPS.tiktok.secret);
    expect(tiktok.message).toContain('Refresh token is invalid or expired.');
    await expectRefreshFailure(clients().pinterest.refresh({ accessToken, refreshToken: 'pinterest-refresh-revoked' }, now), 'revoked', 'pinterest-refresh-revoked');
    await expectRefreshFailure(clients().snapchat.refresh({ accessToken, refreshToken: 'snap-refresh-revoked-abc' }, now), 'revoked', 'snap-refresh-revoked-abc');
    const instagram = await expectRefreshFailure(clients().instagram.refresh({ accessToken: 'IGAA-expired-token-abcdefgh' }, now), 'revoked', 'IGAA-expired-token-abcdefgh');
    expect(instagram.message).toContain('Session has expired');
  });

  it('names exactly the variables to set when app credentials are missing, calling nobody', async () => {
    const none = clients({});
    const tiktok = await expectRefreshFailure(none.tiktok.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured');
    expect(tiktok.message).toBe("TikTok tokens cannot be renewed: set TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET (the app's OAuth credentials) and restart.");
    expect((await expectRefreshFailure(clients({ youtube: { id: 'id-only' } }).youtube.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured')).message).toContain('set GOOGLE_CLIENT_SECRET (');
    expect((await expectRefreshFailure(none.pinterest.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured')).message).toContain('PINTEREST_APP_ID and PINTEREST_APP_SECRET');
    expect((await expectRefreshFailure(none.x.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured')).message).toContain('set X_CLIENT_ID (');
    expect((await expectRefreshFailure(none.snapchat.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured')).message).toContain('SNAPCHAT_CLIENT_ID and SNAPCHAT_CLIENT_SECRET');
    expect(fake.requests).toHaveLength(0);
  });

  it('says when the platform refuses the app credentials themselves', async () => {
    const wrong = await expectRefreshFailure(clients({ youtube: { id: FAKE_APPS.youtube.id, secret: 'wrong-secret-0123' } }).youtube.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured', 'wrong-secret-0123');
    expect(wrong.message).toContain("refused the app's client credentials (invalid_client: The OAuth client was not found.)");
    const pinterest = await expectRefreshFailure(clients({ pinterest: { id: FAKE_APPS.pinterest.id, secret: 'wrong-secret-4567' } }).pinterest.refresh({ accessToken, refreshToken: 'r-0123456789' }, now), 'unconfigured', 'wrong-secret-4567');
    expect(pinterest.message).toContain('Authentication failed: invalid client id or secret.');
  });

  it('retries a 503 and a 429, and hands back a lasting outage as transient', async () => {
    tokens.refreshTokens.set('snap-refresh-flaky-abcdefgh', 'snapchat');
    fake.scriptNext('POST /login/oauth2/access_token', { status: 503, body: { error: 'temporarily_unavailable' } }, { status: 429, headers: { 'retry-after': '2' }, body: {} });
    const deps = testDeps();
    await createTokenRefreshClients(settings(), deps).snapchat.refresh({ accessToken, refreshToken: 'snap-refresh-flaky-abcdefgh' }, now);
    expect(deps.slept[1]).toBe(2_000);
    const down = { status: 500, body: { error: 'server_error', error_description: 'Backend error' } };
    fake.scriptNext('POST /token', down, down, down, down);
    const failure = await expectRefreshFailure(clients().youtube.refresh({ accessToken, refreshToken: 'google-refresh-abcdefgh' }, now), 'transient', 'google-refresh-abcdefgh');
    expect(failure.message).toBe('YouTube could not renew the access token right now (server_error: Backend error); it will be tried again.');
  });

  it('has nothing to renew on Facebook: Page tokens do not expire', () => {
    expect(clients().facebook.notNeeded).toMatch(/do not expire/);
  });

  it('reads credentials and token URLs from the environment, defaulting to the real hosts', () => {
    const read = tokenRefreshSettings({ TIKTOK_CLIENT_KEY: 'k', TIKTOK_CLIENT_SECRET: 's', GOOGLE_OAUTH_URL: 'http://127.0.0.1:1' }, publishingBaseUrls({}));
    expect(read.credentials.tiktok).toEqual({ id: 'k', secret: 's' });
    expect(read.credentials.x).toEqual({ id: undefined, secret: undefined });
    expect(read.urls).toMatchObject({ youtube: 'http://127.0.0.1:1', instagram: 'https://graph.instagram.com', snapchat: 'https://accounts.snapchat.com', tiktok: 'https://open.tiktokapis.com', x: 'https://api.x.com', pinterest: 'https://api.pinterest.com' });
  });
});
