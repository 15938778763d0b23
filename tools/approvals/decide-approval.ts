import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { conflict, forbidden, notFound } from '../registry/errors.ts';
import { approvalView, toApprovalViews } from './approval-view.ts';
import { EXECUTE_APPROVAL_JOB, executionJobKey } from './execute-approval.ts';

export const decideApproval = defineTool({
  name: 'decide_approval',
  title: 'Approve or reject a request',
  description: 'Approve or reject a pending approval request, with an optional comment. Approved actions run once, right after. Approvers only; never the requester.',
  area: 'approvals',
  access: 'write',
  permission: 'approvals:decide',
  // A person decides, in the web UI, Slack or the CLI; the agent and MCP clients act for a model.
  surfaces: ['CLI', 'HTTP', 'WEB', 'SLACK'],
  input: z.object({
    approval_id: z.string().describe('Id of the pending approval request.'),
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).optional().describe('Why; shown to the requester.'),
  }),
  output: approvalView,
  example: { approval_id: '00000000-0000-7000-8000-000000000000', decision: 'reject', comment: 'Not this week' },
  async handler(ctx, input) {
    if (!ctx.actor.userId) throw forbidden('Deciding an approval needs a signed-in person.');
    const request = await ctx.db.approvalRequest.findUnique({ where: { id: input.approval_id } });
    if (!request) throw notFound('approval request', input.approval_id);
    if (request.requestedById === ctx.actor.userId) {
      throw forbidden('You requested this action; another approver must decide it.');
    }
    const approved = input.decision === 'approve';
    // Only one decision wins, however many arrive at once: the update is conditional on PENDING.
    const decided = await ctx.db.approvalRequest.updateMany({
      where: { id: request.id, status: 'PENDING' },
      data: {
        status: approved ? 'APPROVED' : 'REJECTED',
        decidedById: ctx.actor.userId,
        decidedVia: ctx.actor.surface,
        decidedAt: ctx.now(),
        decisionComment: input.comment ?? null,
      },
    });
    if (decided.count === 0) {
      const current = await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
      throw conflict(`This request was already decided (it is ${current.status.toLowerCase()}).`);
    }
    const updated = await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } });
    const action = ctx.catalogue.get(request.action);
    if (!approved && action?.onRejected) {
      const payload = action.input.safeParse(request.payload);
      if (payload.success) await action.onRejected(ctx, payload.data, input.comment ?? null);
    }
    if (approved) ctx.jobs.enqueue({ name: EXECUTE_APPROVAL_JOB, payload: { approvalId: request.id, organizationId: ctx.orgId }, key: executionJobKey(updated) });
    const [view] = await toApprovalViews(ctx, [updated]);
    return view!;
  },
});
