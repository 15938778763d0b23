import { createHash, randomBytes } from 'node:crypto';
import type { SocialPlatform } from './publishing.ts';
import { missingCredentialVariables, type ClientCredentials } from './token-refresh.ts';

/**
 * Where each platform sends a person to grant Crescendo access (its documented authorization
 * endpoint), with the scopes publishing needs. Built for the platforms whose code exchange and
 * account lookup are built (oauth-exchange.ts); the others are connected with tokens for now.
 *
 * - TikTok: `https://www.tiktok.com/v2/auth/authorize/` (client_key, comma-separated scopes)
 * - YouTube: `https://accounts.google.com/o/oauth2/v2/auth` with access_type=offline&prompt=consent
 *   (Google sends a refresh token only then)
 * - Pinterest: `https://www.pinterest.com/oauth/` (comma-separated scopes)
 * - X: `https://x.com/i/oauth2/authorize` with PKCE (S256); offline.access for a refresh token
 * - Facebook and Instagram: Facebook Login, `https://www.facebook.com/v21.0/dialog/oauth` (the Graph API
 *   version the connectors use); Instagram professional accounts are reached through their Pages.
 */
export const OAUTH_PLATFORMS = ['tiktok', 'youtube', 'pinterest', 'x', 'facebook', 'instagram'] as const;
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];

export const isOAuthPlatform = (platform: SocialPlatform): platform is OAuthPlatform => (OAUTH_PLATFORMS as readonly string[]).includes(platform);

export const OAUTH_SCOPES: Record<OAuthPlatform, string[]> = {
  tiktok: ['user.info.basic', 'video.upload', 'video.publish'],
  // youtube.readonly lets the callback read which channel was granted (channels.list mine=true).
  youtube: ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.readonly'],
  pinterest: ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'],
  x: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
  facebook: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
  instagram: ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement', 'business_management'],
};

/**
 * Facebook and Instagram share one Meta app. Its credentials are not among the refresh's variables
 * (Page tokens need no renewal), so they are named here and read from `credentials.facebook`.
 */
export const META_APP_VARIABLES = { id: 'FACEBOOK_APP_ID', secret: 'FACEBOOK_APP_SECRET' } as const;

/** The app credentials a platform's sign-in uses. */
export const appCredentialsFor = (platform: OAuthPlatform, credentials: Partial<Record<SocialPlatform, ClientCredentials>>): ClientCredentials | undefined =>
  platform === 'facebook' || platform === 'instagram' ? credentials.facebook : credentials[platform];

export interface AuthorizationRequest {
  platform: OAuthPlatform;
  app: ClientCredentials;
  redirectUri: string;
  state: string;
  /** X: the S256 challenge of the verifier kept in the state. */
  codeChallenge?: string;
}

export function authorizationUrl(request: AuthorizationRequest): string {
  const { platform, app, redirectUri, state } = request;
  const scopes = OAUTH_SCOPES[platform];
  if (platform === 'tiktok') return withQuery('https://www.tiktok.com/v2/auth/authorize/', { client_key: app.id!, response_type: 'code', scope: scopes.join(','), redirect_uri: redirectUri, state });
  if (platform === 'youtube') {
    return withQuery('https://accounts.google.com/o/oauth2/v2/auth', { client_id: app.id!, redirect_uri: redirectUri, response_type: 'code', scope: scopes.join(' '), access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true', state });
  }
  if (platform === 'pinterest') return withQuery('https://www.pinterest.com/oauth/', { client_id: app.id!, redirect_uri: redirectUri, response_type: 'code', scope: scopes.join(','), state });
  if (platform === 'facebook' || platform === 'instagram') return withQuery('https://www.facebook.com/v21.0/dialog/oauth', { client_id: app.id!, redirect_uri: redirectUri, response_type: 'code', scope: scopes.join(','), state });
  return withQuery('https://x.com/i/oauth2/authorize', { response_type: 'code', client_id: app.id!, redirect_uri: redirectUri, scope: scopes.join(' '), state, code_challenge: request.codeChallenge!, code_challenge_method: 'S256' });
}

/** RFC 7636: a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The variables a platform's sign-in still needs, by name (empty when its app is configured). */
export function missingAppVariables(platform: OAuthPlatform, app: ClientCredentials | undefined): string[] {
  if (platform !== 'facebook' && platform !== 'instagram') return missingCredentialVariables(platform, app);
  return [...(app?.id ? [] : [META_APP_VARIABLES.id]), ...(app?.secret ? [] : [META_APP_VARIABLES.secret])];
}

export const callbackPath = (platform: SocialPlatform) => `/api/oauth/${platform}/callback`;

function withQuery(url: string, query: Record<string, string>): string {
  return `${url}?${new URLSearchParams(query)}`;
}
