import { ToolError } from '../../registry/errors.ts';
import { PLATFORM_LABELS, type SocialPlatform } from './publishing.ts';

/**
 * Refreshing social accounts' OAuth tokens before they expire: what a refresh client is given and
 * answers, how it fails, and which environment variables configure it. The clients themselves
 * (one per platform, each against its documented token endpoint) are in token-refresh-clients.ts.
 */

/** The account's current tokens, opened just for the call. */
export interface RefreshableTokens {
  accessToken: string;
  refreshToken?: string;
}

export interface RefreshedTokens {
  accessToken: string;
  /** Set when the platform sent one (X and TikTok rotate them): it replaces the stored one. */
  refreshToken?: string;
  /** Null when the platform did not say. */
  expiresAt: Date | null;
}

export interface TokenRefreshClient {
  platform: SocialPlatform;
  /** Why this platform's tokens are never refreshed (Facebook Page tokens do not expire), else undefined. */
  notNeeded?: string;
  refresh(tokens: RefreshableTokens, now: Date): Promise<RefreshedTokens>;
}

/**
 * How a refresh failed, which decides what happens to the account:
 * - `revoked`: the platform refused the grant (revoked, expired, app removed). Mark the account REVOKED; a person reconnects it.
 * - `transient`: rate limit, 5xx, timeout. Try again later; the account is untouched.
 * - `unconfigured`: our side lacks what the call needs (client credentials, a refresh token). Nothing to retry until it is set.
 * - `refused`: any other refusal, in the platform's words; the account is untouched.
 */
export type TokenRefreshFailureKind = 'revoked' | 'transient' | 'unconfigured' | 'refused';

const CODE_BY_KIND = { revoked: 'forbidden', transient: 'unavailable', unconfigured: 'unavailable', refused: 'invalid_input' } as const;

/** A failed refresh whose message is for people and never holds a token or a client secret. */
export class TokenRefreshError extends ToolError {
  constructor(
    readonly kind: TokenRefreshFailureKind,
    readonly platform: SocialPlatform,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(CODE_BY_KIND[kind], message);
    this.name = 'TokenRefreshError';
  }
}

export function describeRefreshFailure(platform: SocialPlatform, kind: TokenRefreshFailureKind, said: string): string {
  const label = PLATFORM_LABELS[platform];
  if (kind === 'revoked') return `${label} refused to renew the account's access (${said}): it was revoked or has lapsed, so connect the account again.`;
  if (kind === 'transient') return `${label} could not renew the access token right now (${said}); it will be tried again.`;
  if (kind === 'refused') return `${label} would not renew the access token: ${said}`;
  return `${label} tokens cannot be renewed: ${said}`;
}

/** An app's OAuth credentials on one platform. */
export interface ClientCredentials {
  id?: string;
  secret?: string;
}

export interface TokenRefreshSettings {
  /** The root each platform's token endpoint is under. */
  urls: Record<SocialPlatform, string>;
  credentials: Partial<Record<SocialPlatform, ClientCredentials>>;
}

/**
 * The token endpoints' roots. TikTok, Pinterest and X serve them from their API host (the
 * publishing variables); Instagram (Instagram Login), Google and Snapchat from hosts of their own.
 */
export const TOKEN_URL_VARIABLES: Partial<Record<SocialPlatform, { variable: string; defaultUrl: string; description: string }>> = {
  instagram: { variable: 'INSTAGRAM_TOKEN_URL', defaultUrl: 'https://graph.instagram.com', description: 'Instagram token refresh root' },
  youtube: { variable: 'GOOGLE_OAUTH_URL', defaultUrl: 'https://oauth2.googleapis.com', description: 'Google OAuth token root (YouTube)' },
  snapchat: { variable: 'SNAPCHAT_ACCOUNTS_URL', defaultUrl: 'https://accounts.snapchat.com', description: 'Snapchat OAuth token root' },
};

/** The app credentials each platform's refresh needs: which variable holds each part, and which parts are required. */
export const CLIENT_CREDENTIAL_VARIABLES: Partial<Record<SocialPlatform, { id: string; secret: string; secretOptional?: boolean }>> = {
  tiktok: { id: 'TIKTOK_CLIENT_KEY', secret: 'TIKTOK_CLIENT_SECRET' },
  youtube: { id: 'GOOGLE_CLIENT_ID', secret: 'GOOGLE_CLIENT_SECRET' },
  pinterest: { id: 'PINTEREST_APP_ID', secret: 'PINTEREST_APP_SECRET' },
  // A public X client (PKCE without a secret) refreshes with its id alone.
  x: { id: 'X_CLIENT_ID', secret: 'X_CLIENT_SECRET', secretOptional: true },
  snapchat: { id: 'SNAPCHAT_CLIENT_ID', secret: 'SNAPCHAT_CLIENT_SECRET' },
};

/** Every variable above, with a line for config.ts and the README. */
export function tokenRefreshVariables(): Array<{ variable: string; description: string }> {
  const urls = Object.values(TOKEN_URL_VARIABLES).map(({ variable, defaultUrl, description }) => ({ variable, description: `${description} (default ${defaultUrl}), for proxies and tests.` }));
  const credentials = Object.entries(CLIENT_CREDENTIAL_VARIABLES).flatMap(([platform, names]) => {
    const label = PLATFORM_LABELS[platform as SocialPlatform];
    return [
      { variable: names.id, description: `${label} app's OAuth client id: lets Crescendo renew ${label} tokens before they expire.` },
      { variable: names.secret, description: `${label} app's OAuth client secret${names.secretOptional ? ' (confidential clients only)' : ''}: renews ${label} tokens.` },
    ];
  });
  return [...urls, ...credentials];
}

/** Settings from already-parsed configuration values (variable name -> value) and the publishing API roots. */
export function tokenRefreshSettings(values: Record<string, string | undefined>, publishingUrls: Record<SocialPlatform, string>): TokenRefreshSettings {
  const urls = { ...publishingUrls };
  for (const [platform, { variable, defaultUrl }] of Object.entries(TOKEN_URL_VARIABLES)) urls[platform as SocialPlatform] = values[variable] || defaultUrl;
  const credentials: TokenRefreshSettings['credentials'] = {};
  for (const [platform, names] of Object.entries(CLIENT_CREDENTIAL_VARIABLES)) {
    credentials[platform as SocialPlatform] = { id: values[names.id] || undefined, secret: values[names.secret] || undefined };
  }
  return { urls, credentials };
}

/** The variables a platform's refresh still needs, by name (empty when it has them all). */
export function missingCredentialVariables(platform: SocialPlatform, credentials: ClientCredentials | undefined): string[] {
  const names = CLIENT_CREDENTIAL_VARIABLES[platform];
  if (!names) return [];
  const missing: string[] = [];
  if (!credentials?.id) missing.push(names.id);
  if (!credentials?.secret && !names.secretOptional) missing.push(names.secret);
  return missing;
}
