import type { Prisma, PrismaClient } from '../../db/generated/prisma/client.ts';
import { modelRelations } from './data-model.ts';

/** Models shared by every organisation; all other models carry `organizationId`. */
export const GLOBAL_MODELS: ReadonlySet<string> = new Set(['Organization', 'User']);

const READ_OPERATIONS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy',
]);
const FILTERED_WRITE_OPERATIONS = new Set(['update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany']);

/** Relation writes that could pull an existing row (of any organisation) into this one. */
const LINKING_KEYS = new Set(['connect', 'connectOrCreate', 'set', 'disconnect']);
/** Relations through which User reaches every organisation it belongs to. */
const CROSS_TENANT_RELATIONS = new Set(['memberships', 'apiTokens']);
const ORGANIZATION_FIELDS_TOOLS_MAY_CHANGE = new Set(['name', 'baseCurrency', 'timeZone', 'settings']);

/**
 * What a tool may do beyond reading its own organisation's domain rows. Derived by the runner from
 * the tool's declaration, so a read tool cannot write and no tool rewrites the audit trail.
 */
export interface ScopePrivileges {
  /** Write tools: create, update and delete domain rows. */
  write: boolean;
  /** Approval filing and deciding: write ApprovalRequest rows. */
  approvals: boolean;
  /** `org:admin` tools: write memberships and API tokens. */
  access: boolean;
}

/** Written by the registry only (audit) or append-only (activity timeline, money paid out). */
const APPEND_ONLY_MODELS = new Set(['Activity', 'VendorPayment', 'CreatorPayment']);
/** Rows recording money that left: only approval tools, whose handlers run once a person approved, write them. */
const APPROVED_ACTION_MODELS = new Set(['VendorPayment', 'CreatorPayment']);
// Written by the registry (audit), the job runner (JobRun, ScheduleRun) and the agent (ModelUsage) with the unscoped client; tools only read them.
const REGISTRY_ONLY_MODELS = new Set(['ToolCall', 'JobRun', 'ScheduleRun', 'ModelUsage']);
const ACCESS_MODELS = new Set(['Membership', 'ApiToken']);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown; update?: unknown };

/** A programming fault: code tried to step outside its organisation or its privileges. Never shown as a tool error. */
export class TenantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantViolation';
  }
}

/**
 * The one place the tenant is enforced: every query a tool makes through `ctx.db` is narrowed to
 * the caller's organisation (filters gain `organizationId`, creates get it stamped), relation
 * writes that could adopt another organisation's rows are refused, and User's relations (which
 * span organisations) cannot be traversed. Together with the composite (organizationId, id)
 * foreign keys, which make the database refuse a row that points into another organisation, a
 * tool cannot read or change another organisation's data through Prisma. Raw SQL is not covered:
 * a tool using `$queryRaw` must filter by `ctx.orgId` itself (the registry-wide tenancy test
 * calls every tool with another organisation's ids to catch a slip).
 */
export function scopeToOrganization(prisma: PrismaClient, organizationId: string, privileges: ScopePrivileges) {
  return prisma.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, (args ?? {}) as Args, organizationId, privileges) as never);
        },
      },
    },
  });
}

export type TenantClient = ReturnType<typeof scopeToOrganization>;

/** What a tool sees as `ctx.db`: the scoped client, or its transaction for write tools. */
export type ToolDb = Prisma.TransactionClient;

function scopeArgs(model: string, operation: string, args: Args, organizationId: string, privileges: ScopePrivileges): Args {
  const reading = READ_OPERATIONS.has(operation);
  refuseCrossTenantTraversal(model, args);
  if (!reading) {
    checkWritePrivilege(model, operation, privileges);
    refuseLinking(model, args.data);
    refuseLinking(model, args.create);
    refuseLinking(model, args.update);
  }
  if (model === 'Organization') return scopeOrganization(operation, args, organizationId);
  if (model === 'User') return { ...args, where: { ...args.where, memberships: { some: { organizationId } } } };
  if (reading || FILTERED_WRITE_OPERATIONS.has(operation)) {
    refuseOrganizationChange(model, args.data, organizationId);
    return { ...args, where: { ...args.where, organizationId } };
  }
  switch (operation) {
    case 'create':
      return { ...args, data: stamp(model, args.data, organizationId) };
    case 'createMany':
    case 'createManyAndReturn': {
      const rows = Array.isArray(args.data) ? args.data : [args.data];
      return { ...args, data: rows.map((row) => stamp(model, row, organizationId)) };
    }
    case 'upsert':
      refuseOrganizationChange(model, args.update, organizationId);
      return { ...args, where: { ...args.where, organizationId }, create: stamp(model, args.create, organizationId) };
    default:
      throw new TenantViolation(`Operation ${operation} on ${model} is not tenant-scoped.`);
  }
}

