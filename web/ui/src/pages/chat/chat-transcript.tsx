import type { ChatToolResult } from '../../api/chat-stream.ts';
import { toolTitle, type ToolTitles } from './tool-titles.ts';

export interface ToolRun {
  id: string;
  name: string;
  /** Unknown until the tool answers. */
  result?: ChatToolResult;
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
}

/** What a person reads when the assistant has no model: not the environment variables, which are for whoever runs Crescendo. */
export const NOT_SET_UP = "The assistant isn't set up yet; ask your admin.";

function failureOf(run: ToolRun): string | null {
  return run.result && 'error' in run.result && run.result.error ? run.result.error.message : null;
}

function toolLabel(run: ToolRun, titles: ToolTitles): string {
  const title = toolTitle(run.name, titles);
  if (!run.result) return `${title} …`;
  return failureOf(run) === null ? `${title} ✓` : `${title} ✗`;
}

const NO_TITLES: ToolTitles = new Map();

/**
 * The conversation; the agent's text is shown as plain text (never rendered as HTML). Tools are
 * named by their titles; the tool's own name is the chip's tooltip, for whoever reads the logs.
 */
export function ChatTranscript({ turns, titles = NO_TITLES }: { turns: readonly Turn[]; titles?: ToolTitles }) {
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
