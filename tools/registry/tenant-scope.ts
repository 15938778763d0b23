import { Prisma, type PrismaClient } from '../../db/generated/prisma/client.ts';

/** Models shared by every organisation; all other models carry `organizationId`. */
export const GLOBAL_MODELS: ReadonlySet<string> = new Set(['Organization', 'User', 'FxRate']);

const READ_OPERATIONS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy',
]);
const FILTERED_WRITE_OPERATIONS = new Set(['update', 'updateMany', 'updateManyAndReturn', 'delete', 'deleteMany']);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

/** A programming fault: code tried to step outside its organisation. Never shown as a tool error. */
export class TenantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantViolation';
  }
}

/**
 * The one place the tenant is enforced: every query a tool makes through `ctx.db` is narrowed to
 * the caller's organisation (filters gain `organizationId`, creates get it stamped). Together
 * with the composite (organizationId, id) foreign keys, which make the database refuse a row that
 * points into another organisation, a tool cannot read or change another organisation's data.
 */
export function scopeToOrganization(prisma: PrismaClient, organizationId: string) {
  return prisma.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, (args ?? {}) as Args, organizationId) as never);
        },
      },
    },
  });
}

export type TenantClient = ReturnType<typeof scopeToOrganization>;

/** What a tool sees as `ctx.db`: the scoped client, or its transaction for write tools. */
export type ToolDb = Prisma.TransactionClient;

function scopeArgs(model: string, operation: string, args: Args, organizationId: string): Args {
  if (model === 'Organization') return scopeOrganization(operation, args, organizationId);
  if (model === 'User') return scopeUser(operation, args, organizationId);
  if (GLOBAL_MODELS.has(model)) {
    if (!READ_OPERATIONS.has(operation)) throw new TenantViolation(`${model} is shared reference data; tools may only read it.`);
    return args;
  }
  if (READ_OPERATIONS.has(operation) || FILTERED_WRITE_OPERATIONS.has(operation)) {
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
  if (READ_OPERATIONS.has(operation) || operation === 'update') return { ...args, where: { ...args.where, id: organizationId } };
  throw new TenantViolation(`Tools may only read or update their own organisation (not ${operation}).`);
}

function scopeUser(operation: string, args: Args, organizationId: string): Args {
  if (!READ_OPERATIONS.has(operation)) throw new TenantViolation('Users are managed by the access layer, not by tools.');
  return { ...args, where: { ...args.where, memberships: { some: { organizationId } } } };
}
