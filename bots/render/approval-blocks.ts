import type { ApprovalNotice } from '../../jobs/notifier.ts';
import type { KnownBlock } from '../bolt.ts';
import { context, escapeMrkdwn, header, section, SLACK_LIMITS, truncate } from './slack-limits.ts';

export const APPROVE_ACTION = 'approval_approve';
export const REJECT_ACTION = 'approval_reject';

export type ApprovalOutcome = 'APPROVED' | 'REJECTED' | 'EXECUTED' | 'FAILED';

const OUTCOME_LINE: Record<ApprovalOutcome, string> = {
  APPROVED: ':white_check_mark: Approved',
  REJECTED: ':no_entry_sign: Rejected',
  EXECUTED: ':white_check_mark: Approved and done',
  FAILED: ':warning: Approved, but the action failed',
};

/** Slack's limits on a button's confirmation dialog. */
const CONFIRM_LIMITS = { title: 100, text: 300, button: 30 } as const;

/** What happens, in words: the tool's headline, else (requests filed before summaries) the preview's first sentence. */
export function approvalHeadline(notice: Pick<ApprovalNotice, 'summary' | 'preview'>): string {
  return notice.summary?.headline ?? truncate(notice.preview.split(/(?<=\.)\s/)[0]!.replace(/\.$/, ''), SLACK_LIMITS.headerText);
}

/** "283.26 USD", or null when the request commits no money. */
function amountOf(notice: ApprovalNotice): string | null {
  const amount = notice.summary?.amount;
  return amount ? `${amount.value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${amount.currency}` : null;
}

/** For which campaign (linked to the web UI when one runs) and which songs, by title and artist. */
function purposeLine(notice: ApprovalNotice): string | null {
  const summary = notice.summary;
  if (!summary) return null;
  const campaign = summary.campaign
    ? `For ${notice.campaignUrl ? `<${notice.campaignUrl}|${escapeMrkdwn(summary.campaign.name).replaceAll('|', '¦')}>` : `*${escapeMrkdwn(summary.campaign.name)}*`}`
    : 'For no campaign in particular';
  const songs = summary.songs.map((song) => `“${escapeMrkdwn(song.title)}” by ${escapeMrkdwn(song.artist)}`).join(', ');
  return songs ? `${campaign} · ${songs}` : campaign;
}

/** The request as an approver reads it: headline (large), amount, purpose, warnings, evidence, or the preview for older requests. */
function contentBlocks(notice: ApprovalNotice, { withEvidence }: { withEvidence: boolean }): KnownBlock[] {
  const summary = notice.summary;
  if (!summary) return [header('Approval needed'), section(escapeMrkdwn(notice.preview))];
  const blocks: KnownBlock[] = [header(summary.headline)];
  const amount = amountOf(notice);
  const purpose = purposeLine(notice);
  const lead = [amount ? `*${amount}*` : null, purpose].filter(Boolean).join('\n');
  if (lead) blocks.push(section(lead));
  if (!withEvidence) return blocks;
  if (summary.warnings.length) blocks.push(section(summary.warnings.map((warning) => `:warning: ${escapeMrkdwn(warning)}`).join('\n')));
  const facts = summary.evidence.slice(0, SLACK_LIMITS.fieldsPerSection);
  if (facts.length) {
    blocks.push({ type: 'section', fields: facts.map((fact) => ({ type: 'mrkdwn' as const, text: truncate(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, SLACK_LIMITS.fieldText) })) });
  }
  return blocks;
}

function requestedByLine(notice: ApprovalNotice): string {
  const who = notice.requestedByName && notice.requestedBy ? `${notice.requestedByName} (${notice.requestedBy})` : (notice.requestedBy ?? 'someone no longer in the organisation');
  return `Requested by ${escapeMrkdwn(who)}${notice.requestedVia ? ` via ${escapeMrkdwn(notice.requestedVia)}` : ''}`;
}

/**
 * Approve asks again in Slack's own dialog, restating what happens and the amount, so a stray
 * click pays nobody.
 */
function approveConfirmation(notice: ApprovalNotice) {
  const amount = amountOf(notice);
  const campaign = notice.summary?.campaign ? ` for ${notice.summary.campaign.name}` : '';
  return {
    title: { type: 'plain_text' as const, text: truncate(amount ? `Approve ${amount}?` : 'Approve this request?', CONFIRM_LIMITS.title) },
    text: { type: 'plain_text' as const, text: truncate(`${approvalHeadline(notice)}${campaign}. It runs once, right after you approve.`, CONFIRM_LIMITS.text) },
    confirm: { type: 'plain_text' as const, text: truncate(amount ? `Approve ${amount}` : 'Approve', CONFIRM_LIMITS.button) },
    deny: { type: 'plain_text' as const, text: 'Cancel' },
    style: 'primary' as const,
  };
}

/**
 * A pending request with Approve (confirmed) and Reject buttons; each button's value is the
 * approval id. A message only one person sees (`/crescendo approvals`) leaves the buttons out of
 * their own requests, and out of every request when they may not decide.
 */
export function approvalRequestBlocks(notice: ApprovalNotice, viewer: { ownRequest?: boolean; mayDecide?: boolean } = {}): { text: string; blocks: KnownBlock[] } {
  const content = contentBlocks(notice, { withEvidence: true });
  if (viewer.ownRequest || viewer.mayDecide === false) {
    const why = viewer.ownRequest ? 'You asked for this: another approver must decide.' : 'Managers and above decide requests.';
    const blocks = [...content, context(`${requestedByLine(notice)} · ${why}`)];
    if (notice.approveUrl) blocks.push(context(`<${notice.approveUrl}|Open in Crescendo>`));
    return { text: truncate(`Waiting for approval: ${approvalHeadline(notice)}`, SLACK_LIMITS.fallbackText), blocks };
  }
  const blocks: KnownBlock[] = [
    ...content,
    context(`${requestedByLine(notice)} · nobody approves their own request: another approver must decide`),
    {
      type: 'actions',
      block_id: `approval:${notice.approvalId}`,
      elements: [
        { type: 'button', action_id: APPROVE_ACTION, style: 'primary', text: { type: 'plain_text', text: 'Approve' }, value: notice.approvalId, confirm: approveConfirmation(notice) },
        { type: 'button', action_id: REJECT_ACTION, style: 'danger', text: { type: 'plain_text', text: 'Reject' }, value: notice.approvalId },
      ],
    },
  ];
  if (notice.approveUrl) blocks.push(context(`<${notice.approveUrl}|Open in Crescendo>`));
  return { text: truncate(`Approval needed: ${approvalHeadline(notice)}`, SLACK_LIMITS.fallbackText), blocks };
}

/** The same request once decided: no buttons, who decided, and what the action did, in words. */
export function approvalDecidedBlocks(notice: ApprovalNotice, outcome: ApprovalOutcome, detail: { decidedBy?: string | null; result?: string | null } = {}): { text: string; blocks: KnownBlock[] } {
  const by = detail.decidedBy ? ` by ${escapeMrkdwn(detail.decidedBy)}` : '';
  const result = detail.result ? `: ${escapeMrkdwn(truncate(detail.result, SLACK_LIMITS.sectionText - 200))}` : '.';
  const blocks: KnownBlock[] = [
    ...contentBlocks(notice, { withEvidence: false }),
    section(`${OUTCOME_LINE[outcome]}${by}${result}`),
    context(requestedByLine(notice)),
  ];
  return { text: truncate(`${OUTCOME_LINE[outcome]}${by}: ${approvalHeadline(notice)}`, SLACK_LIMITS.fallbackText), blocks };
}
