import { useId, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatInstant } from '../../components/format.ts';
import { actionLabel } from './action-labels.ts';

export type Approval = ToolOutput<'list_approvals'>['rows'][number];
export type Decision = 'approve' | 'reject';

/** A pending request: what will happen, who asked, and the decision with an optional comment. */
export function ApprovalCard({ approval, onDecide, highlighted = false }: { approval: Approval; highlighted?: boolean; onDecide(decision: Decision, comment: string): Promise<void> }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commentId = useId();
  const headingId = useId();

  async function decide(decision: Decision) {
    setBusy(decision);
    setError(null);
    try {
      await onDecide(decision, comment.trim());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setBusy(null);
    }
  }

  return (
    <li className={`panel approval ${highlighted ? 'approval-linked' : ''}`} aria-labelledby={headingId} aria-current={highlighted || undefined}>
      <div className="row-between">
        <h2 id={headingId}>{actionLabel(approval.action)}</h2>
        <span className="badge badge-pending">pending</span>
      </div>
      <p className="approval-preview">{approval.preview}</p>
      <RequestedBy approval={approval} />
      <div className="approval-actions">
        <label className="field" htmlFor={commentId}>
          Comment (optional)
          <textarea id={commentId} rows={1} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="Shown to the requester" />
        </label>
        <button type="button" className="button button-approve" aria-describedby={headingId} disabled={busy !== null} onClick={() => decide('approve')}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="button button-reject" aria-describedby={headingId} disabled={busy !== null} onClick={() => decide('reject')}>
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </li>
  );
}

function RequestedBy({ approval }: { approval: Approval }) {
  return (
    <p className="approval-meta muted">
      Requested by {approval.requested_by ?? 'someone no longer in the organisation'} via {approval.requested_via.toLowerCase()} · {formatInstant(approval.requested_at)} · <code>{approval.action}</code>
    </p>
  );
}

/** What someone who may not decide (below MANAGER) sees of a pending request. */
export function ReadOnlyApproval({ approval }: { approval: Approval }) {
  return (
    <li className="panel approval">
      <h2>{actionLabel(approval.action)}</h2>
      <p className="approval-preview">{approval.preview}</p>
      <RequestedBy approval={approval} />
      <p className="muted">Managers and above decide requests.</p>
    </li>
  );
}
