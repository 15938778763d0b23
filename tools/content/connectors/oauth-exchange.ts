import { jsonBody, joinUrl, sendRequest, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import { PublishError, redactSecrets } from './publish-error.ts';
import { PLATFORM_LABELS, type SocialPlatform } from './publishing.ts';
import { readGraphError } from './graph-api-errors.ts';
import { OAUTH_SCOPES, type OAuthPlatform } from './oauth-platforms.ts';
import type { ProviderFailure } from './publish-error.ts';
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
 * - Facebook and Instagram (Facebook Login): `GET /oauth/access_token` (client_id, redirect_uri, client_secret,
 *   code) answers a short-lived user token; `grant_type=fb_exchange_token` makes it long-lived, and
 *   `GET /me/accounts?fields=id,name,access_token,instagram_business_account{id,username}` lists the granted
 *   Pages with their Page tokens (which then do not expire). Every Page is a Facebook account; every
 *   Page's Instagram professional account is an Instagram account, published to with its Page's token.
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

/** The accounts the person granted: one, or for Facebook and Instagram each Page (or its Instagram account). */
export async function exchangeCode(settings: ExchangeSettings, exchange: CodeExchange, now: Date): Promise<GrantedAccount[]> {
  if (exchange.platform === 'facebook' || exchange.platform === 'instagram') return exchangeMetaCode(settings, exchange as CodeExchange & { platform: 'facebook' | 'instagram' });
  return [await exchangeOAuthCode(settings, exchange, now)];
}

async function exchangeOAuthCode(settings: ExchangeSettings, exchange: CodeExchange, now: Date): Promise<GrantedAccount> {
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

interface GraphPage {
  id?: string;
  name?: string;
  access_token?: string;
  instagram_business_account?: { id?: string; username?: string };
}

async function exchangeMetaCode(settings: ExchangeSettings, exchange: CodeExchange & { platform: 'facebook' | 'instagram' }): Promise<GrantedAccount[]> {
  const { platform, app, code, redirectUri } = exchange;
  const root = settings.apiUrls[platform];
  const secrets = [code, app.secret ?? ''].filter(Boolean);
  const graphGet = async <T>(path: string, query: Record<string, string>) => {
    const response = await call(platform, settings.deps, secrets, { method: 'GET', url: `${joinUrl(root, path)}?${new URLSearchParams(query)}`, headers: { accept: 'application/json' } }, readGraphError);
    return jsonBody<T>(response) ?? ({} as T);
  };
  const shortLived = await graphGet<TokenAnswer>('/oauth/access_token', { client_id: app.id!, redirect_uri: redirectUri, client_secret: app.secret!, code });
  if (!shortLived.access_token) throw new OAuthExchangeError(`${PLATFORM_LABELS[platform]} refused the sign-in: the answer held no access token`);
  secrets.push(shortLived.access_token);
  // Page tokens got with a long-lived user token do not expire; with a short-lived one they last an hour.
  const longLived = await graphGet<TokenAnswer>('/oauth/access_token', { grant_type: 'fb_exchange_token', client_id: app.id!, client_secret: app.secret!, fb_exchange_token: shortLived.access_token });
  const userToken = longLived.access_token ?? shortLived.access_token;
  secrets.push(userToken);
  const pages = await graphGet<{ data?: GraphPage[] }>('/me/accounts', { fields: 'id,name,access_token,instagram_business_account{id,username}', limit: '100', access_token: userToken });
  const scopes = OAUTH_SCOPES[platform];
  const accounts = (pages.data ?? []).flatMap((page): GrantedAccount[] => {
    if (!page.id || !page.access_token) return [];
    if (platform === 'facebook') return [{ externalAccountId: page.id, displayName: `${page.name || page.id} on Facebook`.slice(0, 200), accessToken: page.access_token, expiresAt: null, scopes }];
    const instagram = page.instagram_business_account;
    if (!instagram?.id) return [];
    return [{ externalAccountId: instagram.id, displayName: `${instagram.username ? `@${instagram.username}` : page.name || instagram.id} on Instagram`.slice(0, 200), accessToken: page.access_token, expiresAt: null, scopes }];
  });
  if (!accounts.length) {
    throw new OAuthExchangeError(platform === 'facebook'
      ? 'Facebook granted access to no Page: connect again and pick the Pages to publish to.'
      : 'Instagram granted access to no professional account: link the Instagram account to a Facebook Page, then connect again and pick that Page.');
  }
  return accounts;
}

/** One call over the shared HTTP layer (retries on 429/5xx); a failure says what the platform said, in a sentence about the sign-in. */
async function call(platform: OAuthPlatform, deps: ConnectorDeps, secrets: string[], request: Parameters<typeof sendRequest>[1], readError: (response: ConnectorResponse) => ProviderFailure = readOAuthError): Promise<ConnectorResponse> {
  let said = '';
  const remember = (response: ConnectorResponse) => {
    const failure = readError(response);
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
