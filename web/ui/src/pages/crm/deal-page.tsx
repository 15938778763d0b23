import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatInstant, formatMoney, formatShare } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { Link } from '../../router.tsx';
import { CrmTabs, isClosed, NoteAndTaskLinks, recordHref, timeInStage, DetailsPanel } from './crm-parts.tsx';
import { MoveAnswer, StageMenu, type MoveMessage } from './stage-menu.tsx';
import { RecordTasks } from './task-list.tsx';
import { Timeline } from './timeline.tsx';

type Deal = ToolOutput<'get_deal'>;

/**
 * One deal (get_deal): its company and contacts, amount, stage with the menu that moves it
 * (move_deal_stage, the server's answer shown beside it), close date, owner, the stage's
 * probability, its open tasks, its notes and its timeline.
 */
export default function DealPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const deal = useTool('get_deal', { deal_id: id });
  const [changes, setChanges] = useState(0);
  const [message, setMessage] = useState<MoveMessage | undefined>();
  const changed = () => setChanges((value) => value + 1);

  function moved(answer: MoveMessage) {
    setMessage(answer);
    if (answer.tone === 'good') {
      deal.reload();
      changed();
    }
  }

  return (
    <Loaded result={deal} label="Loading the deal">
      {(data) => (
        <>
          <PageHeader
            title={data.name}
            subtitle={[data.company?.name, data.stage_label, data.is_active ? null : 'Archived'].filter(Boolean).join(' · ')}
            actions={<>
              <FormLink tool="update_deal" values={{ deal_id: id, back: recordHref('deal', id) }}>Edit</FormLink>
              <NoteAndTaskLinks type="deal" id={id} name={data.name} />
              <AskAboutLink about={data.name}>Ask about this deal</AskAboutLink>
            </>}
          />
          <CrmTabs />
          <div className="crm-record">
            <div className="crm-record-side">
              <Stage deal={data} message={message} onMoved={moved} />
              <Details deal={data} />
              <Contacts deal={data} />
            </div>
            <div className="crm-record-main">
              <RecordTasks type="deal" id={data.deal_id} onChanged={changed} />
              <Notes deal={data} />
              <Timeline subject={{ type: 'deal', id }} reloadKey={changes} />
            </div>
          </div>
        </>
      )}
    </Loaded>
  );
}

function Stage({ deal, message, onMoved }: { deal: Deal; message?: MoveMessage; onMoved(message: MoveMessage): void }) {
  return (
    <Panel title="Stage" className="crm-deal-stage">
      <p className="crm-stage-now">
        <span className={`badge crm-stage-badge crm-stage-${deal.stage.toLowerCase()}`}>{deal.stage_label}</span>
        <span className="muted small"> {timeInStage(deal.stage_changed_at)} · {formatShare(deal.probability)} probability</span>
      </p>
      {isClosed(deal.stage) && deal.close_reason ? <p className="small">Reason: {deal.close_reason}</p> : null}
      {deal.is_active ? <StageMenu dealId={deal.deal_id} dealName={deal.name} stage={deal.stage} onMoved={onMoved} /> : <p className="muted small">Archived deals keep their stage; restore the deal to move it.</p>}
      <MoveAnswer message={message} />
    </Panel>
  );
}

function Details({ deal }: { deal: Deal }) {
  const rows: Array<[string, React.ReactNode]> = [
    ['Amount', deal.amount === null ? '—' : formatMoney(deal.amount, deal.currency, { code: true })],
    ['Company', deal.company ? <Link href={recordHref('company', deal.company.company_id)}>{deal.company.name}</Link> : '—'],
    ['Expected close', deal.expected_close_date ? formatDay(deal.expected_close_date) : '—'],
    ['Owner', deal.owner ?? '—'],
    ['Probability', `${formatShare(deal.probability)} at ${deal.stage_label}`],
  ];
  if (deal.closed_at) rows.push(['Closed', formatInstant(deal.closed_at)]);
  return <DetailsPanel rows={rows} />;
}

function Contacts({ deal }: { deal: Deal }) {
  return (
    <Panel title={`Contacts (${deal.contacts.length})`}>
      {deal.contacts.length ? (
        <ul className="crm-plain-list">
          {deal.contacts.map((contact) => {
            const email = deal.contact_emails[contact.contact_id];
            return (
              <li key={contact.contact_id}>
                <Link href={recordHref('contact', contact.contact_id)}>{contact.name}</Link>
                {email ? <div className="muted small crm-email"><a href={`mailto:${email}`}>{email}</a></div> : null}
              </li>
            );
          })}
        </ul>
      ) : <Empty title="No contacts on this deal." />}
    </Panel>
  );
}


/** The deal's notes, newest first, as written (markdown shown as plain text); an edited note says so. */
function Notes({ deal }: { deal: Deal }) {
  return (
    <Panel title="Notes">
      {deal.notes.length ? (
        <ul className="crm-plain-list crm-notes">
          {deal.notes.map((note) => (
            <li key={note.note_id}>
              <p className="crm-note-body">{note.body}</p>
              <p className="muted small">
                {note.author ?? 'Someone'} · <time dateTime={note.created_at}>{formatInstant(note.created_at)}</time>
                {note.version > 1 ? ` · edited (version ${note.version})` : ''}
                {note.subjects.length > 1 ? ` · also on ${note.subjects.filter((subject) => !(subject.type === 'deal' && subject.id === deal.deal_id)).map((subject) => subject.name).join(', ')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : <Empty title="No notes yet." />}
    </Panel>
  );
}
