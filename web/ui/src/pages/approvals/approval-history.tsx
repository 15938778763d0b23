import { formatInstant } from '../../components/format.ts';
import { Empty } from '../../components/states.tsx';
import { actionLabel } from './action-labels.ts';
import type { Approval } from './approval-card.tsx';
import { headlineOf } from './approval-summary-view.tsx';
import { Link } from '../../router.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

const OUTCOME: Record<Approval['status'], string> = {
  pending: 'Waiting',
  approved: 'Approved, queued to run',
  executing: 'Running',
  executed: 'Done',
  rejected: 'Rejected',
  failed: 'Failed',
};

export function ApprovalHistory({ rows, linkedId }: { rows: readonly Approval[]; linkedId?: string }) {
  if (!rows.length) return <Empty title="No decisions yet." />;
  return (
    <TableScroll label="Approval history">
      <table>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="hide-narrow">Decided by</th>
            <th scope="col" className="hide-narrow">When</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-approval-id={row.id} className={row.id === linkedId ? 'row-linked' : undefined} aria-current={row.id === linkedId || undefined}>
              <td>
                <strong>{headlineOf(row, actionLabel)}</strong>
                {row.summary?.campaign ? <div className="muted">For <Link href={`/campaigns/${row.summary.campaign.id}`}>{row.summary.campaign.name}</Link></div> : null}
                {row.summary ? null : <div>{row.preview}</div>}
                {row.outcome ? <div className="tone-good">{row.outcome}</div> : null}
                {row.comment ? <div className="muted">“{row.comment}”</div> : null}
                {row.error ? <div className="tone-bad">{row.error}</div> : null}
              </td>
              <td><span className={`badge badge-${row.status}`}>{OUTCOME[row.status]}</span></td>
              <td className="hide-narrow">{row.decided_by ?? '—'}<div className="muted">asked by {row.requested_by ?? '—'}</div></td>
              <td className="hide-narrow">{formatInstant(row.executed_at ?? row.decided_at ?? row.requested_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
