import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { ALREADY_EXECUTED, type ToolRunner } from '../registry/runner.ts';

export const EXECUTE_APPROVAL_JOB = 'approvals.execute';

export type ExecutionOutcome =
  | { status: 'executed'; result: unknown }
  | { status: 'failed'; error: string }
  /** Someone else ran it already, or it is not approved: nothing happened. */
  | { status: 'skipped'; reason: string }
  /** What it acts on changed after the decision: nothing happened, it is pending again with the note. */
  | { status: 'returned'; note: string };

/**
 * Runs an approved action exactly once: the runner claims the request, runs the action and
 * records EXECUTED in one transaction, so concurrent executors wait on the row and then skip,
 * and a crash rolls everything back to APPROVED for `resumeApprovedRequests` to pick up. A failed
 * action is recorded as FAILED with its error; it is not retried (a person decides what next).
 */
export async function executeApproval(prisma: PrismaClient, runner: ToolRunner, approvalId: string, organizationId: string): Promise<ExecutionOutcome> {
  const request = await prisma.approvalRequest.findFirst({ where: { id: approvalId, organizationId } });
  if (!request) return { status: 'skipped', reason: 'no such request' };
  if (request.status !== 'APPROVED') return { status: 'skipped', reason: `request is ${request.status.toLowerCase()}` };
  const membership = await prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: request.requestedById } },
  });
  const result = membership
    ? await runner.runApproved(approvalId, request.action, request.payload, { orgId: organizationId, userId: request.requestedById, role: membership.role, surface: 'JOB' })
    : { ok: false as const, error: { code: 'forbidden' as const, message: 'The requester is no longer a member of this organisation.' } };
  if (result.ok) return { status: 'executed', result: result.output };
  if (result.error.code === 'conflict' && result.error.message === ALREADY_EXECUTED) return { status: 'skipped', reason: 'already executed' };
  const returned = await prisma.approvalRequest.findFirst({ where: { id: approvalId, organizationId, status: 'PENDING' }, select: { changeNote: true } });
  if (returned?.changeNote) return { status: 'returned', note: returned.changeNote };
  const error = `${result.error.code}: ${result.error.message}`;
  await prisma.approvalRequest.updateMany({ where: { id: approvalId, status: 'APPROVED' }, data: { status: 'FAILED', executedAt: new Date(), error } });
  return { status: 'failed', error: result.error.message };
}

/**
 * Approved requests whose execution never happened (a crash, a restart, a lost job): run them now.
 * `decidedBefore` leaves recent decisions to the job their decision enqueued.
 */
export async function approvedAndWaiting(prisma: PrismaClient, decidedBefore?: Date): Promise<Array<{ id: string; organizationId: string; decidedAt: Date | null }>> {
  return prisma.approvalRequest.findMany({
    where: { status: 'APPROVED', ...(decidedBefore ? { decidedAt: { lt: decidedBefore } } : {}) },
    select: { id: true, organizationId: true, decidedAt: true },
    orderBy: { id: 'asc' },
  });
}

/**
 * The job key of one decision: the same for every enqueue of that decision (the decision itself,
 * each sweep, each worker), so queues hold one copy; a request approved again after it returned
 * to pending is a new decision, with a new key that a queue's memory of the old one cannot swallow.
 */
export function executionJobKey(request: { id: string; decidedAt: Date | null }): string {
  return request.decidedAt ? `${request.id}.${request.decidedAt.getTime()}` : request.id;
}
