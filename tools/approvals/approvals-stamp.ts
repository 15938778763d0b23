import type { PrismaClient } from '../../db/generated/prisma/client.ts';

/**
 * A value that changes whenever any of the organisation's approval requests is filed or changes
 * state: what subscribers to the pending-approvals resource poll, without running (and auditing)
 * list_approvals every few seconds.
 */
export async function approvalsStamp(prisma: PrismaClient, organizationId: string): Promise<string> {
  const { _count, _max } = await prisma.approvalRequest.aggregate({ where: { organizationId }, _count: { _all: true }, _max: { updatedAt: true } });
  return `${_count._all}:${_max.updatedAt?.toISOString() ?? ''}`;
}
