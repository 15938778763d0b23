import { useEffect, useId, useRef } from 'react';
import type { Approval } from './approval-card.tsx';
import { formatMoney } from '../../components/format.ts';

/**
 * The second step of Approve: restates what happens and the amount, so a slip of the mouse pays
 * nobody. A native modal dialog: focus moves into it (to Cancel, the safe choice), Tab stays
 * inside, Escape cancels, and focus returns to the Approve button when it closes.
 */
export function ConfirmApprovalDialog({ approval, headline, onConfirm, onCancel }: { approval: Approval; headline: string; onConfirm(): void; onCancel(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const amount = approval.summary?.amount;
  const amountText = amount ? formatMoney(amount.value, amount.currency, { code: true }) : null;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    cancel.current?.focus();
    return () => element?.close?.();
  }, []);

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={descriptionId} onCancel={(event) => { event.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{amountText ? `Approve ${amountText}?` : 'Approve this request?'}</h2>
      <div id={descriptionId}>
        <p className="confirm-headline">{headline}</p>
        {amountText ? <p className="approval-amount confirm-amount">{amountText}</p> : null}
        {approval.summary?.campaign ? <p className="muted">For {approval.summary.campaign.name}</p> : null}
        <p className="muted">It runs once, right after you approve; it cannot be undone here.</p>
      </div>
      <div className="confirm-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button button-approve" onClick={onConfirm}>{amountText ? `Approve ${amountText}` : 'Approve'}</button>
      </div>
    </dialog>
  );
}
