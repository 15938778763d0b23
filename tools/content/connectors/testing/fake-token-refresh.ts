import type { SocialPlatform } from '../publishing.ts';
import type { FakeReply, FakeRequest, FakeRoute } from './fake-social-server.ts';

/**
 * Fakes of the platforms' token endpoints, answering in their documented shapes: Instagram's
 * `GET /refresh_access_token`, and the OAuth 2.0 refresh grant of TikTok, Google, Pinterest
 * (HTTP Basic app credentials), X (rotating refresh tokens) and Snapchat. A refresh token is
 * good when it is in `state.refreshTokens`; each refresh issues a numbered access token.
 */

export const FAKE_APPS: Record<'tiktok' | 'youtube' | 'pinterest' | 'x' | 'snapchat', { id: string; secret: string }> = {
  tiktok: { id: 'tiktok-client-key', secret: 'tiktok-client-secret-000' },
  youtube: { id: 'google-client-id.apps.googleusercontent.com', secret: 'google-client-secret-000' },
  pinterest: { id: '1480000', secret: 'pinterest-app-secret-000' },
  x: { id: 'x-client-id', secret: 'x-client-secret-000' },
  snapchat: { id: 'snapchat-client-id', secret: 'snapchat-client-secret-000' },
};

export interface FakeTokenState {
  /** Refresh tokens (and, for Instagram, long-lived access tokens) each platform accepts. */
  refreshTokens: Map<string, SocialPlatform>;
  /** Access tokens issued, in order. */
  issued: Array<{ platform: SocialPlatform; accessToken: string; refreshToken?: string }>;
}

const LIFETIME_S: Record<SocialPlatform, number> = { instagram: 5_183_944, facebook: 0, tiktok: 86_400, youtube: 3_599, pinterest: 2_592_000, x: 7_200, snapchat: 1_800 };

