import { jsonBody, joinUrl, sendRequest, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import { PublishError, redactSecrets } from './publish-error.ts';
import { PLATFORM_LABELS, type SocialPlatform } from './publishing.ts';
import { OAUTH_SCOPES, type OAuthPlatform } from './oauth-platforms.ts';
import type { ClientCredentials } from './token-refresh.ts';
import { readOAuthError } from './token-refresh-clients.ts';

/**
 * The authorization-code grant (RFC 6749 §4.1.3) at each platform's token endpoint, the same
 * endpoints and request shapes the refresh clients use (token-refresh-clients.ts), then the one
 * documented call that says which account was granted:
 * - TikTok: `POST /v2/oauth/token/` (form: client_key, client_secret, code, grant_type, redirect_uri); the
 *   answer carries `open_id`; `GET /v2/user/info/?fields=open_id,display_name` names it.
 * - YouTube: Google's `POST /token` (form: code, client_id, client_secret, redirect_uri, grant_type);
 *   `GET /youtube/v3/channels?part=snippet&mine=true` gives the channel id and title.
 * - Pinterest: `POST /v5/oauth/token` with HTTP Basic app credentials (form: grant_type, code, redirect_uri);
 *   `GET /v5/user_account` gives the username (and id).
 * - X: `POST /2/oauth2/token` (form: code, grant_type, client_id, redirect_uri, code_verifier; Basic auth
 *   for confidential clients); `GET /2/users/me` gives id, name and username.
 */

export interface ExchangeSettings {
  /** Token endpoint roots (the refresh clients' `config.tokenRefresh.urls`). */
  tokenUrls: Record<SocialPlatform, string>;
  /** API roots for the account lookup (the publishing URLs). */
  apiUrls: Record<SocialPlatform, string>;
  deps: ConnectorDeps;
}

export interface CodeExchange {
  platform: OAuthPlatform;
  app: ClientCredentials;
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}

/** What connect_social_account is given. */
export interface GrantedAccount {
  externalAccountId: string;
  displayName: string;
  accessToken: string;
  refreshToken?: string;
  expiresAt: Date | null;
  scopes: string[];
}

/** The platform refused the code, or could not be reached; the message is the platform's words, never a token. */
export class OAuthExchangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthExchangeError';
  }
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  scope?: string;
  open_id?: string;
  error?: string;
  error_description?: string;
}

export async function exchangeCode(settings: ExchangeSettings, exchange: CodeExchange, now: Date): Promise<GrantedAccount> {
  const { platform, app, code, redirectUri } = exchange;
  const secrets = [code, app.secret ?? '', exchange.codeVerifier ?? ''].filter(Boolean);
  const form: Record<string, string> = { code, grant_type: 'authorization_code', redirect_uri: redirectUri };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const basic = () => `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString('base64')}`;
  let path: string;
  if (platform === 'tiktok') {
    path = '/v2/oauth/token/';
    Object.assign(form, { client_key: app.id!, client_secret: app.secret! });
  } else if (platform === 'youtube') {
    path = '/token';
    Object.assign(form, { client_id: app.id!, client_secret: app.secret! });
  } else if (platform === 'pinterest') {
    path = '/v5/oauth/token';
    headers.authorization = basic();
  } else {
    path = '/2/oauth2/token';
    Object.assign(form, { client_id: app.id!, code_verifier: exchange.codeVerifier ?? '' });
    if (app.secret) headers.authorization = basic();
  }
  const answer = await call(platform, settings.deps, secrets, { method: 'POST', url: joinUrl(settings.tokenUrls[platform], path), headers, body: new URLSearchParams(form) });
  const tokens = jsonBody<TokenAnswer>(answer) ?? {};
  // TikTok answers a refused code with HTTP 200 and `error` set.
  if (tokens.error || !tokens.access_token) {
    const said = tokens.error ? [tokens.error, tokens.error_description].filter(Boolean).join(': ') : 'the answer held no access token';
    throw new OAuthExchangeError(redactSecrets(`${PLATFORM_LABELS[platform]} refused the sign-in: ${said}`, secrets));
  }
  const accessToken = tokens.access_token;
  const identity = await lookUpAccount(settings, platform, accessToken, tokens, [...secrets, accessToken, tokens.refresh_token ?? '']);
  const seconds = Number(tokens.expires_in);
  return {
    ...identity,
    accessToken,
    refreshToken: tokens.refresh_token || undefined,
    expiresAt: Number.isFinite(seconds) && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
    scopes: tokens.scope ? tokens.scope.split(/[\s,]+/).filter(Boolean) : OAUTH_SCOPES[platform],
  };
}

async function lookUpAccount(settings: ExchangeSettings, platform: OAuthPlatform, accessToken: string, tokens: TokenAnswer, secrets: string[]): Promise<{ externalAccountId: string; displayName: string }> {
  const get = async <T>(path: string) => {
    const response = await call(platform, settings.deps, secrets, { method: 'GET', url: joinUrl(settings.apiUrls[platform], path), headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    return jsonBody<T>(response) ?? ({} as T);
  };
  const label = PLATFORM_LABELS[platform];
  const named = (id: string | undefined, name: string | undefined) => {
    if (!id) throw new OAuthExchangeError(`${label} granted access but did not say which account it is for; try connecting again.`);
    return { externalAccountId: id, displayName: `${name || id} on ${label}`.slice(0, 200) };
  };
  if (platform === 'tiktok') {
    const body = await get<{ data?: { user?: { open_id?: string; display_name?: string } } }>('/v2/user/info/?fields=open_id,display_name');
    return named(tokens.open_id ?? body.data?.user?.open_id, body.data?.user?.display_name);
  }
  if (platform === 'youtube') {
    const body = await get<{ items?: Array<{ id?: string; snippet?: { title?: string } }> }>('/youtube/v3/channels?part=snippet&mine=true');
    const channel = body.items?.[0];
    if (!channel) throw new OAuthExchangeError('YouTube granted access, but the Google account has no YouTube channel; create one, then connect again.');
    return named(channel.id, channel.snippet?.title);
  }
  if (platform === 'pinterest') {
    const body = await get<{ id?: string; username?: string; business_name?: string }>('/v5/user_account');
    return named(body.id ?? body.username, body.business_name || body.username);
  }
  const body = await get<{ data?: { id?: string; name?: string; username?: string } }>('/2/users/me');
  return named(body.data?.id, body.data?.username ? `@${body.data.username}` : body.data?.name);
}

/** One call over the shared HTTP layer (retries on 429/5xx); a failure says what the platform said, in a sentence about the sign-in. */
async function call(platform: OAuthPlatform, deps: ConnectorDeps, secrets: string[], request: Parameters<typeof sendRequest>[1]): Promise<ConnectorResponse> {
  let said = '';
  const remember = (response: ConnectorResponse) => {
    const failure = readOAuthError(response);
    said = failure.message;
    return failure;
  };
  try {
    return await sendRequest({ platform, deps, secrets, readError: remember }, request);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    const label = PLATFORM_LABELS[platform];
    const message = error.details.status === undefined ? `${label} could not be reached to finish the sign-in (no answer, or the connection failed); try again.` : `${label} refused the sign-in: ${said || `HTTP ${error.details.status}`}`;
    throw new OAuthExchangeError(redactSecrets(message, secrets));
  }
}
