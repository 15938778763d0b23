import { approvalPendingOutput, type ApprovalPending } from '../../tools/registry/approval-request.ts';
import type { AgentToolCall } from '../tools/agent-tools.ts';

/** The approval requests a turn's tool calls filed. */
export function filedApprovals(calls: readonly AgentToolCall[]): ApprovalPending[] {
  return calls.flatMap((call) => {
    if (!call.ok) return [];
    const parsed = approvalPendingOutput.safeParse(call.output);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The house rule "say pending approval, with the link, never done" is enforced here rather than
 * trusted to the model: when the answer does not say it, a notice naming each request is added.
 */
export function missingApprovalNotice(answer: string, approvals: readonly ApprovalPending[]): string | null {
  if (!approvals.length) return null;
  const mentionsPending = /pending approval/i.test(answer);
  const missingLinks = approvals.filter((approval) => !answer.includes(approval.approve_url ?? approval.approval_id));
  if (mentionsPending && !missingLinks.length) return null;
  const lines = approvals.map((approval) => `- Pending approval: ${approval.preview} (${approval.approve_url ?? `approval id ${approval.approval_id}`})`);
  return `Nothing has been done yet; a manager must approve first.\n${lines.join('\n')}`;
}
