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

type Input = ToolInput<'list_companies'>;
type Page = ToolOutput<'list_companies'>;

/** CRM companies: clients, prospects, partners and vendors, searchable by name or domain. */
export default function CompaniesPage() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const input: Input = { limit: 50, ...(settled ? { search: settled } : {}) };
  const first = useTool('list_companies', input);
  return (
    <>
      <PageHeader title="Companies" subtitle="The businesses you work with: clients, prospects, partners and vendors." actions={<FormLink tool="create_company" primary>New company</FormLink>} />
      <CrmTabs />
      <Panel title="Company list">
        <form className="page-actions filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <label className="field">Search<input type="search" value={search} placeholder="Name or domain" onChange={(event) => setSearch(event.target.value)} /></label>
        </form>
        <Loaded result={first} label="Loading companies">
          {(page) => <CompanyRows key={JSON.stringify(input)} input={input} first={page} filtered={Boolean(settled)} />}
        </Loaded>
      </Panel>
    </>
  );
}

function CompanyRows({ input, first, filtered }: { input: Input; first: Page; filtered: boolean }) {
  const pages = useMorePages('list_companies', input, first);
  if (!pages.rows.length) {
    return filtered ? <Empty title="No company matches.">Try another name or domain.</Empty> : <Empty title="No companies yet."><FormLink tool="create_company">Add the first company</FormLink></Empty>;
  }
  return (
    <>
      <TableScroll label="Companies">
        <table>
          <thead><tr><th scope="col">Company</th><th scope="col">Type</th><th scope="col">Owner</th><th scope="col">Tags</th></tr></thead>
          <tbody>
            {pages.rows.map((company) => (
              <tr key={company.id}>
                <th scope="row"><Link href={`/crm/companies/${company.id}`}>{company.name}</Link>{company.domain ? <div className="muted small">{company.domain}</div> : null}</th>
                <td>{enumLabel(company.type)}</td>
                <td>{company.owner ?? <span className="muted">—</span>}</td>
                <td>{company.tags.map((tag) => <span key={tag} className="badge crm-tag">{tag}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <MorePagesFooter pages={pages} />
    </>
  );
}
