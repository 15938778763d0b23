import type { Role } from '../../db/generated/prisma/enums.ts';

export type { Role };

/** Roles from most to least powerful. */
export const ROLES = ['OWNER', 'ADMIN', 'MANAGER', 'CAMPAIGN_MANAGER', 'ANALYST', 'VIEWER'] as const satisfies readonly Role[];

/** Domain areas; each has a `:read` and a `:write` permission. They double as MCP toolsets. */
export const AREAS = [
  'access',
  'approvals',
  'campaigns',
  'attribution',
  'reports',
  'crm',
  'creators',
  'content',
  'insights',
  'tracking',
  'fans',
  'ads',
] as const;
export type Area = (typeof AREAS)[number];

export type Permission =
  | `${Area}:read`
  | `${Area}:write`
  /** approve or reject pending approval requests */
  | 'approvals:decide'
  /** manage members, tokens and organisation settings */
  | 'org:admin'
  /** read the audit log of tool calls */
  | 'audit:read';

const read = (areas: readonly Area[]): Permission[] => areas.map((area) => `${area}:read` as const);
const write = (areas: readonly Area[]): Permission[] => areas.map((area) => `${area}:write` as const);

const EVERY_READ = read(AREAS);
const OPERATIONAL_AREAS: Area[] = ['campaigns', 'attribution', 'reports', 'crm', 'creators', 'content', 'tracking', 'fans', 'ads', 'insights'];

/**
 * The permission matrix: the one place that says who may do what.
 * Writes that reach outside or spend money are additionally routed through approvals,
 * which only MANAGER and above may decide.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  VIEWER: new Set(EVERY_READ),
  ANALYST: new Set([...EVERY_READ, ...write(['reports', 'attribution', 'insights'])]),
  CAMPAIGN_MANAGER: new Set([...EVERY_READ, ...write(OPERATIONAL_AREAS), 'approvals:write']),
  MANAGER: new Set([...EVERY_READ, ...write(OPERATIONAL_AREAS), 'approvals:write', 'approvals:decide', 'audit:read']),
  ADMIN: new Set([...EVERY_READ, ...write([...OPERATIONAL_AREAS, 'access']), 'approvals:write', 'approvals:decide', 'audit:read', 'org:admin']),
  OWNER: new Set([...EVERY_READ, ...write([...OPERATIONAL_AREAS, 'access']), 'approvals:write', 'approvals:decide', 'audit:read', 'org:admin']),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
