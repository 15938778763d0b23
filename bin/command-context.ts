import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Role } from '../tools/registry/roles.ts';
import { isRole, ROLE_PERMISSIONS } from '../tools/registry/roles.ts';
import { defaultOperator, findOrganization, normaliseEmail } from '../tools/access/organizations.ts';
import type { Principal } from '../tools/registry/runner.ts';
import type { Runtime } from './runtime.ts';
import { UsageError } from './usage.ts';

export async function resolveOrganization(runtime: Runtime, slugOrId: string | undefined) {
  return findCliOrganization(runtime.database.prisma, slugOrId);
}

export async function findCliOrganization(prisma: PrismaClient, slugOrId: string | undefined) {
  if (!slugOrId) throw new UsageError('--org is required (a slug or an id; `crescendo org create` makes one)');
  const organization = await findOrganization(prisma, slugOrId);
  if (!organization) throw new UsageError(`--org: no organisation with slug or id "${slugOrId}"`);
  return organization;
}

export function parseRole(value: string | undefined, fallback: Role): Role {
  if (value === undefined) return fallback;
  const role = value.toUpperCase();
  if (!isRole(role)) throw new UsageError(`--role: "${value}" is not a role (OWNER, ADMIN, MANAGER, CAMPAIGN_MANAGER, ANALYST, VIEWER)`);
  return role;
}

/**
 * --role may narrow what a member can do (to see a VIEWER's view), never widen it: the requested
 * role's permissions must all be the member's own, or decisions and writes would be recorded as a
 * member who could never have made them.
 */
function roleWithin(requested: string | undefined, memberRole: Role, email: string): Role {
  const role = parseRole(requested, memberRole);
  const memberPermissions = ROLE_PERMISSIONS[memberRole];
  if ([...ROLE_PERMISSIONS[role]].every((permission) => memberPermissions.has(permission))) return role;
  throw new UsageError(`--role: ${email} is a ${memberRole} and may not act as ${role}; --role can only lower a member's role (leave it out to act as ${memberRole})`);
}

/**
 * The CLI is a trusted local surface (it holds the database). It acts as the member named by
 * --as, else as the organisation's first owner; --role lowers the role (to try a VIEWER's view).
 */
export async function cliPrincipal(runtime: Runtime, options: CliIdentityOptions): Promise<Principal> {
  return resolveCliPrincipal(runtime.database.prisma, options);
}

export interface CliIdentityOptions {
  org?: string;
  role?: string;
  as?: string;
}

export async function resolveCliPrincipal(prisma: PrismaClient, options: CliIdentityOptions): Promise<Principal> {
  const organization = await findCliOrganization(prisma, options.org);
  if (options.as) {
    const email = normaliseEmail(options.as);
    const membership = await prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email } } });
    if (!membership) throw new UsageError(`--as: ${email} is not a member of ${organization.slug} (add one with \`crescendo token create\`)`);
    return { orgId: organization.id, userId: membership.userId, role: roleWithin(options.role, membership.role, email), surface: 'CLI' };
  }
  const operator = await defaultOperator(prisma, organization.id);
  return { orgId: organization.id, userId: operator?.userId ?? null, role: parseRole(options.role, 'OWNER'), surface: 'CLI' };
}
