import type { ApprovalNotice } from '../../jobs/notifier.ts';
import type { KnownBlock } from '../bolt.ts';
import { context, escapeMrkdwn, section, SLACK_LIMITS, truncate } from './slack-limits.ts';

export const APPROVE_ACTION = 'approval_approve';
export const REJECT_ACTION = 'approval_reject';

export type ApprovalOutcome = 'APPROVED' | 'REJECTED' | 'EXECUTED' | 'FAILED';

const OUTCOME_LINE: Record<ApprovalOutcome, string> = {
  APPROVED: ':white_check_mark: Approved',
  REJECTED: ':no_entry_sign: Rejected',
  EXECUTED: ':white_check_mark: Approved and done',
  FAILED: ':warning: Approved, but the action failed',
};

function requestLines(notice: ApprovalNotice): string {
  const by = notice.requestedBy ? ` (requested by ${escapeMrkdwn(notice.requestedBy)})` : '';
  return `*Approval needed: ${escapeMrkdwn(notice.action)}*${by}\n${escapeMrkdwn(notice.preview)}`;
}

/** A pending request with Approve and Reject buttons; each button's value is the approval id. */
export function approvalRequestBlocks(notice: ApprovalNotice): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    section(requestLines(notice)),
    {
      type: 'actions',
      block_id: `approval:${notice.approvalId}`,
      elements: [
        { type: 'button', action_id: APPROVE_ACTION, style: 'primary', text: { type: 'plain_text', text: 'Approve' }, value: notice.approvalId },
        { type: 'button', action_id: REJECT_ACTION, style: 'danger', text: { type: 'plain_text', text: 'Reject' }, value: notice.approvalId },
      ],
    },
    context(`Approval ${notice.approvalId}${notice.approveUrl ? ` · <${notice.approveUrl}|open in Crescendo>` : ''}`),
  ];
  return { text: truncate(`Approval needed: ${notice.action}: ${notice.preview}`, SLACK_LIMITS.fallbackText), blocks };
}

/** The same request once decided: no buttons, who decided, and the result when it ran. */
export function approvalDecidedBlocks(notice: ApprovalNotice, outcome: ApprovalOutcome, detail: { decidedBy?: string | null; result?: string | null } = {}): { text: string; blocks: KnownBlock[] } {
  const by = detail.decidedBy ? ` by ${escapeMrkdwn(detail.decidedBy)}` : '';
  const blocks: KnownBlock[] = [section(requestLines(notice)), section(`${OUTCOME_LINE[outcome]}${by}`)];
  if (detail.result) blocks.push(section(`\`\`\`\n${truncate(detail.result, SLACK_LIMITS.sectionText - 10)}\n\`\`\``));
  blocks.push(context(`Approval ${notice.approvalId}`));
  return { text: `${OUTCOME_LINE[outcome]}${by}: ${notice.action}`, blocks };
}
