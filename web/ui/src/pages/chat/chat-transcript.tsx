import type { ChatToolResult } from '../../api/chat-stream.ts';
import type { ChatConfirmation } from './chat-confirm.ts';
import { toolTitle, type ToolTitles } from './tool-titles.ts';

/** A change the assistant proposed, and where the person's decision on it stands. */
export interface ProposedChange extends ChatConfirmation {
  state: 'pending' | 'deciding' | 'confirmed' | 'cancelled';
}

export interface ToolRun {
  id: string;
  name: string;
  /** Unknown until the tool answers. */
  result?: ChatToolResult;
  /** A change the assistant proposed: it runs only if the person confirms. */
  proposed?: boolean;
}

export interface Turn {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  tools: ToolRun[];
  status: 'streaming' | 'done' | 'failed';
  error?: string;
  /** Set when no language model is configured: what the server says an admin must do. */
  setupHint?: string;
  /** Changes the assistant proposed in this turn: nothing changes until the person confirms. */
  changes?: ProposedChange[];
}

/** What a person reads when the assistant has no model: not the environment variables, which are for whoever runs Crescendo. */
export const NOT_SET_UP = "The assistant isn't set up yet; ask your admin.";

function failureOf(run: ToolRun): string | null {
  return run.result && 'error' in run.result && run.result.error ? run.result.error.message : null;
}

function toolLabel(run: ToolRun, titles: ToolTitles): string {
  const title = toolTitle(run.name, titles);
  if (run.proposed && !run.result) return `${title}: awaiting your confirmation`;
  if (!run.result) return `${title} …`;
  return failureOf(run) === null ? `${title} ✓` : `${title} ✗`;
}

const NO_TITLES: ToolTitles = new Map();

/**
 * The conversation; the agent's text is shown as plain text (never rendered as HTML). Tools are
 * named by their titles; the tool's own name is the chip's tooltip, for whoever reads the logs.
 */
export function ChatTranscript({ turns, titles = NO_TITLES, onDecide }: { turns: readonly Turn[]; titles?: ToolTitles; onDecide?: (change: ProposedChange, decision: 'confirm' | 'cancel') => void }) {
  return (
    <ol className="transcript plain-list" aria-label="Conversation">
      {turns.map((turn) => (
        <li key={turn.id} className={`message message-${turn.role}`} aria-busy={turn.status === 'streaming' || undefined}>
          <span className="sr-only">{turn.role === 'user' ? 'You said:' : 'Crescendo answered:'}</span>
          {turn.tools.length ? (
            <ul className="tool-runs" aria-label="Tools used">
              {turn.tools.map((run) => (
                <li key={run.id} className={`tool-run ${failureOf(run) === null ? '' : 'tool-run-failed'}`} title={run.name}>{toolLabel(run, titles)}</li>
              ))}
            </ul>
          ) : null}
          {turn.tools.filter((run) => failureOf(run) !== null).map((run) => (
            <p key={run.id} className="tool-failure">{toolTitle(run.name, titles)} failed: {failureOf(run)}</p>
          ))}
          {turn.text || (turn.status === 'streaming' ? <span className="muted">Thinking…</span> : null)}
          {turn.changes?.map((change) => <ChangeCard key={change.confirmation_id} change={change} onDecide={onDecide} />)}
          {turn.setupHint ? <SetupNotice hint={turn.setupHint} /> : null}
          {turn.error ? <p className="field-error" role="alert">{turn.error}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Shown on arrival when the status says so (a status, not an alert), or after a question that found no model (an alert). */
export function SetupNotice({ hint, role = 'alert' }: { hint: string; role?: 'alert' | 'status' }) {
  return (
    <div className="setup-notice" role={role}>
      <p className="flush"><strong>{NOT_SET_UP}</strong> Everything else works without it: the pages, approvals and Slack notices.</p>
      <details className="admin-hint">
        <summary>For admins</summary>
        <p className="flush small">{hint}</p>
      </details>
    </div>
  );
}

/** A proposed change in words, with Confirm and Cancel while it waits; who decided stays once it is decided. */
function ChangeCard({ change, onDecide }: { change: ProposedChange; onDecide?: (change: ProposedChange, decision: 'confirm' | 'cancel') => void }) {
  const heading = `change-${change.confirmation_id}`;
  return (
    <section className="change-card" aria-labelledby={heading}>
      <p id={heading} className="flush"><strong>Confirm this change?</strong></p>
      <p className="flush change-summary">{change.summary}</p>
      {change.state === 'pending' || change.state === 'deciding' ? (
        <>
          <p className="flush muted small">Nothing changes until you confirm.</p>
          <div className="change-actions">
            <button type="button" className="button button-primary" disabled={change.state === 'deciding'} onClick={() => onDecide?.(change, 'confirm')}>Confirm</button>
            <button type="button" className="button" disabled={change.state === 'deciding'} onClick={() => onDecide?.(change, 'cancel')}>Cancel</button>
          </div>
        </>
      ) : (
        <p className="flush muted small" role="status">{change.state === 'confirmed' ? 'Confirmed: the change was made as you.' : 'Cancelled: nothing was changed.'}</p>
      )}
    </section>
  );
}
