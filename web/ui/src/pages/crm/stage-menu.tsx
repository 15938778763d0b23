import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import { isClosed, STAGES, stageLabel, type DealStage } from './crm-parts.tsx';

export interface MoveMessage { tone: 'good' | 'bad'; text: string }

/** A move that needs a word from the person first: the reason a deal was lost, or that a closed deal is reopened. */
interface Pending { stage: DealStage; reason: string; reopen: boolean }

/**
 * The stage menu of a deal (its card on the board, its own page): moves it with move_deal_stage and
 * hands the server's answer, or its refusal, to `onMoved`. The rules (a lost deal's reason, reopening
 * a closed one) are the tool's: the menu only asks for what the tool takes.
 */
export function StageMenu({ dealId, dealName, stage, onMoved }: { dealId: string; dealName: string; stage: DealStage; onMoved(message: MoveMessage): void }) {
  const api = useApi();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = isClosed(stage);

  async function move(to: DealStage, extra: { reason?: string; reopen?: boolean } = {}) {
    setBusy(true);
    try {
      const answer = await api.callTool('move_deal_stage', { deal_id: dealId, stage: to, ...extra });
      setPending(null);
      onMoved({ tone: 'good', text: `Moved from ${answer.from_stage === answer.stage ? answer.stage_label : stageLabel(answer.from_stage)} to ${answer.stage_label}.` });
    } catch (failure) {
      onMoved({ tone: 'bad', text: failure instanceof ApiError ? failure.message : String(failure) });
    } finally {
      setBusy(false);
    }
  }

  function choose(to: DealStage) {
    if (to === 'CLOSED_LOST' || closed) setPending({ stage: to, reason: '', reopen: false });
    else void move(to);
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (!pending) return;
    void move(pending.stage, { ...(pending.reason.trim() ? { reason: pending.reason.trim() } : {}), ...(closed ? { reopen: pending.reopen } : {}) });
  }

  return (
    <>
      <label className="crm-stage-menu small">
        <span>Move to</span>
        <select aria-label={`Move ${dealName} to stage`} value="" disabled={busy} onChange={(event) => event.target.value && choose(event.target.value as DealStage)}>
          <option value="">Stage…</option>
          {STAGES.filter((entry) => entry.stage !== stage).map((entry) => <option key={entry.stage} value={entry.stage}>{entry.label}</option>)}
        </select>
      </label>
      {pending ? (
        <form className="crm-move-confirm" onSubmit={confirm} aria-label={`Move ${dealName} to ${stageLabel(pending.stage)}`}>
          {pending.stage === 'CLOSED_LOST' ? (
            <label className="field small">Why was it lost?
              <textarea rows={2} value={pending.reason} required onChange={(event) => setPending({ ...pending, reason: event.target.value })} />
            </label>
          ) : null}
          {closed ? (
            <label className="small crm-reopen"><input type="checkbox" checked={pending.reopen} onChange={(event) => setPending({ ...pending, reopen: event.target.checked })} /> This deal is {stageLabel(stage).toLowerCase()}: reopen it</label>
          ) : null}
          <div className="crm-move-buttons">
            <button type="submit" className="button button-primary" disabled={busy}>Move to {stageLabel(pending.stage)}</button>
            <button type="button" className="button button-quiet" onClick={() => setPending(null)}>Cancel</button>
          </div>
        </form>
      ) : null}
    </>
  );
}

/** The server's answer to the last move, beside the menu. */
export function MoveAnswer({ message }: { message?: MoveMessage }) {
  if (!message) return null;
  return <p className={`crm-card-message small ${message.tone === 'bad' ? 'bad' : 'good'}`} role={message.tone === 'bad' ? 'alert' : 'status'}>{message.text}</p>;
}
