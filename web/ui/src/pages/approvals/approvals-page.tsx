import { useRef, useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { actionLabel } from './action-labels.ts';
import { ApprovalCard, ReadOnlyApproval, type Approval, type Decision } from './approval-card.tsx';
import { ApprovalHistory } from './approval-history.tsx';
import { usePolling } from './use-polling.ts';
import { headlineOf } from './approval-summary-view.tsx';
import './approvals.css';

const PENDING_SHOWN = 100;
const HISTORY_PAGE = 50;
const IN_FLIGHT = new Set<Approval['status']>(['approved', 'executing']);

/**
 * Deciding goes through decide_approval, the same tool Slack and the CLI call; the action itself
 * runs in a job, so the history is refreshed until every approved request has finished.
 */
export default function ApprovalsPage({ params }: { params: Record<string, string> }) {
  const api = useApi();
  const me = useMe();
  const [historyShown, setHistoryShown] = useState(HISTORY_PAGE);
  const pending = useTool('list_approvals', { status: 'pending', limit: PENDING_SHOWN });
  const history = useTool('list_approvals', { status: 'decided', limit: historyShown });
  const [announcement, setAnnouncement] = useState('');
  const waitingHeading = useRef<HTMLHeadingElement>(null);
  const canDecide = me.permissions.includes('approvals:decide');

  const running = history.state === 'ready' && history.data.rows.some((row) => IN_FLIGHT.has(row.status));
  const { gaveUp } = usePolling(running, history.reload, history.data);

  async function decide(approval: Approval, decision: Decision, comment: string) {
    const result = await api.callTool('decide_approval', { approval_id: approval.id, decision, ...(comment ? { comment } : {}) });
    const headline = headlineOf(approval, actionLabel);
    setAnnouncement(decision === 'approve' ? `Approved: ${headline}; it is ${result.status === 'approved' ? 'queued to run' : result.status}.` : `Rejected: ${headline}.`);
    // The decided card disappears; focus goes back to the list rather than falling to the page.
    waitingHeading.current?.focus();
    pending.reload();
    history.reload();
  }

  return (
    <>
      <PageHeader title="Approvals" subtitle="Every payment, booking, post and send waits here for a person. You cannot approve your own requests." />
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      <Panel title="Waiting for a decision" headingRef={waitingHeading}>
        <Loaded result={pending} label="Loading requests">
          {(page) => page.rows.length ? (
            <>
              <ul className="plain-list approvals-list">
                {linkedFirst(page.rows, params.id).map((approval) => canDecide
                  ? <ApprovalCard key={approval.id} approval={approval} highlighted={approval.id === params.id} onDecide={(decision, comment) => decide(approval, decision, comment)} />
                  : <ReadOnlyApproval key={approval.id} approval={approval} />)}
              </ul>
              {page.next_cursor ? <p className="muted">Showing the {PENDING_SHOWN} newest requests; decide these to see older ones.</p> : null}
            </>
          ) : <Empty title="Nothing is waiting for approval.">Requests from Slack, chat, MCP clients and the API appear here.</Empty>}
        </Loaded>
      </Panel>
      <Panel title="History" className="panel-spaced">
        <Loaded result={history} label="Loading history">
          {(page) => (
            <>
              <ApprovalHistory rows={page.rows} linkedId={params.id} />
              {gaveUp ? <p className="muted" role="status">Approved actions are still queued: check that the job runner (`crescendo worker`) is running, then reload.</p> : null}
              {page.next_cursor ? <button type="button" className="button" onClick={() => setHistoryShown((shown) => shown + HISTORY_PAGE)}>Show older decisions</button> : null}
            </>
          )}
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
