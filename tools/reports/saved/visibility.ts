import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ReportCategory, ReportVisibility } from '../../../db/generated/prisma/enums.ts';
import type { Actor } from '../../registry/context.ts';
import { forbidden } from '../../registry/errors.ts';
import type { Role } from '../../registry/roles.ts';

/** What the visibility rules look at on a saved report or a dashboard. */
export interface Shared {
  visibility: ReportVisibility;
  ownerId: string | null;
}

/** Roles that may change or delete other people's team and organisation reports and dashboards. */
const MANAGERS: ReadonlySet<Role> = new Set(['OWNER', 'ADMIN', 'MANAGER']);

/**
 * The one visibility rule for saved reports and dashboards, as the list of what a caller sees:
 * ORGANIZATION is everyone's, TEAM every member's but a VIEWER's, PRIVATE only its owner's.
 * Both `mayView` (one row) and `visibleWhere` (a query) are derived from it.
 */
export function visibleScopes(actor: Pick<Actor, 'role' | 'userId'>): Array<{ visibility: ReportVisibility; ownerId?: string }> {
  const scopes: Array<{ visibility: ReportVisibility; ownerId?: string }> = [{ visibility: 'ORGANIZATION' }];
  if (actor.role !== 'VIEWER') scopes.push({ visibility: 'TEAM' });
  if (actor.userId) scopes.push({ visibility: 'PRIVATE', ownerId: actor.userId });
  return scopes;
}

export function mayView(actor: Pick<Actor, 'role' | 'userId'>, row: Shared): boolean {
  return visibleScopes(actor).some((scope) => scope.visibility === row.visibility && (scope.ownerId === undefined || scope.ownerId === row.ownerId));
}

/** A Prisma filter for the rows `mayView` allows. */
export function visibleWhere(actor: Pick<Actor, 'role' | 'userId'>): Prisma.ReportViewWhereInput & Prisma.DashboardWhereInput {
  return { OR: visibleScopes(actor).map((scope) => ({ visibility: scope.visibility, ...(scope.ownerId ? { ownerId: scope.ownerId } : {}) })) };
}

/** Update and delete: the owner, or MANAGER and above for team and organisation rows (whoever may see it). */
export function mayChange(actor: Pick<Actor, 'role' | 'userId'>, row: Shared): boolean {
  if (!mayView(actor, row)) return false;
  if (actor.userId !== null && row.ownerId === actor.userId) return true;
  return row.visibility !== 'PRIVATE' && MANAGERS.has(actor.role);
}

/** Throws forbidden unless the caller may change the row (call after checking it is visible). */
export function assertMayChange(actor: Pick<Actor, 'role' | 'userId'>, row: Shared, what: string): void {
  if (!mayChange(actor, row)) {
    throw forbidden(`Only its owner${row.visibility === 'PRIVATE' ? '' : ', or a MANAGER, ADMIN or OWNER,'} may change or delete this ${what}; your role is ${actor.role}.`);
  }
}

/** A CAMPAIGN_MANAGER creates and updates campaign_performance reports only; ANALYST, MANAGER and above any category. */
export function mayWriteCategory(role: Role, category: ReportCategory): boolean {
  return role !== 'CAMPAIGN_MANAGER' || category === 'CAMPAIGN_PERFORMANCE';
}

export function assertMayWriteCategory(role: Role, category: ReportCategory): void {
  if (!mayWriteCategory(role, category)) {
    throw forbidden(`A CAMPAIGN_MANAGER may create and update campaign_performance reports only, not ${category.toLowerCase()}; ask an ANALYST or a MANAGER.`);
  }
}
