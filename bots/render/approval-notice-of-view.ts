import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import type { ApprovalNotice } from '../../jobs/notifier.ts';

/** A listed or decided request (list_approvals, decide_approval) as the Slack cards render it; links need the web UI's URL. */
export function noticeOfView(view: ApprovalView, webUrl: string | null, options: { linkToApproval: boolean } = { linkToApproval: false }): ApprovalNotice {
  const campaign = view.summary?.campaign;
  return {
    approvalId: view.id,
    action: view.action,
    preview: view.preview,
    summary: view.summary,
    requestedBy: view.requested_by,
    requestedByName: view.requested_by_name,
    requestedVia: view.requested_via_label,
    approveUrl: webUrl && options.linkToApproval ? `${webUrl}/approvals/${encodeURIComponent(view.id)}` : null,
    campaignUrl: webUrl && campaign ? `${webUrl}/campaigns/${encodeURIComponent(campaign.id)}` : null,
  };
}

/** Fills the campaign link from the bot's own web UI URL when the job that sent the notice knew none. */
export function withCampaignLink<Notice extends ApprovalNotice>(notice: Notice, webUrl: string | null): Notice {
  const campaign = notice.summary?.campaign;
  if (notice.campaignUrl || !webUrl || !campaign) return notice;
  return { ...notice, campaignUrl: `${webUrl}/campaigns/${encodeURIComponent(campaign.id)}` };
}
