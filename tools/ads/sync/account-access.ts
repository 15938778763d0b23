import { createTokenCipher, type TokenCipher } from '../../common/secrets/token-cipher.ts';
import { conflict, notFound, ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { adConnectorFor, adsSettings, PLATFORM_NAMES } from '../ads-settings.ts';
import { AdPlatformError, type AccountRef, type AdConnector, type AdTokens, type ConnectedPlatform } from '../connectors/ad-connector.ts';

/** A token that lapses within this long is renewed before use. */
export const REFRESH_MARGIN_MS = 10 * 60_000;

/** The context a connection's tokens are sealed under (schema: AdConnection). */
export const connectionSealContext = (connectionId: string) => `ad_connection:${connectionId}`;

export function adTokenCipher(): TokenCipher {
  return createTokenCipher(adsSettings().encryptionKey);
}

/** The platform code tools speak (lower case) from the schema's enum. */
export const platformCode = (platform: string) => platform.toLowerCase();

export interface AdAccountAccess {
  connector: AdConnector;
  /** Never log, return or store it. */
  accessToken: string;
  account: AccountRef;
  adAccount: { id: string; name: string; platform: ConnectedPlatform; connectionId: string };
}

/** Replaces every secret in a message with [token]: a platform's or a library's text is never trusted to leave them out. */
export function redactTokens(message: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let text = message;
  for (const secret of secrets) if (secret && secret.length >= 6) text = text.split(secret).join('[token]');
  return text;
}

const reconnectAdvice = (platform: ConnectedPlatform) => `connect it again with connect_ad_account {platform: "${platform}"}`;

/**
 * Everything needed to call the platform for one ad account: its connector, a live access token
 * and the account reference (with the manager above it as Google's login customer). A token that
 * lapses within 10 minutes is refreshed first, one refresh per connection at a time (the
 * connection's row is locked for it, so a second caller waits and then finds the new token). When
 * the platform says the grant is gone, the connection and its accounts are marked NEEDS_REAUTH
 * with the reason and a ToolError says to reconnect.
 *
 * `db` should be a transaction: the lock lasts until it ends. Marked NEEDS_REAUTH commits with that
 * transaction, so a caller that lets the error roll it back loses the mark (the next sync sets it
 * again); `resolveAccountAccess` returns the refusal instead of throwing, for callers that commit.
 */
export async function accountAccess(db: ToolDb, accountId: string, now: Date): Promise<AdAccountAccess> {
  const result = await resolveAccountAccess(db, accountId, now);
  if ('refused' in result) throw result.refused;
  return result.access;
}

export async function resolveAccountAccess(db: ToolDb, accountId: string, now: Date): Promise<{ access: AdAccountAccess } | { refused: ToolError; revoked: boolean }> {
  const account = await db.adAccount.findFirst({
    where: { id: accountId },
    select: { id: true, organizationId: true, name: true, platform: true, externalId: true, currency: true, timeZone: true, isDemo: true, status: true, connectionId: true, parentAccountId: true },
  });
  if (!account) throw notFound('ad account', accountId);
  const platform = platformCode(account.platform) as ConnectedPlatform;
  if (account.isDemo) return { refused: conflict(`${account.name} is a demo stand-in: it is not on ${PLATFORM_NAMES[platform] ?? account.platform} and is never called.`), revoked: false };
  if (!account.connectionId) return { refused: conflict(`${account.name} has no connection to its platform: ${reconnectAdvice(platform)}.`), revoked: false };
  const connector = adConnectorFor(platform);
  const connectionId = account.connectionId;
  const cipher = adTokenCipher();
  const load = () =>
    db.adConnection.findFirst({ where: { id: connectionId }, select: { id: true, status: true, lastError: true, accessTokenEncrypted: true, refreshTokenEncrypted: true, tokenExpiresAt: true } });
  let connection = await load();
  if (!connection) return { refused: conflict(`${account.name} lost its connection: ${reconnectAdvice(platform)}.`), revoked: false };
  if (connection.status !== 'CONNECTED' || account.status === 'NEEDS_REAUTH') {
    const reason = connection.lastError ? ` (${connection.lastError})` : '';
    return { refused: new ToolError('conflict', `${PLATFORM_NAMES[platform]} access for ${account.name} needs re-authorisation${reason}: ${reconnectAdvice(platform)}.`), revoked: true };
  }
  const expiring = (expiresAt: Date | null) => expiresAt !== null && expiresAt.getTime() - now.getTime() < REFRESH_MARGIN_MS;
  if (expiring(connection.tokenExpiresAt)) {
    // One refresh per connection at a time: whoever holds the lock refreshes, the others then read its result.
    await db.$queryRaw`SELECT id FROM "AdConnection" WHERE "organizationId" = ${account.organizationId} AND id = ${connectionId} FOR UPDATE`;
    connection = (await load())!;
    if (expiring(connection.tokenExpiresAt)) {
      const refreshToken = connection.refreshTokenEncrypted ? cipher.decrypt(connection.refreshTokenEncrypted, connectionSealContext(connectionId)) : null;
      let tokens: AdTokens;
      try {
        if (!refreshToken) throw new AdPlatformError(platform, 'revoked', `the ${PLATFORM_NAMES[platform]} token expired and the platform gave no refresh token`);
        tokens = await connector.refresh(refreshToken);
      } catch (error) {
        if (error instanceof AdPlatformError && error.kind === 'revoked') {
          const message = redactTokens(error.message, [refreshToken]);
          await markNeedsReauth(db, connectionId, message);
          return { refused: new ToolError('conflict', `${PLATFORM_NAMES[platform]} refused to renew access for ${account.name} (${message}): ${reconnectAdvice(platform)}.`), revoked: true };
        }
        throw asToolError(error, [refreshToken]);
      }
      await db.adConnection.update({
        where: { id: connectionId },
        data: {
          accessTokenEncrypted: cipher.encrypt(tokens.accessToken, connectionSealContext(connectionId)),
          // Platforms that rotate refresh tokens send a new one; the others keep the old.
          ...(tokens.refreshToken ? { refreshTokenEncrypted: cipher.encrypt(tokens.refreshToken, connectionSealContext(connectionId)) } : {}),
          tokenExpiresAt: tokens.expiresAt,
          ...(tokens.scopes.length ? { scopes: tokens.scopes } : {}),
          lastError: null,
        },
      });
      return { access: { connector, accessToken: tokens.accessToken, account: await accountRef(db, account), adAccount: { id: account.id, name: account.name, platform, connectionId } } };
    }
  }
  const accessToken = cipher.decrypt(connection.accessTokenEncrypted, connectionSealContext(connectionId));
  return { access: { connector, accessToken, account: await accountRef(db, account), adAccount: { id: account.id, name: account.name, platform, connectionId } } };
}

/** Google reaches a client account through the manager at the top of its hierarchy (login-customer-id). */
async function accountRef(db: ToolDb, account: { externalId: string; currency: string; timeZone: string; parentAccountId: string | null }): Promise<AccountRef> {
  let loginExternalId: string | null = null;
  let parentId = account.parentAccountId;
  for (let depth = 0; parentId && depth < 10; depth++) {
    const parent = await db.adAccount.findFirst({ where: { id: parentId }, select: { externalId: true, parentAccountId: true } });
    if (!parent) break;
    loginExternalId = parent.externalId;
    parentId = parent.parentAccountId;
  }
  return { externalId: account.externalId, loginExternalId, currency: account.currency, timeZone: account.timeZone };
}

/** The grant is gone: the connection and every account it reaches need someone to connect again. */
export async function markNeedsReauth(db: ToolDb, connectionId: string, message: string): Promise<void> {
  await db.adConnection.update({ where: { id: connectionId }, data: { status: 'NEEDS_REAUTH', lastError: message } });
  await db.adAccount.updateMany({ where: { connectionId, isDemo: false, status: { in: ['ACTIVE', 'NEEDS_REAUTH'] } }, data: { status: 'NEEDS_REAUTH', lastSyncError: message } });
}

/** A platform's failure as a tool error (rate limits and outages are `unavailable`, refusals `conflict`), tokens scrubbed. */
export function asToolError(error: unknown, secrets: ReadonlyArray<string | null | undefined>): unknown {
  if (!(error instanceof AdPlatformError)) return error;
  const message = redactTokens(error.message, secrets);
  const name = PLATFORM_NAMES[error.platform];
  if (error.kind === 'rate_limited') return new ToolError('unavailable', `${name} is rate limiting this app: ${message}. Try again later.`);
  if (error.kind === 'unavailable') return new ToolError('unavailable', `${name} did not answer: ${message}.`);
  if (error.kind === 'revoked') return new ToolError('conflict', `${name} no longer accepts this connection (${message}): connect it again with connect_ad_account.`);
  return new ToolError('conflict', `${name} refused: ${message}.`);
}
