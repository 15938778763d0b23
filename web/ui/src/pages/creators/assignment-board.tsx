import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { formatDay, formatMoney } from '../../components/format.ts';
import { ExternalLink } from '../../components/external-link.tsx';
import { Link } from '../../router.tsx';
import { ASSIGNMENT_STATUSES, assignmentStatusLabel, type AssignmentStatus } from './assignment-status.tsx';
import { networkLabel, splitList } from './creator-parts.tsx';
import { callAnyTool } from '../../forms/call-tool.ts';
import type { ApprovalFiled } from '../content/post-actions.ts';
import type { AssignmentRow, CampaignDetail } from './creator-types.ts';

type Message = { tone: 'good' | 'bad'; text: string; approvalId?: string };

/** The assignments in a column per status, in the order work moves; declined last but one is still shown, so nobody is lost. */
export function AssignmentBoard({ campaign, onChanged }: { campaign: CampaignDetail; onChanged(): void }) {
  const [messages, setMessages] = useState<Record<string, Message>>({});
  const said = (assignmentId: string, message: Message) => {
    setMessages((shown) => ({ ...shown, [assignmentId]: message }));
    if (message.tone === 'good') onChanged();
  };
  const assignments = campaign.board.flatMap((column) => column.assignments);
  const overdue = assignments.filter((row) => row.overdue).length;
  return (
    <>
      {overdue ? <p className="cr-overdue-note" role="note">{overdue === 1 ? '1 creator has' : `${overdue} creators have`} overdue deliverables: {assignments.filter((row) => row.overdue).map((row) => row.creator_name).join(', ')}.</p> : null}
      <div className="cr-board" role="list" aria-label="Assignments by status">
        {ASSIGNMENT_STATUSES.map((status) => {
          const rows = assignments.filter((row) => row.status === status);
          return (
            <section key={status} className={`cr-column cr-column-${status} ${rows.length ? '' : 'cr-column-empty'}`} role="listitem" aria-label={assignmentStatusLabel(status)}>
              <h3 className="cr-column-head">{assignmentStatusLabel(status)} <span className="badge">{rows.length}</span></h3>
              <ul className="cr-cards">
                {rows.map((row) => <li key={row.assignment_id}><AssignmentCard campaign={campaign} row={row} message={messages[row.assignment_id]} onMessage={said} /></li>)}
              </ul>
              {!rows.length ? <p className="muted small flush">None</p> : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

/** What update_assignment lets each status move to (tools/creators/campaigns/update-assignment.ts); PAID only through pay_creator. */
const NEXT: Record<AssignmentStatus, ReadonlyArray<{ status: AssignmentStatus; label: string }>> = {
  INVITED: [{ status: 'ACCEPTED', label: 'Accepted' }, { status: 'DECLINED', label: 'Declined' }],
  ACCEPTED: [{ status: 'CONTENT_SUBMITTED', label: 'Content submitted' }],
  DECLINED: [],
  CONTENT_SUBMITTED: [{ status: 'CONTENT_APPROVED', label: 'Approve the content' }, { status: 'ACCEPTED', label: 'Ask for changes' }],
  CONTENT_APPROVED: [{ status: 'PUBLISHED', label: 'Published' }],
  PUBLISHED: [],
  PAID: [],
};

export function AssignmentCard({ campaign, row, message, onMessage }: { campaign: CampaignDetail; row: AssignmentRow; message?: Message; onMessage(assignmentId: string, message: Message): void }) {
  const api = useApi();
  const canWrite = useMe().permissions.includes('creators:write');
  const [busy, setBusy] = useState(false);
  const [linksOpen, setLinksOpen] = useState(false);
  const [links, setLinks] = useState('');
  const [live, setLive] = useState(row.status === 'CONTENT_APPROVED');
  // A move that cannot be undone here (declined is final) or that needs a reason waits for a confirmation.
  const [confirming, setConfirming] = useState<'ACCEPTED' | 'DECLINED' | null>(null);
  const [reason, setReason] = useState('');

  async function run(action: () => Promise<Message>) {
    setBusy(true);
    try {
      onMessage(row.assignment_id, await action());
    } catch (error) {
      onMessage(row.assignment_id, { tone: 'bad', text: error instanceof ApiError ? [error.message, ...error.issues.filter((issue) => !error.message.includes(issue.message)).map((issue) => issue.message)].join(' ') : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const move = (status: AssignmentStatus, why?: string) => run(async () => {
    const answer = await api.callTool('update_assignment', { assignment_id: row.assignment_id, status, ...(why ? { reason: why } : {}) });
    setConfirming(null);
    setReason('');
    return { tone: 'good', text: [`Moved to ${assignmentStatusLabel(status)}.`, ...answer.warnings].join(' ') };
  });
  const choose = (status: AssignmentStatus) => {
    if (row.status === 'CONTENT_SUBMITTED' && status === 'ACCEPTED') setConfirming('ACCEPTED');
    else if (status === 'DECLINED') setConfirming('DECLINED');
    else void move(status);
  };
  const submit = () => run(async () => {
    const urls = splitList(links.replace(/\s+/g, '\n'));
    if (!urls.length) return { tone: 'bad', text: 'Paste at least one link to the post.' };
    const answer = await api.callTool('submit_content', { assignment_id: row.assignment_id, links: urls.map((url) => ({ url })), published: live });
    setLinks('');
    setLinksOpen(false);
    const saved = answer.links.length === 1 ? '1 link saved' : `${answer.links.length} links saved`;
    return { tone: 'good', text: `${saved}${answer.status_changed ? `; now ${assignmentStatusLabel(answer.status_changed.to)}` : ''}. Their views and likes come in with the next sync.` };
  });
  const pay = () => run(async () => {
    // An approval tool answers with the request it filed, not with a payment.
    const filed = (await callAnyTool(api, 'pay_creator', { assignment_id: row.assignment_id })) as ApprovalFiled;
    return { tone: 'good', text: `Approval requested: ${filed.preview.replace(/\.+$/, '')}. Nothing is paid until another person approves it; then it is paid once.`, approvalId: filed.approval_id };
  });

  const next = NEXT[row.status];
  const canPay = canWrite && !row.paid && row.status === 'PUBLISHED';
  const canSubmit = canWrite && (row.status === 'ACCEPTED' || row.status === 'CONTENT_SUBMITTED' || row.status === 'CONTENT_APPROVED' || row.status === 'PUBLISHED');
  return (
    <article className={`cr-card ${row.overdue ? 'cr-card-overdue' : ''}`} aria-label={row.creator_name}>
      <h4 className="cr-card-title"><Link href={`/creators/${row.creator_id}`}>{row.creator_name}</Link></h4>
      <p className="muted small flush">@{row.handle} · <span className="cr-card-fee">{formatMoney(row.fee, row.currency)}</span></p>
      <ul className="cr-deliverables" aria-label="Deliverables">
        {row.deliverables.map((deliverable, index) => (
          <li key={index} className={deliverable.overdue ? 'cr-deliverable-overdue' : deliverable.published >= deliverable.agreed ? 'cr-deliverable-done' : ''}>
            <span>{networkLabel(deliverable.network)} {deliverable.format}</span>{' '}
            <strong title={`${deliverable.published} published, ${deliverable.submitted} submitted, of ${deliverable.agreed} agreed`}>{deliverable.published}/{deliverable.agreed}</strong>
            <span className="sr-only"> published</span>
            {deliverable.due_on ? <span className="small"> · due {formatDay(deliverable.due_on, { short: true })}</span> : null}
            {deliverable.overdue ? <span className="badge badge-rejected cr-overdue-badge">Overdue</span> : null}
          </li>
        ))}
        {!row.deliverables.length ? <li className="muted small">No deliverable agreed.</li> : null}
      </ul>
      {row.content.length ? (
        <ul className="cr-card-links" aria-label="Content links">
          {row.content.map((content) => (
            <li key={content.content_id}>
              {content.url ? <ExternalLink href={content.url}>{networkLabel(content.network)} {content.format ?? 'post'}</ExternalLink> : `${networkLabel(content.network)} ${content.format ?? 'post'}`}
              <span className="muted small"> · {content.published_at ? `live ${formatDay(content.published_at, { short: true })}` : 'not live yet'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {row.paid ? <p className="small flush cr-paid">Paid {formatMoney(row.paid.amount, row.paid.currency)} on {formatDay(row.paid.paid_at, { short: true })}</p> : null}
      {canWrite && (next.length || canSubmit || canPay) ? (
        <div className="cr-card-actions">
          {next.length ? (
            <select aria-label={`Move ${row.creator_name} to`} value="" disabled={busy} onChange={(event) => choose(event.target.value as AssignmentStatus)}>
              <option value="">Move to…</option>
              {next.map((option) => <option key={option.status} value={option.status}>{option.label}</option>)}
            </select>
          ) : null}
          {canSubmit ? <button type="button" className="button" aria-expanded={linksOpen} disabled={busy} onClick={() => setLinksOpen(!linksOpen)}>Add links</button> : null}
          {canPay ? <button type="button" className="button button-primary" disabled={busy || message?.approvalId !== undefined} onClick={pay}>Request payment</button> : null}
        </div>
      ) : null}
      {confirming ? (
        <div className="cr-links-form">
          <label className="field">{confirming === 'ACCEPTED' ? 'What should change?' : 'Why did they decline? (optional)'}<textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} /></label>
          <div className="cr-card-actions">
            <button type="button" className="button button-primary" disabled={busy || (confirming === 'ACCEPTED' && reason.trim().length < 3)}
              onClick={() => move(confirming, reason.trim().length >= 3 ? reason.trim() : undefined)}>{confirming === 'ACCEPTED' ? 'Send back' : 'Mark declined'}</button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        </div>
      ) : null}
      {linksOpen ? (
        <div className="cr-links-form">
          <label className="field">Links to the posts (one per line)
            <textarea rows={3} value={links} onChange={(event) => setLinks(event.target.value)} placeholder="https://www.tiktok.com/@handle/video/…" />
          </label>
          <label className="cr-check small"><input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} /> They are live: mark published</label>
          <div className="cr-card-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={submit}>{busy ? 'Saving…' : 'Save links'}</button>
            <button type="button" className="button button-quiet" onClick={() => setLinksOpen(false)}>Cancel</button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p className={`small flush cr-card-message ${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
          {message.text}{message.approvalId ? <> <Link href={`/approvals/${message.approvalId}`}>See the request</Link></> : null}
        </p>
      ) : null}
      {campaign.currency !== row.currency ? <p className="muted small flush">Fee in {row.currency}; the campaign budgets in {campaign.currency}.</p> : null}
    </article>
  );
}
