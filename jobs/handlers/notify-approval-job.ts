import { z } from 'zod';
import { NOTIFY_APPROVAL_JOB } from '../../tools/registry/approval-request.ts';
import { defineJob } from '../define-job.ts';
import { approvalNotice } from './approval-notice.ts';

/**
 * Tells approvers a request is waiting (in Slack: the organisation's approval channels, with
 * Approve and Reject buttons). A request decided before the job ran is not announced.
 */
export const notifyApprovalJob = defineJob({
  name: NOTIFY_APPROVAL_JOB,
  description: 'Announce a new approval request to the people who can decide it.',
  payload: z.object({ approvalId: z.string().min(1), organizationId: z.string().min(1) }),
  attempts: 3,
  backoffMs: 5_000,
  key: (payload) => `${NOTIFY_APPROVAL_JOB}.${payload.approvalId}`,
  async run(deps, payload) {
    const request = await deps.prisma.approvalRequest.findFirst({ where: { id: payload.approvalId, organizationId: payload.organizationId } });
    if (!request || request.status !== 'PENDING') return { status: 'skipped' };
    await deps.notifier.approvalRequested(payload.organizationId, await approvalNotice(deps, request, { linkToApproval: true }));
    return { status: 'notified' };
  },
});
