import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { Link } from '../../router.tsx';
import { CrmTabs, enumLabel, NoteAndTaskLinks, recordHref, stageLabel, DetailsPanel } from './crm-parts.tsx';
import { RecordTasks } from './task-list.tsx';
import { CapturedEmails } from './captured-emails.tsx';
import { Timeline } from './timeline.tsx';

type Contact = ToolOutput<'get_contact'>;

/** One contact: emails, company, deals, open tasks and the timeline (captured emails included). */
export default function ContactPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const contact = useTool('get_contact', { contact_id: id });
  const [changes, setChanges] = useState(0);
  return (
    <Loaded result={contact} label="Loading the contact">
      {(data) => (
        <>
          <PageHeader
            title={data.contact.name}
            subtitle={[data.contact.title, data.contact.company?.name, enumLabel(data.contact.lifecycle), data.contact.is_active ? null : 'Archived'].filter(Boolean).join(' · ')}
            actions={<>
              <FormLink tool="update_contact" values={{ contact_id: id, back: recordHref('contact', id) }}>Edit</FormLink>
              <NoteAndTaskLinks type="contact" id={id} name={data.contact.name} />
              <AskAboutLink about={data.contact.name}>Ask about this contact</AskAboutLink>
            </>}
          />
          <CrmTabs />
          <div className="crm-record">
            <div className="crm-record-side">
              <Details contact={data} />
              <Deals contact={data} />
              <CapturedEmails contactId={id} />
            </div>
            <div className="crm-record-main">
              <RecordTasks type="contact" id={id} onChanged={() => setChanges((value) => value + 1)} />
              <Timeline subject={{ type: 'contact', id }} reloadKey={changes} />
            </div>
          </div>
        </>
      )}
    </Loaded>
  );
}

function Details({ contact: { contact } }: { contact: Contact }) {
  const handles = Object.entries(contact.social_handles);
  const rows: Array<[string, React.ReactNode]> = [
    ['Emails', contact.emails.length ? (
      <ul className="crm-plain-list">{contact.emails.map((email) => <li key={email.email}><a href={`mailto:${email.email}`}>{email.email}</a>{email.is_primary ? <span className="muted small"> (primary)</span> : null}</li>)}</ul>
    ) : '—'],
    ['Phone', contact.phone ?? '—'],
    ['Company', contact.company ? <Link href={`/crm/companies/${contact.company.id}`}>{contact.company.name}</Link> : '—'],
    ['Owner', contact.owner ?? '—'],
    ['Tags', contact.tags.length ? contact.tags.map((tag) => <span key={tag} className="badge crm-tag">{tag}</span>) : '—'],
    ['Social', handles.length ? handles.map(([network, handle]) => `${network}: @${handle}`).join(', ') : '—'],
    ['Source', contact.source === 'email' ? 'Captured email' : enumLabel(contact.source)],
  ];
  return <DetailsPanel rows={rows} />;
}

function Deals({ contact }: { contact: Contact }) {
  return (
    <Panel title="Deals">
      {contact.deals.length ? (
        <ul className="crm-plain-list">
          {contact.deals.map((deal) => (
            <li key={deal.id} className="crm-deal-row">
              <Link href={recordHref('deal', deal.id)}>{deal.name}</Link> <span className="badge">{stageLabel(deal.stage)}</span>{deal.is_active ? null : <span className="muted small"> archived</span>}
            </li>
          ))}
        </ul>
      ) : <Empty title="No deals." />}
    </Panel>
  );
}

