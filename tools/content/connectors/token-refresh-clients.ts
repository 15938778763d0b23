import { jsonBody, joinUrl, sendRequest, transientStatus, type ConnectorDeps, type ConnectorRequest, type ConnectorResponse } from './connector-http.ts';
import { readGraphError } from './graph-api-errors.ts';
import { PublishError, redactSecrets, type ProviderFailure } from './publish-error.ts';
import type { SocialPlatform } from './publishing.ts';
import {
  describeRefreshFailure,
  missingCredentialVariables,
  TokenRefreshError,
  type ClientCredentials,
  type RefreshableTokens,
  type RefreshedTokens,
  type TokenRefreshClient,
  type TokenRefreshFailureKind,
  type TokenRefreshSettings,
} from './token-refresh.ts';

/**
 * One refresh client per platform, each against its documented token endpoint, over the shared
 * HTTP layer (retries on 429/5xx, secrets scrubbed from messages, URLs never quoted: Instagram's
 * token travels in the query string).
 *
 * - Instagram (Instagram Login): `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=…`
 *   renews a long-lived token (60 days) with itself; no app credentials.
 * - Facebook: Page tokens obtained from a long-lived user token do not expire; nothing to do.
 * - TikTok: `POST /v2/oauth/token/` (form: client_key, client_secret, grant_type=refresh_token, refresh_token).
 * - YouTube: Google's `POST /token` (form: client_id, client_secret, grant_type=refresh_token, refresh_token).
 * - Pinterest: `POST /v5/oauth/token` with HTTP Basic app credentials (form: grant_type, refresh_token).
 * - X: `POST /2/oauth2/token` (form: grant_type, refresh_token, client_id; Basic auth for confidential
 *   clients). X rotates refresh tokens: the one sent stops working once the answer arrives.
 * - Snapchat: `POST /login/oauth2/access_token` (form: client_id, client_secret, grant_type, refresh_token).
 */

/** The OAuth 2.0 token response (RFC 6749 §5.1), as each platform sends it. */
interface OAuthTokenBody {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  /** RFC 6749 §5.2; TikTok also answers errors with HTTP 200 and these fields. */
  error?: string;
  error_description?: string;
  /** Pinterest's error body. */
  code?: number;
  message?: string;
}

export function createTokenRefreshClients(settings: TokenRefreshSettings, deps: ConnectorDeps = {}): Record<SocialPlatform, TokenRefreshClient> {
  const oauth = (platform: SocialPlatform, path: string, form: (tokens: RefreshableTokens, app: ClientCredentials) => Record<string, string>, basicAuth = false) =>
    oauthRefreshClient({ platform, url: joinUrl(settings.urls[platform], path), app: settings.credentials[platform], deps, form, basicAuth });
  return {
    instagram: instagramRefreshClient(settings.urls.instagram, deps),
    facebook: {
      platform: 'facebook',
      notNeeded: 'Facebook Page tokens obtained from a long-lived user token do not expire, so there is nothing to renew.',
      refresh: async () => {
        throw new TokenRefreshError('refused', 'facebook', describeRefreshFailure('facebook', 'refused', 'Page tokens do not expire; reconnect the Page if it stopped working'));
      },
    },
    tiktok: oauth('tiktok', '/v2/oauth/token/', (tokens, app) => ({ client_key: app.id!, client_secret: app.secret!, grant_type: 'refresh_token', refresh_token: tokens.refreshToken! })),
    youtube: oauth('youtube', '/token', (tokens, app) => ({ client_id: app.id!, client_secret: app.secret!, grant_type: 'refresh_token', refresh_token: tokens.refreshToken! })),
    pinterest: oauth('pinterest', '/v5/oauth/token', (tokens) => ({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken! }), true),
    x: oauth('x', '/2/oauth2/token', (tokens, app) => ({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken!, client_id: app.id! }), Boolean(settings.credentials.x?.secret)),
    snapchat: oauth('snapchat', '/login/oauth2/access_token', (tokens, app) => ({ client_id: app.id!, client_secret: app.secret!, grant_type: 'refresh_token', refresh_token: tokens.refreshToken! })),
  };
}

function instagramRefreshClient(baseUrl: string, deps: ConnectorDeps): TokenRefreshClient {
  return {
    platform: 'instagram',
    async refresh(tokens, now) {
      const query = new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: tokens.accessToken });
      const secrets = [tokens.accessToken];
      const response = await call('instagram', deps, secrets, readGraphError, { method: 'GET', url: `${joinUrl(baseUrl, '/refresh_access_token')}?${query}` });
      return toRefreshed('instagram', response, now, secrets);
    },
  };
}

interface OAuthClientOptions {
  platform: SocialPlatform;
  url: string;
  app: ClientCredentials | undefined;
  deps: ConnectorDeps;
  form(tokens: RefreshableTokens, app: ClientCredentials): Record<string, string>;
  /** Send the app's id and secret as HTTP Basic (Pinterest, confidential X clients). */
  basicAuth: boolean;
}