export function fakeTokenRefresh(): { state: FakeTokenState; route: FakeRoute } {
  const state: FakeTokenState = { refreshTokens: new Map(), issued: [] };
  let next = 0;
  const issue = (platform: SocialPlatform, rotate: boolean) => {
    const accessToken = `${platform}-fresh-access-${++next}-abcdefgh`;
    const refreshToken = rotate ? `${platform}-rotated-refresh-${next}-abcdefgh` : undefined;
    if (refreshToken) state.refreshTokens.set(refreshToken, platform);
    state.issued.push({ platform, accessToken, refreshToken });
    return { accessToken, refreshToken };
  };
  const accepts = (platform: SocialPlatform, token: string | null | undefined) => Boolean(token) && state.refreshTokens.get(token!) === platform;

  const route: FakeRoute = (request) => {
    const line = `${request.method} ${request.path}`;
    if (line === 'GET /refresh_access_token') {
      const token = request.query.get('access_token');
      if (request.query.get('grant_type') !== 'ig_refresh_token') return graphError(400, 'Unsupported grant type', 100);
      if (!accepts('instagram', token)) return graphError(400, 'Error validating access token: Session has expired.', 190);
      // Instagram renews the long-lived token itself: the old one is replaced.
      state.refreshTokens.delete(token!);
      const { accessToken } = issue('instagram', false);
      state.refreshTokens.set(accessToken, 'instagram');
      return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: LIFETIME_S.instagram, permissions: 'instagram_business_basic,instagram_business_content_publish' } };
    }
    if (line === 'POST /v2/oauth/token/') {
      const form = request.form;
      const app = FAKE_APPS.tiktok;
      if (form?.get('client_key') !== app.id || form.get('client_secret') !== app.secret) return { status: 200, body: oauthError('invalid_client', 'Client key or secret is incorrect.', true) };
      // TikTok answers errors with HTTP 200 and an `error` field.
      if (form.get('grant_type') !== 'refresh_token' || !accepts('tiktok', form.get('refresh_token'))) return { status: 200, body: oauthError('invalid_grant', 'Refresh token is invalid or expired.', true) };
      const { accessToken } = issue('tiktok', false);
      return { status: 200, body: { access_token: accessToken, expires_in: LIFETIME_S.tiktok, open_id: 'open-id-1', refresh_expires_in: 31_536_000, refresh_token: form.get('refresh_token'), scope: 'video.publish', token_type: 'Bearer' } };
    }
    if (line === 'POST /token') return formGrant(request, 'youtube', false, (accessToken) => ({ access_token: accessToken, expires_in: LIFETIME_S.youtube, scope: 'https://www.googleapis.com/auth/youtube.upload', token_type: 'Bearer' }));
    if (line === 'POST /v5/oauth/token') {
      const app = FAKE_APPS.pinterest;
      if (request.headers.authorization !== basic(app.id, app.secret)) return { status: 401, body: { code: 2, message: 'Authentication failed: invalid client id or secret.' } };
      if (request.form?.get('grant_type') !== 'refresh_token' || !accepts('pinterest', request.form.get('refresh_token'))) return { status: 400, body: { code: 1, message: 'Invalid refresh token.' } };
      const { accessToken } = issue('pinterest', false);
      return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: LIFETIME_S.pinterest, scope: 'boards:read,pins:write', response_type: 'refresh_token' } };
    }
    if (line === 'POST /2/oauth2/token') {
      const app = FAKE_APPS.x;
      const confidential = request.headers.authorization !== undefined;
      if ((confidential && request.headers.authorization !== basic(app.id, app.secret)) || request.form?.get('client_id') !== app.id) return { status: 401, body: oauthError('unauthorized_client', 'Missing valid authorization header') };
      const sent = request.form.get('refresh_token');
      if (request.form.get('grant_type') !== 'refresh_token' || !accepts('x', sent)) return { status: 400, body: oauthError('invalid_request', 'Value passed for the token was invalid.') };
      // X rotates: the refresh token just used stops working.
      state.refreshTokens.delete(sent!);
      const { accessToken, refreshToken } = issue('x', true);
      return { status: 200, body: { token_type: 'bearer', expires_in: LIFETIME_S.x, access_token: accessToken, scope: 'tweet.write users.read offline.access', refresh_token: refreshToken } };
    }
    if (line === 'POST /login/oauth2/access_token') return formGrant(request, 'snapchat', true, (accessToken, refreshToken) => ({ access_token: accessToken, token_type: 'Bearer', expires_in: LIFETIME_S.snapchat, refresh_token: refreshToken, scope: 'snapchat-marketing-api' }));
    return undefined;
  };

  /** The RFC 6749 form grant with client_id and client_secret in the body (Google, Snapchat). */
  function formGrant(request: FakeRequest, platform: 'youtube' | 'snapchat', rotate: boolean, body: (accessToken: string, refreshToken?: string) => Record<string, unknown>): FakeReply {
    const form = request.form;
    const app = FAKE_APPS[platform];
    if (form?.get('client_id') !== app.id || form.get('client_secret') !== app.secret) return { status: 401, body: oauthError('invalid_client', 'The OAuth client was not found.') };
    const sent = form.get('refresh_token');
    if (form.get('grant_type') !== 'refresh_token' || !accepts(platform, sent)) return { status: 400, body: oauthError('invalid_grant', 'Token has been expired or revoked.') };
    if (rotate) state.refreshTokens.delete(sent!);
    const { accessToken, refreshToken } = issue(platform, rotate);
    return { status: 200, body: body(accessToken, refreshToken) };
  }

  return { state, route };
}

function oauthError(error: string, description: string, withLogId = false): Record<string, unknown> {
  return { error, error_description: description, ...(withLogId ? { log_id: '20261206000000ABCDEF' } : {}) };
}

function graphError(status: number, message: string, code: number): FakeReply {
  return { status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } } };
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}
