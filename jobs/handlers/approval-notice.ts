import type { ApprovalNotice } from '../notifier.ts';
import type { JobDeps } from '../define-job.ts';
import { storedSummary } from '../../tools/registry/approval-summary.ts';
import { surfaceWords } from '../../tools/approvals/surface-words.ts';

interface RequestRow {
  id: string;
  action: string;
  preview: string;
  summary: unknown;
  requestedById: string;
  requestedVia: string;
}

/** A request as approvers are told about it: its summary, who asked through what, and where to open it. */
export async function approvalNotice(deps: Pick<JobDeps, 'prisma' | 'approveUrl'>, request: RequestRow, options: { linkToApproval: boolean }): Promise<ApprovalNotice> {
  const requester = await deps.prisma.user.findUnique({ where: { id: request.requestedById }, select: { email: true, name: true } });
  const summary = storedSummary(request.summary);
  const approveUrl = deps.approveUrl?.(request.id) ?? null;
  return {
    approvalId: request.id,
    action: request.action,
    preview: request.preview,
    summary,
    requestedBy: requester?.email ?? null,
    requestedByName: requester?.name ?? null,
    requestedVia: surfaceWords(request.requestedVia),
    approveUrl: options.linkToApproval ? approveUrl : null,
    campaignUrl: summary?.campaign && approveUrl ? siblingPage(approveUrl, `campaigns/${encodeURIComponent(summary.campaign.id)}`) : null,
  };
}

/** Another page of the web UI an approval link belongs to (…/approvals/ID -> …/campaigns/ID), keeping any base path. */
function siblingPage(approveUrl: string, path: string): string {
  return approveUrl.replace(/approvals\/[^/]*$/, path);
}
