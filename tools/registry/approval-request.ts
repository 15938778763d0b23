import { z } from 'zod';
import type { AnyTool, ApprovalFacts } from './define-tool.ts';
import type { ToolContext } from './context.ts';
import { forbidden, ToolError } from './errors.ts';

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
  // Asking twice for the same thing (a retried message, a double click, the agent repeating itself)
  // must not put two identical payments in front of approvers: the first request still stands.
  const standing = await ctx.db.approvalRequest.findFirst({
    where: { organizationId: ctx.orgId, action: tool.name, status: 'PENDING', requestedById: ctx.actor.userId, payload: { equals: input as object } },
    select: { id: true, preview: true },
    orderBy: { createdAt: 'asc' },
  });
  if (standing) return { approval_id: standing.id, status: 'pending', preview: standing.preview, approve_url: approveUrl(standing.id) };
  const preview = await previewOf(tool, ctx, input);
  const fingerprint = tool.fingerprint ? await tool.fingerprint(ctx, input) : undefined;
  const summary = tool.summarize ? await tool.summarize(ctx, input) : undefined;
  const request = await ctx.db.approvalRequest.create({
    data: {
      organizationId: ctx.orgId,
      action: tool.name,
      payload: input as object,
      preview,
      ...(fingerprint ? { fingerprint } : {}),
      ...(summary ? { summary } : {}),
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

/**
 * Inside an approved request's execution transaction, after its claim: computes the tool's facts
 * again and compares them with those the approver saw. When any differs, the request goes back to
 * PENDING (decision cleared, preview and facts brought up to date, the change noted and announced
 * to approvers again) and the returned error says what changed; the caller commits that instead
 * of running the action. Requests filed before facts were stored, and tools without facts, pass.
 */
export async function recheckApprovedFacts(tool: AnyTool, ctx: ToolContext, input: Record<string, unknown>, approvalId: string): Promise<FactsChanged | null> {
  if (!tool.fingerprint) return null;
  const request = await ctx.db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId }, select: { fingerprint: true } });
  if (!request.fingerprint) return null;
  const now = await tool.fingerprint(ctx, input);
  const changes = describeChanges(request.fingerprint as ApprovalFacts, now);
  if (changes.length === 0) return null;
  const note = `Changed after it was approved: ${changes.join('; ')}.`;
  await ctx.db.approvalRequest.update({
    where: { id: approvalId },
    data: {
      status: 'PENDING',
      decidedById: null,
      decidedVia: null,
      decidedAt: null,
      decisionComment: null,
      preview: `${note} ${await previewOf(tool, ctx, input)}`,
      fingerprint: now,
      ...(tool.summarize ? { summary: await tool.summarize(ctx, input) } : {}),
      changeNote: note,
    },
  });
  // A new key: the first announcement's key is remembered by the queues.
  ctx.jobs.enqueue({ name: NOTIFY_APPROVAL_JOB, payload: { approvalId, organizationId: ctx.orgId }, key: `${NOTIFY_APPROVAL_JOB}.${approvalId}.${ctx.now().getTime()}` });
  return new FactsChanged(note);
}

/** The refusal an execution answers when the facts changed: it is pending again, nothing ran. */
export class FactsChanged extends ToolError {
  constructor(readonly note: string) {
    super('conflict', `${note} Nothing was done: the request is pending again, for an approver to decide on what is true now.`);
  }
}

/** "Label: before → after" for each fact that differs (a fact that appeared or went is "none"). */
function describeChanges(before: ApprovalFacts, after: ApprovalFacts): string[] {
  const labels = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const shown = (value: ApprovalFacts[string] | undefined) => (value === undefined || value === null ? 'none' : String(value));
  return labels.filter((label) => shown(before[label]) !== shown(after[label])).map((label) => `${label}: ${shown(before[label])} → ${shown(after[label])}`);
}

function previewOf(tool: AnyTool, ctx: ToolContext, input: Record<string, unknown>): string | Promise<string> {
  return tool.preview ? tool.preview(ctx, input) : defaultPreview(tool, input);
}

function defaultPreview(tool: AnyTool, input: Record<string, unknown>): string {
  const details = JSON.stringify(input);
  return `${tool.title}: ${details.length > 400 ? `${details.slice(0, 400)}…` : details}`;
}