function checkWritePrivilege(model: string, operation: string, privileges: ScopePrivileges): void {
  if (!privileges.write) throw new TenantViolation(`A read tool tried to ${operation} ${model}.`);
  if (GLOBAL_MODELS.has(model) && !(model === 'Organization' && operation === 'update')) {
    throw new TenantViolation(`${model} is shared; tools may only read it.`);
  }
  if (REGISTRY_ONLY_MODELS.has(model)) throw new TenantViolation(`${model} is written by the registry only.`);
  if (APPEND_ONLY_MODELS.has(model) && !operation.startsWith('create')) throw new TenantViolation(`${model} is append-only.`);
  if (ACCESS_MODELS.has(model) && !privileges.access) throw new TenantViolation(`${model} needs the org:admin permission.`);
  if (model === 'ApprovalRequest' && !privileges.approvals) throw new TenantViolation('Approval requests change only through the approvals area.');
  if (APPROVED_ACTION_MODELS.has(model) && !privileges.approvals) throw new TenantViolation(`${model} rows are written only by approval tools, once approved.`);
}

/**
 * Refuses `connect`/`set`/... at any depth: nested writes may only create rows, which the
 * composite foreign keys tie to the parent's organisation. Only relation fields are walked, so
 * Json columns may hold any keys.
 */
function refuseLinking(model: string, data: unknown): void {
  if (!data || typeof data !== 'object') return;
  const relations = modelRelations().get(model);
  for (const row of Array.isArray(data) ? data : [data]) {
    for (const [field, write] of Object.entries(row as Record<string, unknown>)) {
      const related = relations?.get(field);
      if (!related || !write || typeof write !== 'object') continue;
      for (const [operation, payload] of Object.entries(write as Record<string, unknown>)) {
        if (LINKING_KEYS.has(operation)) {
          throw new TenantViolation(`Nested ${operation} on ${model}.${field} could adopt another organisation's rows; set the foreign key field instead.`);
        }
        for (const nested of nestedRows(operation, payload)) refuseLinking(related, nested);
      }
    }
  }
}

/** The row data inside one nested write operation (`create`, `createMany.data`, `update.data`...). */
function nestedRows(operation: string, payload: unknown): unknown[] {
  const list = (Array.isArray(payload) ? payload : [payload]) as Array<Record<string, unknown> | undefined>;
  switch (operation) {
    case 'create':
      return list;
    case 'createMany':
    case 'updateMany':
      return list.map((item) => item?.data);
    case 'update':
      return list.map((item) => (item && 'data' in item ? item.data : item));
    case 'upsert':
      return list.flatMap((item) => [item?.create, item?.update]);
    default:
      return [];
  }
}

/** User's memberships and tokens span organisations: they are reachable only through their own (scoped) models. */
function refuseCrossTenantTraversal(model: string, args: Args): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || node instanceof Date) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (CROSS_TENANT_RELATIONS.has(key)) {
        throw new TenantViolation(`${model} queries may not traverse ${key}; query Membership or ApiToken directly.`);
      }
      visit(value);
    }
  };
  visit(args.select);
  visit(args.include);
  visit(args.where);
}

function stamp(model: string, data: unknown, organizationId: string): Record<string, unknown> {
  const row = (data ?? {}) as Record<string, unknown>;
  if (row.organizationId !== undefined && row.organizationId !== organizationId) {
    throw new TenantViolation(`Refused to create a ${model} in another organisation.`);
  }
  if ('organization' in row) throw new TenantViolation(`Set ${model}.organizationId through the scope, not a relation.`);
  return { ...row, organizationId };
}

function refuseOrganizationChange(model: string, data: unknown, organizationId: string): void {
  const value = (data as Record<string, unknown> | undefined)?.organizationId;
  if (value !== undefined && value !== organizationId) throw new TenantViolation(`Refused to move a ${model} to another organisation.`);
}

function scopeOrganization(operation: string, args: Args, organizationId: string): Args {
  if (operation === 'update') {
    const fields = Object.keys((args.data ?? {}) as object);
    const refused = fields.filter((field) => !ORGANIZATION_FIELDS_TOOLS_MAY_CHANGE.has(field));
    if (refused.length) throw new TenantViolation(`Tools may not change Organization.${refused.join(', ')}.`);
  }
  return { ...args, where: { ...args.where, id: organizationId } };
}
