import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { PageHeader, Panel, ProgressBar, StatCard } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { extraFigureNames, figureLabel, VENDOR_DELIVERED } from './extra-figures.ts';

type Client = ToolOutput<'get_client'>;

const SHOWN = new Set(['total_budget', 'streams_delivered', VENDOR_DELIVERED]);
// The campaign's own columns; vendor_streams_7d/28d are the vendors' share of what the page shows as delivered.
const SHOWN_IN_ROWS = new Set(['goal', 'delivered', 'streams_7d', 'streams_28d', 'remaining_streams', 'progress', 'total_budget',
  'vendor_streams_7d', 'vendor_streams_28d', 'dropped_playlists']);

export default function ClientPage({ params }: { params: Record<string, string> }) {
  const client = useTool('get_client', { client_id: params.id! });
  return (
    <>
      <p className="back-link"><Link href="/clients">← All clients</Link></p>
      {client.state === 'error' && client.error.code === 'not_found'
        ? <Empty title="There is no such client.">It may belong to another organisation. <Link href="/clients">See all clients</Link></Empty>
        : <Loaded result={client} label="Loading the client">{(data) => <ClientView data={data} />}</Loaded>}
    </>
  );
}

function ClientView({ data }: { data: Client }) {
  const { client, campaigns_count: counts, currency } = data;
  const contact = [client.contact_person, ...client.emails, client.phone].filter(Boolean).join(' · ');
  const extra = extraFigureNames([data as unknown as Record<string, unknown>], SHOWN);
  return (
    <>
      <PageHeader
        title={client.name}
        subtitle={<>{contact || 'No contact details yet'} · figures as of {formatDay(data.as_of)}</>}
        actions={<>
          <FormLink tool="update_client" values={{ client_id: client.id, back: `/clients/${client.id}` }}>Edit client</FormLink>
          <FormLink tool="archive_client" values={{ client_id: client.id, back: `/clients/${client.id}` }}>Archive</FormLink>
          <FormLink tool="create_campaign" values={{ client_id: client.id }} primary>New campaign</FormLink>
          <AskAboutLink about={client.name}>Ask about this client</AskAboutLink>
        </>}
      />
      <div className="stats">
        <StatCard label="Active campaigns" value={formatNumber(counts.active)} detail={`${formatNumber(counts.paused)} paused · ${formatNumber(counts.completed)} completed`} />
        <StatCard label="Budget" value={formatMoney(data.total_budget, currency)} detail={`over ${counts.total === 1 ? '1 campaign' : `${formatNumber(counts.total)} campaigns`}`} />
        <StatCard label="Song plays, 28 days" value={formatNumber(data.streams_delivered)} detail="the client's songs' own plays, every source" />
        <StatCard label="Delivered by vendors" value={formatNumber(data.vendor_delivered_streams)} detail="streams on the vendors' playlists, 12 months" />
        {extra.map((name) => <StatCard key={name} label={figureLabel(name)} value={formatNumber((data as unknown as Record<string, number>)[name])} />)}
      </div>
      <Panel title={`Campaigns (${formatNumber(counts.total)})`} description={data.more_campaigns ? 'The newest 100; the Campaigns page lists them all.' : undefined}>
        {data.campaigns.length ? <ClientCampaigns campaigns={data.campaigns} /> : <Empty title="No campaigns yet."><FormLink tool="create_campaign" values={{ client_id: client.id }}>Create the first one</FormLink></Empty>}
      </Panel>
    </>
  );
}

function ClientCampaigns({ campaigns }: { campaigns: Client['campaigns'] }) {
  const extra = extraFigureNames(campaigns as unknown as ReadonlyArray<Record<string, unknown>>, SHOWN_IN_ROWS);
  const dropped = (campaign: object) => {
    const count = (campaign as Record<string, unknown>).dropped_playlists;
    return typeof count === 'number' ? count : 0;
  };
  return (
    <TableScroll label="Campaigns of this client">
      <table>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col" className="hide-narrow">Status</th>
            <th scope="col" className="hide-narrow">Started</th>
            <th scope="col" className="num hide-narrow">Budget</th>
            <th scope="col" className="num">Delivered by vendors</th>
            <th scope="col" className="num hide-narrow">Song plays, 28 days</th>
            {extra.map((name) => <th key={name} scope="col" className="num">{figureLabel(name)}</th>)}
            <th scope="col">Progress (delivered by vendors)</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id}>
              <th scope="row" className="cell-title"><Link href={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.name}</Link><div className="muted cell-sub">{campaign.artist_name} <span className={`badge badge-${campaign.status} show-narrow`}>{campaign.status}</span></div></th>
              <td className="hide-narrow"><span className={`badge badge-${campaign.status}`}>{campaign.status}</span></td>
              <td className="hide-narrow nowrap">{formatDay(campaign.start_date)}</td>
              <td className="num hide-narrow">{formatMoney(campaign.total_budget, campaign.currency)}</td>
              <td className="num">
                {formatNumber(campaign.delivered)}
                {dropped(campaign) ? <div className="muted small">{dropped(campaign)} dropped {dropped(campaign) === 1 ? 'playlist' : 'playlists'}</div> : null}
              </td>
              <td className="num hide-narrow">{formatNumber(campaign.streams_28d)}</td>
              {extra.map((name) => <td key={name} className="num">{formatNumber((campaign as unknown as Record<string, number | null>)[name])}</td>)}
              <td className="progress-cell">
                <ProgressBar value={campaign.progress} label={`${campaign.name}: delivered by vendors, progress to goal`} />
                <div className="muted small">{formatShare(campaign.progress)} of {formatNumber(campaign.goal)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
