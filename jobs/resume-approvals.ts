import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { approvedAndWaiting, EXECUTE_APPROVAL_JOB, executionJobKey } from '../tools/approvals/execute-approval.ts';
import type { JobQueue } from '../tools/registry/context.ts';

/**
 * Re-enqueues approved requests that never ran (the process stopped between the decision and the
 * execution, or Redis lost the job). Safe to run any time and from several processes at once:
 * the job key is the decision's, and execution claims each request, so none runs twice.
 */
export async function resumeApprovedRequests(prisma: PrismaClient, jobs: JobQueue, options: { decidedBefore?: Date } = {}): Promise<number> {
  const waiting = await approvedAndWaiting(prisma, options.decidedBefore);
  for (const request of waiting) {
    await jobs.enqueue({ name: EXECUTE_APPROVAL_JOB, payload: { approvalId: request.id, organizationId: request.organizationId }, key: executionJobKey(request) });
  }
  return waiting.length;
}
