import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { approvedAndWaiting, EXECUTE_APPROVAL_JOB } from '../tools/approvals/execute-approval.ts';
import type { JobQueue } from '../tools/registry/context.ts';

/**
 * Re-enqueues approved requests that never ran (the process stopped between the decision and the
 * execution). Safe to run any time: execution claims each request, so none runs twice.
 */
export async function resumeApprovedRequests(prisma: PrismaClient, jobs: JobQueue): Promise<number> {
  const waiting = await approvedAndWaiting(prisma);
  for (const request of waiting) {
    await jobs.enqueue({ name: EXECUTE_APPROVAL_JOB, payload: { approvalId: request.id, organizationId: request.organizationId }, key: request.id });
  }
  return waiting.length;
}