function oauthRefreshClient(options: OAuthClientOptions): TokenRefreshClient {
  const { platform } = options;
  return {
    platform,
    async refresh(tokens, now) {
      const missing = missingCredentialVariables(platform, options.app);
      if (missing.length) throw new TokenRefreshError('unconfigured', platform, describeRefreshFailure(platform, 'unconfigured', `set ${missing.join(' and ')} (the app's OAuth credentials) and restart.`));
      if (!tokens.refreshToken) {
        throw new TokenRefreshError('unconfigured', platform, describeRefreshFailure(platform, 'unconfigured', 'no refresh token is stored for this account; connect it again with one (offline access).'));
      }
      const app = options.app!;
      const secrets = [tokens.accessToken, tokens.refreshToken, app.secret ?? ''];
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (options.basicAuth) headers.authorization = `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString('base64')}`;
      const body = new URLSearchParams(options.form(tokens, app));
      const response = await call(platform, options.deps, secrets, readOAuthError, { method: 'POST', url: options.url, headers, body });
      return toRefreshed(platform, response, now, secrets);
    },
  };
}

/** One token call; the shared layer's PublishError becomes a TokenRefreshError with the platform's words. */
async function call(platform: SocialPlatform, deps: ConnectorDeps, secrets: string[], readError: (response: ConnectorResponse) => ProviderFailure, request: ConnectorRequest): Promise<ConnectorResponse> {
  let said = '';
  const remember = (response: ConnectorResponse) => {
    const failure = readError(response);
    said = failure.message || `HTTP ${response.status}`;
    return failure;
  };
  try {
    return await sendRequest({ platform, deps, secrets, readError: remember }, request);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    const kind: TokenRefreshFailureKind = error.kind === 'auth' ? 'revoked' : error.kind === 'transient' ? 'transient' : isClientProblem(error.details.providerCode) ? 'unconfigured' : 'refused';
    // No status: the last try got no answer at all, whatever an earlier one said.
    const words = error.details.status === undefined ? 'no answer, or the connection failed' : said || 'no reason given';
    const detail = kind === 'unconfigured' ? `the platform refused the app's client credentials (${words}); check them and restart.` : words;
    throw new TokenRefreshError(kind, platform, redactSecrets(describeRefreshFailure(platform, kind, detail), secrets), error.details.retryAfterMs);
  }
}

const isClientProblem = (code: string | undefined) => code === 'invalid_client' || code === 'unauthorized_client';

/**
 * RFC 6749 §5.2 errors (Google, TikTok, X, Snapchat) and Pinterest's `{code, message}`.
 * `invalid_grant` is the refresh token revoked or lapsed; X says `invalid_request` "Value passed for
 * the token was invalid." for the same; `invalid_client` is our app's credentials.
 */
export function readOAuthError(response: ConnectorResponse): ProviderFailure {
  const body = jsonBody<OAuthTokenBody>(response) ?? {};
  const providerCode = body.error ?? (body.code !== undefined ? String(body.code) : undefined);
  const message = [body.error, body.error_description ?? body.message].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  if (transientStatus(response.status) || body.error === 'temporarily_unavailable' || body.error === 'server_error') return { kind: 'transient', message, providerCode };
  if (isClientProblem(body.error)) return { kind: 'permanent', message, providerCode };
  // Pinterest answers a dead refresh token with 400/401 and a message; its app problems name the client.
  if (body.error === undefined && /client|app(lication)? id/i.test(body.message ?? '')) return { kind: 'permanent', message, providerCode: 'invalid_client' };
  const tokenInvalid = body.error === 'invalid_grant' || (body.error === 'invalid_request' && /token/i.test(body.error_description ?? ''));
  const pinterestDead = body.error === undefined && (response.status === 400 || response.status === 401);
  if (tokenInvalid || pinterestDead) return { kind: 'auth', message, providerCode };
  return { kind: 'permanent', message, providerCode };
}

/** The new tokens from a 2xx answer; TikTok's errors arrive as HTTP 200 with `error` set. */
function toRefreshed(platform: SocialPlatform, response: ConnectorResponse, now: Date, secrets: string[]): RefreshedTokens {
  const body = jsonBody<OAuthTokenBody>(response) ?? {};
  if (body.error || !body.access_token) {
    const failure = body.error ? readOAuthError({ ...response, status: 400 }) : { kind: 'permanent' as const, message: 'the answer held no access token' };
    const kind: TokenRefreshFailureKind = failure.kind === 'auth' ? 'revoked' : failure.kind === 'transient' ? 'transient' : 'refused';
    throw new TokenRefreshError(kind, platform, redactSecrets(describeRefreshFailure(platform, kind, failure.message), secrets));
  }
  const seconds = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || undefined,
    expiresAt: Number.isFinite(seconds) && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
  };
}
