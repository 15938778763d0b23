import type { Role } from '../tools/registry/roles.ts';
import { isRole } from '../tools/registry/roles.ts';
import { defaultOperator, findOrganization, normaliseEmail } from '../tools/access/organizations.ts';
import type { Principal } from '../tools/registry/runner.ts';
import type { Runtime } from './runtime.ts';
import { UsageError } from './usage.ts';

export async function resolveOrganization(runtime: Runtime, slugOrId: string | undefined) {
  if (!slugOrId) throw new UsageError('--org is required (a slug or an id; `crescendo org create` makes one)');
  const organization = await findOrganization(runtime.database.prisma, slugOrId);
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
 * The CLI is a trusted local surface (it holds the database). It acts as the member named by
 * --as, else as the organisation's first owner; --role overrides the role (to try a VIEWER's view).
 */
export async function cliPrincipal(runtime: Runtime, options: { org?: string; role?: string; as?: string }): Promise<Principal> {
  const organization = await resolveOrganization(runtime, options.org);
  const prisma = runtime.database.prisma;
  if (options.as) {
    const email = normaliseEmail(options.as);
    const membership = await prisma.membership.findFirst({ where: { organizationId: organization.id, user: { email } } });
    if (!membership) throw new UsageError(`--as: ${email} is not a member of ${organization.slug} (add one with \`crescendo token create\`)`);
    return { orgId: organization.id, userId: membership.userId, role: parseRole(options.role, membership.role), surface: 'CLI' };
  }
  const operator = await defaultOperator(prisma, organization.id);
  return { orgId: organization.id, userId: operator?.userId ?? null, role: parseRole(options.role, 'OWNER'), surface: 'CLI' };
}
