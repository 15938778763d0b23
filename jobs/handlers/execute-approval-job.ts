import { z } from 'zod';
import { EXECUTE_APPROVAL_JOB, executeApproval } from '../../tools/approvals/execute-approval.ts';
import { defineJob, type JobDeps } from '../define-job.ts';
import { outcomeWords } from '../../tools/approvals/outcome-words.ts';
import { approvalNotice } from './approval-notice.ts';

/**
 * Runs an approved action. The approval id is the job key (BullMQ jobId), so two workers never
 * both hold it; the registry's claim (APPROVED -> EXECUTING in the action's transaction) is the
 * second guard. A failing action is recorded as FAILED and not thrown, so retries only happen
 * when the executor itself broke (database gone), and then the request is still APPROVED.
 */
export const executeApprovalJob = defineJob({
  name: EXECUTE_APPROVAL_JOB,
  description: 'Execute an approved action exactly once and report how it went.',
  payload: z.object({ approvalId: z.string().min(1), organizationId: z.string().min(1) }),
  attempts: 3,
  backoffMs: 5_000,
  key: (payload) => payload.approvalId,
  async run(deps, payload) {
    const outcome = await executeApproval(deps.prisma, deps.runner, payload.approvalId, payload.organizationId);
    // A request returned to pending is announced to approvers again by the runner, like a new one.
    if (outcome.status === 'executed' || outcome.status === 'failed') await notifySettled(deps, payload.organizationId, payload.approvalId, outcome);
    // Job results are visible in /admin/queues across organisations: the status only, never the action's output.
    return outcome.status === 'skipped' ? { status: outcome.status, reason: outcome.reason } : { status: outcome.status };
  },
});

async function notifySettled(deps: JobDeps, organizationId: string, approvalId: string, outcome: { status: 'executed'; result: unknown } | { status: 'failed'; error: string }) {
  const request = await deps.prisma.approvalRequest.findFirst({ where: { id: approvalId, organizationId } });
  if (!request) return;
  const notice = await approvalNotice(deps, request, { linkToApproval: false });
  // People read what happened in the tool's words; the raw result (ids) stays in the request.
  const settled = outcome.status === 'executed'
    ? { ...notice, status: 'EXECUTED' as const, result: outcomeWords(deps.runner.catalogue, request.action, outcome.result) ?? undefined }
    : { ...notice, status: 'FAILED' as const, result: outcome.error };
  // The action already happened: a notification failure is logged, never retried into a second run.
  await deps.notifier.approvalSettled(organizationId, settled).catch((error) => deps.log.error('approval notification failed', { approvalId, error: String(error) }));
}
