import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../../db/generated/prisma/client.ts';
import type { AdPlatform } from '../../../db/generated/prisma/enums.ts';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { createOAuthStateSigner, memoryUsedStateStore, OAuthStateError, type OAuthStateSigner } from '../../content/connectors/oauth-state.ts';
import { adsSettings, requirePlatformConfigured, type AdsSettings } from '../ads-settings.ts';
import type { AdGrant, ConnectedPlatform, DiscoveredAdAccount } from '../connectors/ad-connector.ts';
import { connectionSealContext } from '../sync/account-access.ts';

/**
 * The state's platform claim is `ads:<platform>`, so an ad-account state can never be redeemed by
 * the social-account callback (TikTok is both) and the other way round.
 */
const statePlatform = (platform: ConnectedPlatform) => `ads:${platform}`;

let signerFor: { settings: AdsSettings; signer: OAuthStateSigner } | undefined;

/** The signer of ad-account OAuth states (CRESCENDO_ENCRYPTION_KEY derives its MAC key); configured settings only. */
function stateSigner(): OAuthStateSigner {
  const settings = adsSettings();
  if (signerFor?.settings !== settings) {
    const key = settings.encryptionKey;
    if (!key) throw new Error('requirePlatformConfigured must run first');
    signerFor = { settings, signer: createOAuthStateSigner(key, createTokenCipher(key), settings.usedStates ?? memoryUsedStateStore()) };
  }
  return signerFor.signer;
}

export function issueAdState(claims: { organizationId: string; userId: string; platform: ConnectedPlatform }, now: Date): { state: string; expiresAt: Date } {
  requirePlatformConfigured(claims.platform);
  return stateSigner().issue({ organizationId: claims.organizationId, userId: claims.userId, platform: statePlatform(claims.platform) as never }, now);
}

/** The organisation and user a good, first-used state names; an OAuthStateError (or `unavailable`) otherwise. */
export async function redeemAdState(state: string, platform: ConnectedPlatform, now: Date): Promise<{ organizationId: string; userId: string }> {
  requirePlatformConfigured(platform);
  const claims = await stateSigner().redeem(state, now);
  if ((claims.platform as string) !== statePlatform(platform)) throw new OAuthStateError('tampered');
  return { organizationId: claims.organizationId, userId: claims.userId };
}

/** A time-ordered id (UUID v7), made here because the tokens are sealed under the connection's id before its row exists. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface StoredConnection {
  connectionId: string;
  accounts: Array<{ id: string; externalId: string; name: string; isManager: boolean; isNew: boolean }>;
}

/**
 * Stores a grant and the accounts it reaches, in one transaction of the state's organisation: the
 * connection (tokens sealed under `ad_connection:<id>`; refused without the key), upserted by the
 * platform's user id so reconnecting renews it; each account upserted by external id (a reconnected
 * account becomes ACTIVE again), then the hierarchy set from the platform's parent ids. Manager
 * accounts are kept (they carry the hierarchy) though they have no campaigns of their own.
 */
export async function storeAdGrant(
  prisma: PrismaClient,
  input: { organizationId: string; userId: string; platform: ConnectedPlatform; grant: AdGrant; accounts: DiscoveredAdAccount[] },
  now: Date,
): Promise<StoredConnection> {
  const cipher = createTokenCipher(adsSettings().encryptionKey);
  const platform = input.platform.toUpperCase() as AdPlatform;
  const { grant, organizationId } = input;
  return prisma.$transaction(async (tx) => {
    const held = await tx.adConnection.findUnique({ where: { organizationId_platform_externalUserId: { organizationId, platform, externalUserId: grant.externalUserId } }, select: { id: true } });
    const connectionId = held?.id ?? uuidv7(now.getTime());
    const sealed = {
      accessTokenEncrypted: cipher.encrypt(grant.accessToken, connectionSealContext(connectionId)),
      refreshTokenEncrypted: grant.refreshToken ? cipher.encrypt(grant.refreshToken, connectionSealContext(connectionId)) : null,
      tokenExpiresAt: grant.expiresAt,
      scopes: grant.scopes.slice(0, 100),
      displayName: grant.displayName.slice(0, 300),
      status: 'CONNECTED' as const,
      lastError: null,
      connectedById: input.userId,
    };
    if (held) await tx.adConnection.update({ where: { id: connectionId }, data: sealed });
    else await tx.adConnection.create({ data: { id: connectionId, organizationId, platform, externalUserId: grant.externalUserId, ...sealed } });

    const accounts: StoredConnection['accounts'] = [];
    const idByExternal = new Map<string, string>();
    for (const found of input.accounts) {
      const before = await tx.adAccount.findUnique({ where: { organizationId_platform_externalId: { organizationId, platform, externalId: found.externalId } }, select: { id: true, status: true } });
      const fields = { name: found.name.slice(0, 300), currency: found.currency.toUpperCase().slice(0, 3), timeZone: found.timeZone, connectionId };
      const row = before
        ? await tx.adAccount.update({ where: { id: before.id }, data: { ...fields, ...(before.status === 'PAUSED' ? {} : { status: 'ACTIVE' as const }) }, select: { id: true } })
        : await tx.adAccount.create({ data: { organizationId, platform, externalId: found.externalId, ...fields }, select: { id: true } });
      idByExternal.set(found.externalId, row.id);
      accounts.push({ id: row.id, externalId: found.externalId, name: found.name, isManager: found.isManager, isNew: !before });
    }
    for (const found of input.accounts) {
      if (!found.parentExternalId) continue;
      const parentId =
        idByExternal.get(found.parentExternalId) ??
        (await tx.adAccount.findUnique({ where: { organizationId_platform_externalId: { organizationId, platform, externalId: found.parentExternalId } }, select: { id: true } }))?.id;
      if (parentId && parentId !== idByExternal.get(found.externalId)) await tx.adAccount.update({ where: { id: idByExternal.get(found.externalId)! }, data: { parentAccountId: parentId } });
    }
    return { connectionId, accounts };
  });
}
