import { z } from 'zod';
import type { AnyTool } from './define-tool.ts';
import type { ToolContext } from './context.ts';
import { forbidden } from './errors.ts';

/** What every approval tool returns when called: the request, not the effect. */
export const approvalPendingOutput = z.object({
  approval_id: z.string().describe('Id of the approval request; an approver decides it.'),
  status: z.literal('pending'),
  preview: z.string().describe('What will happen once approved.'),
  approve_url: z.string().nullable().describe('Where an approver can decide (web UI), when one is configured.'),
});
export type ApprovalPending = z.infer<typeof approvalPendingOutput>;

/** The output schema a surface should advertise for a tool. */
export function advertisedOutput(tool: AnyTool): z.ZodType {
  return tool.access === 'approval' ? approvalPendingOutput : tool.output;
}

/** Files the request inside the tool's transaction; nothing outward happens here. */
export async function fileApprovalRequest(
  tool: AnyTool,
  ctx: ToolContext,
  input: Record<string, unknown>,
  approveUrl: (approvalId: string) => string | null,
): Promise<ApprovalPending> {
  if (!ctx.actor.userId) throw forbidden(`${tool.name} needs a person behind the request (a user token), so that another person can approve it.`);
  const preview = tool.preview ? await tool.preview(ctx, input) : defaultPreview(tool, input);
  const request = await ctx.db.approvalRequest.create({
    data: {
      organizationId: ctx.orgId,
      action: tool.name,
      payload: input as object,
      preview,
      requestedById: ctx.actor.userId,
      requestedVia: ctx.actor.surface,
    },
  });
  // Approvers hear about it (Slack approval channels) once the request has committed.
  ctx.jobs.enqueue({ name: NOTIFY_APPROVAL_JOB, payload: { approvalId: request.id, organizationId: ctx.orgId }, key: `${NOTIFY_APPROVAL_JOB}.${request.id}` });
  return { approval_id: request.id, status: 'pending', preview, approve_url: approveUrl(request.id) };
}

/** The job that tells approvers a request is waiting. */
export const NOTIFY_APPROVAL_JOB = 'approvals.notify';

function defaultPreview(tool: AnyTool, input: Record<string, unknown>): string {
  const details = JSON.stringify(input);
  return `${tool.title}: ${details.length > 400 ? `${details.slice(0, 400)}…` : details}`;
}
