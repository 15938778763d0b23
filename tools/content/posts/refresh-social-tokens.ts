import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ToolContext } from '../../registry/context.ts';
import { PublishError, publishingBaseUrls, type SocialPlatform } from '../connectors/index.ts';
import { PLATFORM_LABELS } from '../connectors/publishing.ts';
import { TokenRefreshError, tokenRefreshSettings, type TokenRefreshClient } from '../connectors/token-refresh.ts';
import { createTokenRefreshClients } from '../connectors/token-refresh-clients.ts';
import { SecretsError } from '../../common/secrets/token-cipher.ts';
import { contentServices, tokenContext } from './content-services.ts';
import { fromPlatformColumn } from './post-fields.ts';

/** The hourly job renews tokens that expire within this. */
export const REFRESH_WINDOW_MS = 24 * 3_600_000;
/** Publishing renews a token that expires within this first. */
export const PUBLISH_REFRESH_WINDOW_MS = 10 * 60_000;
/** Most accounts one run renews; the rest wait for the next hour. */
const REFRESH_BATCH = 100;

/**
 * The refresh clients, configured once by the composition root from the parsed config (the app
 * credentials and token URLs); tests configure loopback fakes. Unconfigured: the real hosts and no
 * app credentials, so a refresh says which variables to set. Beside content-services for the same
 * reason it is module-level: the context has no place for per-area services yet.
 */
let configuredClients: Record<SocialPlatform, TokenRefreshClient> | undefined;

export function configureTokenRefreshClients(clients: Record<SocialPlatform, TokenRefreshClient>): void {
  configuredClients = clients;
}

function refreshClients(): Record<SocialPlatform, TokenRefreshClient> {
  configuredClients ??= createTokenRefreshClients(tokenRefreshSettings({}, publishingBaseUrls({})));
  return configuredClients;
}

/** What the refresh reads of an account. */
export interface RefreshAccountRow {
  id: string;
  platform: string;
  displayName: string;
  status: string;
  accessTokenEncrypted: string;
  refreshTokenEncrypted: string | null;
  tokenExpiresAt: Date | null;
}

const ACCOUNT_COLUMNS = { id: true, platform: true, displayName: true, status: true, accessTokenEncrypted: true, refreshTokenEncrypted: true, tokenExpiresAt: true } as const;

const accountOutcome = z.object({
  social_account_id: z.string(),
  platform: z.string(),
  account: z.string(),
  outcome: z.enum(['refreshed', 'not_needed', 'failed']),
  reason: z.string().nullable().describe('Why it was not needed or why it failed, in words; never a token.'),
  token_expires_at: z.string().nullable(),
});
type AccountOutcome = z.infer<typeof accountOutcome> & { failure?: TokenRefreshError; accessToken?: string };

export const refreshSocialTokens = defineTool({
  name: 'refresh_social_tokens',
  title: 'Renew social accounts’ tokens',
  description:
    "Renews the OAuth access tokens of social accounts that expire within 24 hours (or of the one named), so publishing keeps working; a token the platform refuses marks the account revoked with the reason. Reports each account as refreshed, not needed or failed; never shows a token. Run hourly by a job.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  // Jobs and operators only: it spends the platforms' token calls and needs no conversation.
  surfaces: ['JOB', 'CLI'],
  // Each account's new token is kept as soon as the platform issues it, whatever happens to the next account.
  ownTransactions: true,
  hints: { openWorld: true, idempotent: true },
  input: z.object({ social_account_id: z.string().uuid().optional().describe('Only this account, renewed now whatever its expiry.') }),
  output: z.object({ accounts: z.array(accountOutcome), refreshed: z.number().int(), failed: z.number().int() }),
  example: {},
  async handler(ctx, input) {
    const now = ctx.now();
    const accounts = input.social_account_id
      ? await ctx.db.socialAccount.findMany({ where: { id: input.social_account_id }, select: ACCOUNT_COLUMNS })
      : await ctx.db.socialAccount.findMany({
          // EXPIRED too: the publish path marks an account expired on a refused token, and a renewal brings it back.
          where: { status: { in: ['CONNECTED', 'EXPIRED'] }, platform: { not: 'FACEBOOK' }, tokenExpiresAt: { lte: new Date(now.getTime() + REFRESH_WINDOW_MS) } },
          select: ACCOUNT_COLUMNS,
          orderBy: { tokenExpiresAt: 'asc' },
          take: REFRESH_BATCH,
        });
    if (input.social_account_id && accounts.length === 0) throw new ToolError('not_found', 'No social account with that id in this organisation (list_social_accounts shows them).');
    const results: z.infer<typeof accountOutcome>[] = [];
    for (const account of accounts) {
      const { failure: _failure, accessToken: _token, ...shown } = await refreshAccount(ctx, account);
      results.push(shown);
    }
    return { accounts: results, refreshed: results.filter((result) => result.outcome === 'refreshed').length, failed: results.filter((result) => result.outcome === 'failed').length };
  },
});

