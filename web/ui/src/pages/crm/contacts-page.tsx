import { useState } from 'react';
import type { ToolInput, ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { FormLink } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { CrmTabs, enumLabel } from './crm-parts.tsx';

type Input = ToolInput<'list_contacts'>;
type Page = ToolOutput<'list_contacts'>;

/** CRM contacts: the people at those companies, searchable by name or email. */
export default function ContactsPage() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const input: Input = { limit: 50, ...(settled ? { search: settled } : {}) };
  const first = useTool('list_contacts', input);
  return (
    <>
      <PageHeader title="Contacts" subtitle="The people you deal with: managers, brand partners, sponsors, and senders of captured email." actions={<FormLink tool="create_contact" primary>New contact</FormLink>} />
      <CrmTabs />
      <Panel title="Contact list">
        <form className="page-actions filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <label className="field">Search<input type="search" value={search} placeholder="Name or email" onChange={(event) => setSearch(event.target.value)} /></label>
        </form>
        <Loaded result={first} label="Loading contacts">
          {(page) => <ContactRows key={JSON.stringify(input)} input={input} first={page} filtered={Boolean(settled)} />}
        </Loaded>
      </Panel>
    </>
  );
}

function ContactRows({ input, first, filtered }: { input: Input; first: Page; filtered: boolean }) {
  const pages = useMorePages('list_contacts', input, first);
  if (!pages.rows.length) {
    return filtered ? <Empty title="No contact matches.">Try another name or email.</Empty> : <Empty title="No contacts yet."><FormLink tool="create_contact">Add the first contact</FormLink></Empty>;
  }
  return (
    <>
      <TableScroll label="Contacts">
        <table>
          <thead><tr><th scope="col">Contact</th><th scope="col">Company</th><th scope="col">Lifecycle</th><th scope="col">Owner</th></tr></thead>
          <tbody>
            {pages.rows.map((contact) => (
              <tr key={contact.id}>
                <th scope="row">
                  <Link href={`/crm/contacts/${contact.id}`}>{contact.name}</Link>
                  <div className="muted small">{[contact.title, contact.primary_email].filter(Boolean).join(' · ')}</div>
                </th>
                <td>{contact.company ? <Link href={`/crm/companies/${contact.company.id}`}>{contact.company.name}</Link> : <span className="muted">—</span>}</td>
                <td>{enumLabel(contact.lifecycle)}</td>
                <td>{contact.owner ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <MorePagesFooter pages={pages} />
    </>
  );
}
