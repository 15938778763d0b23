import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatMoney, formatNumber } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { FormLink } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { ExportButton } from '../playlists/export-button.tsx';
import { extraFigureNames, figureLabel, VENDOR_DELIVERED } from './extra-figures.ts';

type Page = ToolOutput<'list_clients'>;
type Row = Page['rows'][number];

const figure = (row: object, name: string): number | null => {
  const value = (row as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
};

const SHOWN = new Set(['campaigns', 'active_campaigns', 'completed_campaigns', 'total_budget', 'streams_delivered', VENDOR_DELIVERED]);

/** The labels and artist teams buying campaigns: how much is running, what they budgeted, what was delivered. */
export default function ClientsPage() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const input = { limit: 50, ...(settled ? { search: settled } : {}) };
  const first = useTool('list_clients', input);
  return (
    <>
      <PageHeader
        title="Clients"
        subtitle="Labels and artist teams buying playlist campaigns: campaigns running and finished, budget and streams delivered."
        actions={<>
          <FormLink tool="create_client" primary>New client</FormLink>
          <ExportButton table="clients" label="Export CSV" />
        </>}
      />
      <Panel title="Client list">
        <form className="page-actions filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <label className="field">Search<input type="search" value={search} placeholder="Client name" onChange={(event) => setSearch(event.target.value)} /></label>
        </form>
        <Loaded result={first} label="Loading clients">
          {(page) => <ClientPages key={JSON.stringify(input)} input={input} first={page} filtered={Boolean(settled)} />}
        </Loaded>
      </Panel>
    </>
  );
}

function ClientPages({ input, first, filtered }: { input: { limit: number; search?: string }; first: Page; filtered: boolean }) {
  const pages = useMorePages('list_clients', input, first);
  const { rows } = pages;

  if (!rows.length) {
    return filtered ? <Empty title="No client matches.">Try another name.</Empty> : <Empty title="No clients yet."><FormLink tool="create_client">Add the first client</FormLink></Empty>;
  }
  return (
    <>
      <p className="muted small flush-top">
        Streams as of {formatDay(first.as_of)}; budgets in {first.currency}.
        {first.rows.some((row) => figure(row, VENDOR_DELIVERED) !== null) ? " Song plays, 28 days: the clients' songs' own plays on Spotify (every source); delivered by vendors: streams on the vendors' playlists (12 months)." : ''}
      </p>
      <ClientsTable rows={rows} currency={first.currency} />
      <MorePagesFooter pages={pages} />
    </>
  );
}

export function ClientsTable({ rows, currency }: { rows: readonly Row[]; currency: string }) {
  const extra = extraFigureNames(rows as ReadonlyArray<Record<string, unknown>>, SHOWN);
  const completed = (row: Row) => figure(row, 'completed_campaigns');
  const showCompleted = rows.some((row) => completed(row) !== null);
  const showVendorDelivered = rows.some((row) => figure(row, VENDOR_DELIVERED) !== null);
  return (
    <TableScroll label="Clients">
      <table>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col" className="num">Active campaigns</th>
            {showCompleted ? <th scope="col" className="num">Completed</th> : null}
            <th scope="col" className="num">Budget</th>
            <th scope="col" className="num">{showVendorDelivered ? 'Song plays, 28 days' : 'Streams delivered'}</th>
            {showVendorDelivered ? <th scope="col" className="num">Delivered by vendors</th> : null}
            {extra.map((name) => <th key={name} scope="col" className="num">{figureLabel(name)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="cell-title">
                <Link href={`/clients/${encodeURIComponent(row.id)}`}>{row.name}</Link>
                <div className="muted cell-sub">{[row.contact_person, `${formatNumber(row.campaigns)} ${row.campaigns === 1 ? 'campaign' : 'campaigns'}`].filter(Boolean).join(' · ')}</div>
              </th>
              <td className="num">{formatNumber(row.active_campaigns)}</td>
              {showCompleted ? <td className="num">{formatNumber(completed(row))}</td> : null}
              <td className="num">{formatMoney(row.total_budget, currency)}</td>
              <td className="num">{formatNumber(row.streams_delivered)}</td>
              {showVendorDelivered ? <td className="num">{formatNumber(figure(row, VENDOR_DELIVERED))}</td> : null}
              {extra.map((name) => <td key={name} className="num">{formatNumber((row as Record<string, unknown>)[name] as number | null)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