/**
 * Renews one account's tokens and records the outcome on the row: new sealed tokens and expiry
 * in one statement (a rotated refresh token never outlives its access token, or the reverse), or
 * REVOKED with the platform's reason. The result carries the new access token for the publish path
 * only; the tool drops it before answering.
 */
export async function refreshAccount(ctx: ToolContext, account: RefreshAccountRow): Promise<AccountOutcome> {
  const platform = fromPlatformColumn(account.platform);
  const base = { social_account_id: account.id, platform: PLATFORM_LABELS[platform], account: account.displayName, token_expires_at: account.tokenExpiresAt?.toISOString() ?? null };
  const client = refreshClients()[platform];
  if (client.notNeeded) return { ...base, outcome: 'not_needed', reason: client.notNeeded };
  if (account.status === 'REVOKED') return { ...base, outcome: 'failed', reason: `${account.displayName} is revoked: connect it again (connect_social_account).` };
  const { cipher } = contentServices();
  let tokens;
  try {
    tokens = {
      accessToken: cipher.decrypt(account.accessTokenEncrypted, tokenContext(account.id, 'access')),
      refreshToken: account.refreshTokenEncrypted ? cipher.decrypt(account.refreshTokenEncrypted, tokenContext(account.id, 'refresh')) : undefined,
    };
  } catch (error) {
    if (error instanceof SecretsError) return { ...base, outcome: 'failed', reason: error.message };
    throw error;
  }
  try {
    const fresh = await client.refresh(tokens, ctx.now());
    const data = {
      accessTokenEncrypted: cipher.encrypt(fresh.accessToken, tokenContext(account.id, 'access')),
      // Kept as it was unless the platform rotated it (X, Snapchat): the old one no longer works then.
      ...(fresh.refreshToken ? { refreshTokenEncrypted: cipher.encrypt(fresh.refreshToken, tokenContext(account.id, 'refresh')) } : {}),
      tokenExpiresAt: fresh.expiresAt,
      status: 'CONNECTED' as const,
      lastError: null,
    };
    await ctx.inTransaction((db) => db.socialAccount.update({ where: { id: account.id }, data }));
    return { ...base, outcome: 'refreshed', reason: null, token_expires_at: fresh.expiresAt?.toISOString() ?? null, accessToken: fresh.accessToken };
  } catch (error) {
    if (!(error instanceof TokenRefreshError)) throw error;
    if (error.kind === 'revoked') {
      // A run at the same moment (the hourly job and a publish) may have renewed it first: with
      // rotating refresh tokens ours was then spent by theirs, which is not a revocation.
      const now = await ctx.db.socialAccount.findFirst({ where: { id: account.id }, select: { accessTokenEncrypted: true, tokenExpiresAt: true } });
      if (now && now.accessTokenEncrypted !== account.accessTokenEncrypted) {
        return { ...base, outcome: 'not_needed', reason: 'Renewed by another run at the same time.', token_expires_at: now.tokenExpiresAt?.toISOString() ?? null };
      }
      await ctx.db.socialAccount.update({ where: { id: account.id }, data: { status: 'REVOKED', lastError: error.message } });
    } else if (error.kind === 'transient' || error.kind === 'refused') {
      await ctx.db.socialAccount.update({ where: { id: account.id }, data: { lastError: error.message } });
    }
    return { ...base, outcome: 'failed', reason: error.message, failure: error };
  }
}

/**
 * The access token to publish with: renewed first when it expires within `windowMs`. A renewal
 * that fails while the old token still works is no reason to hold the post; one that fails after
 * it lapsed is: transient failures come back as a transient PublishError (the post retries later),
 * others as the TokenRefreshError that says why (the post fails with it).
 */
export async function freshAccessToken(ctx: ToolContext, account: RefreshAccountRow, windowMs = PUBLISH_REFRESH_WINDOW_MS): Promise<string> {
  const { cipher } = contentServices();
  const now = ctx.now();
  const current = () => cipher.decrypt(account.accessTokenEncrypted, tokenContext(account.id, 'access'));
  if (!account.tokenExpiresAt || account.tokenExpiresAt.getTime() - now.getTime() > windowMs) return current();
  const result = await refreshAccount(ctx, account);
  if (result.accessToken) return result.accessToken;
  if (result.outcome === 'not_needed') {
    if (!result.reason?.startsWith('Renewed')) return current();
    const renewed = await ctx.db.socialAccount.findFirstOrThrow({ where: { id: account.id }, select: { accessTokenEncrypted: true } });
    return cipher.decrypt(renewed.accessTokenEncrypted, tokenContext(account.id, 'access'));
  }
  const failure = result.failure;
  const stillValid = account.tokenExpiresAt.getTime() > now.getTime();
  if (stillValid && failure?.kind !== 'revoked') return current();
  if (failure?.kind === 'transient') throw new PublishError('transient', failure.platform, failure.message, { retryAfterMs: failure.retryAfterMs });
  throw failure ?? new TokenRefreshError('revoked', fromPlatformColumn(account.platform), result.reason ?? 'The account cannot be used.');
}
