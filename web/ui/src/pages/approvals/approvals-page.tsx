import { useEffect, useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { actionLabel, IN_FLIGHT } from './action-labels.ts';
import { ApprovalCard, type Decision } from './approval-card.tsx';
import { ApprovalHistory } from './approval-history.tsx';

const POLL_MS = 1500;

/**
 * Deciding goes through decide_approval, the same tool Slack and the CLI call; the action itself
 * runs in a job, so the history is polled until every approved request has finished.
 */
export default function ApprovalsPage({ params }: { params: Record<string, string> }) {
  const api = useApi();
  const me = useMe();
  const pending = useTool('list_approvals', { status: 'pending', limit: 100 });
  const history = useTool('list_approvals', { status: 'any', limit: 50 });
  const [announcement, setAnnouncement] = useState('');
  const canDecide = me.permissions.includes('approvals:decide');

  const decided = history.state === 'ready' ? history.data.rows.filter((row) => row.status !== 'pending') : [];
  const running = decided.some((row) => IN_FLIGHT.has(row.status));
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(history.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, history.data, history.reload]);

  async function decide(id: string, action: string, decision: Decision, comment: string) {
    const result = await api.callTool('decide_approval', { approval_id: id, decision, ...(comment ? { comment } : {}) });
    setAnnouncement(decision === 'approve' ? `${actionLabel(action)} approved; status ${result.status}.` : `${actionLabel(action)} rejected.`);
    pending.reload();
    history.reload();
  }

  return (
    <>
      <PageHeader title="Approvals" subtitle="Every payment, booking, post and send waits here for a person. You cannot approve your own requests." />
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      <Panel title="Waiting for a decision">
        <Loaded result={pending} label="Loading requests">
          {(page) => page.rows.length ? (
            <ul className="plain-list approvals-list">
              {linkedFirst(page.rows, params.id).map((approval) => (
                canDecide ? <ApprovalCard key={approval.id} approval={approval} highlighted={approval.id === params.id} onDecide={(decision, comment) => decide(approval.id, approval.action, decision, comment)} /> : (
                  <li key={approval.id} className="panel"><strong>{actionLabel(approval.action)}</strong><p>{approval.preview}</p><p className="muted">Only managers and above can decide.</p></li>
                )
              ))}
            </ul>
          ) : <Empty title="Nothing is waiting for approval.">Requests from Slack, chat, MCP clients and the API appear here.</Empty>}
        </Loaded>
      </Panel>
      <Panel title="History" className="panel-spaced">
        <Loaded result={history} label="Loading history">
          {() => <ApprovalHistory rows={decided} />}
        </Loaded>
      </Panel>
    </>
  );
}

/** A request opened from a link (Slack, a tool answer) comes first. */
function linkedFirst<Row extends { id: string }>(rows: readonly Row[], linkedId: string | undefined): Row[] {
  const linked = rows.find((row) => row.id === linkedId);
  return linked ? [linked, ...rows.filter((row) => row !== linked)] : [...rows];
}
