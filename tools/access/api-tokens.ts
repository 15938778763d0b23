import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Role } from '../registry/roles.ts';
import { ensureMember } from './organizations.ts';
import { ROLES } from '../registry/roles.ts';

const TOKEN_PREFIX = 'cre_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface IssuedToken {
  /** Shown once; only its hash is stored. */
  token: string;
  id: string;
  prefix: string;
  role: Role;
  email: string;
}

/**
 * Issues a bearer token for a member (added to the organisation with `role` if not a member yet).
 * A token never carries more than its member's role: asking for more yields the member's role.
 */
export async function createApiToken(
  prisma: PrismaClient,
  options: { organizationId: string; email: string; role: Role; name?: string; expiresAt?: Date },
): Promise<IssuedToken> {
  const { user, membership } = await ensureMember(prisma, options.organizationId, options.email, options.role);
  const role = moreRestrictive(options.role, membership.role);
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await prisma.apiToken.create({
    data: {
      organizationId: options.organizationId,
      userId: user.id,
      role,
      name: options.name ?? `token for ${user.email}`,
      tokenHash: hashToken(token),
      prefix,
      expiresAt: options.expiresAt ?? null,
    },
  });
  return { token, id: row.id, prefix, role, email: user.email };
}

export interface TokenIdentity {
  tokenId: string;
  organizationId: string;
  userId: string;
  role: Role;
}

/** Resolves a presented token; null when unknown, revoked, expired, or its member left. */
export async function verifyApiToken(prisma: PrismaClient, token: string, now = new Date()): Promise<TokenIdentity | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const membership = await prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: row.organizationId, userId: row.userId } },
  });
  if (!membership) return null;
  // A token never grants more than its member currently has.
  const role = moreRestrictive(row.role, membership.role);
  // Written at most once a minute per token, not on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, organizationId: row.organizationId, userId: row.userId, role };
}

function moreRestrictive(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

/** Replaces the member's token called `name` (revoking the old one): used for the token printed at start-up. */
export async function rotateNamedToken(
  prisma: PrismaClient,
  options: { organizationId: string; email: string; role: Role; name: string },
): Promise<IssuedToken> {
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  if (user) {
    await prisma.apiToken.updateMany({
      where: { organizationId: options.organizationId, userId: user.id, name: options.name, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
  return createApiToken(prisma, options);
}
