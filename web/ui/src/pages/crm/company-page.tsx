import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatMoney } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { Link } from '../../router.tsx';
import { CrmTabs, enumLabel, NoteAndTaskLinks, recordHref, DetailsPanel } from './crm-parts.tsx';
import { RecordTasks } from './task-list.tsx';
import { Timeline } from './timeline.tsx';

type Company = ToolOutput<'get_company'>;

/** One company: its details, contacts, open deals, open tasks and its timeline (its contacts' and deals' entries too). */
export default function CompanyPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const company = useTool('get_company', { company_id: id });
  const [changes, setChanges] = useState(0);
  return (
    <Loaded result={company} label="Loading the company">
      {(data) => (
        <>
          <PageHeader
            title={data.company.name}
            subtitle={[enumLabel(data.company.type), data.company.domain, data.company.is_active ? null : 'Archived'].filter(Boolean).join(' · ')}
            actions={<>
              <FormLink tool="update_company" values={{ company_id: id, back: recordHref('company', id) }}>Edit</FormLink>
              <FormLink tool="create_contact" values={{ company_id: id }}>New contact</FormLink>
              <NoteAndTaskLinks type="company" id={id} name={data.company.name} />
              <AskAboutLink about={data.company.name}>Ask about this company</AskAboutLink>
              <FormLink tool="create_deal" values={{ company_id: id }} primary>New deal</FormLink>
            </>}
          />
          <CrmTabs />
          <div className="crm-record">
            <div className="crm-record-side">
              <Details company={data} />
              <Contacts company={data} />
            </div>
            <div className="crm-record-main">
              <OpenDeals companyId={id} />
              <RecordTasks type="company" id={id} onChanged={() => setChanges((value) => value + 1)} />
              <Timeline subject={{ type: 'company', id }} reloadKey={changes} />
            </div>
          </div>
        </>
      )}
    </Loaded>
  );
}

function Details({ company: { company, clients } }: { company: Company }) {
  const address = company.address ? [company.address.line1, company.address.line2, company.address.city, company.address.region, company.address.postal_code, company.address.country].filter(Boolean).join(', ') : null;
  const rows: Array<[string, React.ReactNode]> = [
    ['Owner', company.owner ?? '—'],
    ['Industry', company.industry ?? '—'],
    ['Size', company.size_band ? `${company.size_band} people` : '—'],
    ['Tags', company.tags.length ? company.tags.map((tag) => <span key={tag} className="badge crm-tag">{tag}</span>) : '—'],
    ['Address', address ?? '—'],
  ];
  if (clients.length) rows.push(['Crescendo client', clients.map((client, index) => <span key={client.id}>{index ? ', ' : ''}<Link href={`/clients/${client.id}`}>{client.name}</Link></span>)]);
  return <DetailsPanel rows={rows} />;
}

function Contacts({ company }: { company: Company }) {
  return (
    <Panel title={`Contacts (${company.contacts_count})`}>
      {company.contacts.length ? (
        <ul className="crm-plain-list">
          {company.contacts.map((contact) => (
            <li key={contact.id}>
              <Link href={`/crm/contacts/${contact.id}`}>{contact.name}</Link>
              <div className="muted small">{[contact.title, contact.primary_email, enumLabel(contact.lifecycle)].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
      ) : <Empty title="No contacts yet." />}
    </Panel>
  );
}

function OpenDeals({ companyId }: { companyId: string }) {
  const deals = useTool('list_deals', { company_id: companyId, stage: ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'], limit: 50 });
  return (
    <Panel title="Open deals">
      <Loaded result={deals} label="Loading deals">
        {(page) => page.rows.length ? (
          <ul className="crm-plain-list">
            {page.rows.map((deal) => (
              <li key={deal.deal_id} className="crm-deal-row">
                <span><Link href={recordHref('deal', deal.deal_id)}>{deal.name}</Link> <span className="badge">{deal.stage_label}</span></span>
                <span className="muted small">{formatMoney(deal.amount, deal.currency)}{deal.owner ? ` · ${deal.owner}` : ''}{deal.expected_close_date ? ` · closes ${deal.expected_close_date}` : ''}</span>
              </li>
            ))}
          </ul>
        ) : <Empty title="No open deals." />}
      </Loaded>
    </Panel>
  );
}

