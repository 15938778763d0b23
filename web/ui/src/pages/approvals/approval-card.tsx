import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatInstant } from '../../components/format.ts';
import { actionLabel } from './action-labels.ts';
import { ApprovalAmount, ApprovalEvidence, ApprovalPurpose, headlineOf } from './approval-summary-view.tsx';
import { ConfirmApprovalDialog } from './confirm-approval-dialog.tsx';
import { POST_ACTIONS, PostApprovalPreview } from './post-approval-preview.tsx';

export type Approval = ToolOutput<'list_approvals'>['rows'][number];
export type Decision = 'approve' | 'reject';

/**
 * A pending request as an approver decides it: what happens, the amount, what it is for, the
 * evidence and who asked, then Approve (confirmed in a dialog that restates the amount) or Reject.
 * The requester's own requests show the same content with no decision: another approver decides.
 */
export function ApprovalCard({ approval, onDecide, highlighted = false }: { approval: Approval; highlighted?: boolean; onDecide(decision: Decision, comment: string): Promise<void> }) {
  const headingId = useId();
  const headline = headlineOf(approval, actionLabel);
  return (
    <li className={`panel approval ${highlighted ? 'approval-linked' : ''}`} aria-labelledby={headingId} aria-current={highlighted || undefined}>
      <ApprovalContent approval={approval} headingId={headingId} headline={headline} />
      {approval.requested_by_you
        ? <p className="approval-own" role="note">You asked for this: another approver must decide.</p>
        : <DecisionControls approval={approval} headingId={headingId} headline={headline} onDecide={onDecide} />}
    </li>
  );
}

/** What someone who may not decide (below MANAGER) sees of a pending request. */
export function ReadOnlyApproval({ approval }: { approval: Approval }) {
  const headingId = useId();
  return (
    <li className="panel approval" aria-labelledby={headingId}>
      <ApprovalContent approval={approval} headingId={headingId} headline={headlineOf(approval, actionLabel)} />
      <p className="muted approval-own">{approval.requested_by_you ? 'You asked for this: another approver must decide.' : 'Managers and above decide requests.'}</p>
    </li>
  );
}

function ApprovalContent({ approval, headingId, headline }: { approval: Approval; headingId: string; headline: string }) {
  const { summary } = approval;
  return (
    <>
      <div className="approval-head">
        <h2 id={headingId}>{headline}</h2>
        <span className="badge badge-pending">pending</span>
      </div>
      {approval.change_note ? <p className="approval-change" role="note">{approval.change_note}</p> : null}
      {summary ? (
        <>
          <ApprovalAmount amount={summary.amount} />
          <ApprovalPurpose summary={summary} />
          <PostApprovalPreview approval={approval} />
          {/* A post's text is read in its preview just above; the facts keep where, when and which version. */}
          <ApprovalEvidence summary={POST_ACTIONS.has(approval.action) ? { ...summary, evidence: summary.evidence.filter((fact) => fact.label !== 'Text') } : summary} />
        </>
      ) : <p className="approval-preview">{approval.preview}</p>}
      <RequestedBy approval={approval} />
    </>
  );
}

function DecisionControls({ approval, headingId, headline, onDecide }: { approval: Approval; headingId: string; headline: string; onDecide(decision: Decision, comment: string): Promise<void> }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approveButton = useRef<HTMLButtonElement>(null);
  const commentId = useId();

  async function decide(decision: Decision) {
    setConfirming(false);
    setBusy(decision);
    setError(null);
    try {
      await onDecide(decision, comment.trim());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setBusy(null);
    }
  }

  const returnFocus = useRef(false);
  // Focus can only leave a modal dialog once it has closed, so it returns after the dialog unmounts.
  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    approveButton.current?.focus();
  }, [confirming]);

  function cancelConfirmation() {
    returnFocus.current = true;
    setConfirming(false);
  }

  return (
    <>
      <div className="approval-actions">
        <label className="field" htmlFor={commentId}>
          Comment (optional)
          <textarea id={commentId} rows={1} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="Shown to the requester" />
        </label>
        <button ref={approveButton} type="button" className="button button-approve" aria-describedby={headingId} aria-haspopup="dialog" disabled={busy !== null} onClick={() => setConfirming(true)}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="button button-reject" aria-describedby={headingId} disabled={busy !== null} onClick={() => decide('reject')}>
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
      </div>
      {confirming ? <ConfirmApprovalDialog approval={approval} headline={headline} onConfirm={() => decide('approve')} onCancel={cancelConfirmation} /> : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </>
  );
}

function RequestedBy({ approval }: { approval: Approval }) {
  const who = approval.requested_by_name && approval.requested_by
    ? `${approval.requested_by_name} (${approval.requested_by})`
    : (approval.requested_by ?? 'someone no longer in the organisation');
  return (
    <p className="approval-meta muted">
      Requested by {approval.requested_by_you ? 'you' : who} via {approval.requested_via_label} · <time dateTime={approval.requested_at}>{formatInstant(approval.requested_at)}</time>
    </p>
  );
}
