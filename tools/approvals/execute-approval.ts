import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { ToolRunner } from '../registry/runner.ts';

export const EXECUTE_APPROVAL_JOB = 'approvals.execute';

export type ExecutionOutcome =
  | { status: 'executed'; result: unknown }
  | { status: 'failed'; error: string }
  /** Someone else ran it already, or it is not approved: nothing happened. */
  | { status: 'skipped'; reason: string };

/**
 * Runs an approved action exactly once. The claim (APPROVED -> EXECUTING) is a conditional update,
 * so of any number of concurrent executors one proceeds and the rest skip. The action runs as its
 * requester with the approval id as idempotency key; the outcome is recorded on the request. A
 * crash mid-action leaves it EXECUTING for a person to check, rather than running it twice.
 */
export async function executeApproval(
  prisma: PrismaClient,
  runner: ToolRunner,
  approvalId: string,
  organizationId: string,
): Promise<ExecutionOutcome> {
  const claimed = await prisma.approvalRequest.updateMany({
    where: { id: approvalId, organizationId, status: 'APPROVED' },
    data: { status: 'EXECUTING' },
  });
  if (claimed.count === 0) {
    const current = await prisma.approvalRequest.findFirst({ where: { id: approvalId, organizationId }, select: { status: true } });
    return { status: 'skipped', reason: current ? `request is ${current.status.toLowerCase()}` : 'no such request' };
  }
  const request = await prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
  const membership = await prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: request.requestedById } },
  });
  const result = membership
    ? await runner.runApproved(request.action, request.payload, { orgId: organizationId, userId: request.requestedById, role: membership.role, surface: 'JOB' }, approvalId)
    : { ok: false as const, error: { code: 'forbidden' as const, message: 'The requester is no longer a member of this organisation.' } };
  const executedAt = new Date();
  if (result.ok) {
    await prisma.approvalRequest.update({ where: { id: approvalId }, data: { status: 'EXECUTED', executedAt, result: (result.output ?? {}) as object } });
    return { status: 'executed', result: result.output };
  }
  await prisma.approvalRequest.update({ where: { id: approvalId }, data: { status: 'FAILED', executedAt, error: `${result.error.code}: ${result.error.message}` } });
  return { status: 'failed', error: result.error.message };
}
