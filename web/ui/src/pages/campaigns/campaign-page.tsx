import { useEffect } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatInstant, formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { PageHeader, Panel, ProgressBar, StatCard } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { CampaignEditLinks } from '../../forms/record-actions.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { RealVsPromisedChart } from './real-vs-promised-chart.tsx';
import { SongPlaylistsTable } from './song-playlists-table.tsx';
import { VendorBreakdownTable } from './vendor-breakdown-table.tsx';
import { AllocationOutcomePanel } from './allocation-outcome-panel.tsx';
import { deliveryTone } from '../../components/delivery-tone.ts';
import { ExternalLink } from '../../components/external-link.tsx';
import { songAnchor } from './song-anchor.ts';
import './campaign.css';

export default function CampaignPage({ params }: { params: Record<string, string> }) {
  const campaign = useTool('get_campaign', { campaign_id: params.id!, playlists_per_song: 50 });
  return (
    <>
      <p className="back-link"><Link href="/campaigns">← All campaigns</Link></p>
      {campaign.state === 'error' && campaign.error.code === 'not_found'
        ? <Empty title="There is no such campaign.">It may have been deleted, or the link belongs to another organisation. <Link href="/campaigns">See all campaigns</Link></Empty>
        : <Loaded result={campaign} label="Loading the campaign">{(data) => <CampaignView data={data} />}</Loaded>}
    </>
  );
}

type Song = ToolOutput<'get_campaign'>['songs'][number];

/** The song's own plays and saves (every source) beside what its vendors' playlists delivered, so the two are never confused. */
export function SongFigures({ song }: { song: Song }) {
  if (song.plays_28d === null) return null;
  return (
    <dl className="song-figures" aria-label={`${song.song_name ?? 'Song'}: plays and delivery`}>
      <div><dt>Song plays, 7 days</dt><dd>{formatNumber(song.plays_7d)}</dd></div>
      <div><dt>Song plays, 28 days</dt><dd>{formatNumber(song.plays_28d)}</dd></div>
      <div><dt>Song plays, 12 months</dt><dd>{formatNumber(song.plays_12m)}</dd></div>
      <div><dt>Saves</dt><dd>{formatNumber(song.saves)}</dd></div>
      <div><dt>Playlist adds</dt><dd>{formatNumber(song.playlist_adds)}</dd></div>
      <div><dt>Delivered by vendors, 28 days</dt><dd>{formatNumber(song.vendor_streams_28d)}</dd></div>
    </dl>
  );
}

function CampaignView({ data }: { data: ToolOutput<'get_campaign'> }) {
  const { campaign, overview, real_vs_promised: real, currency } = data;
  // A link to one song (from an alert) opens the page at that song once it is drawn.
  useEffect(() => {
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    target?.scrollIntoView?.({ block: 'start' });
  }, [data]);
  return (
    <>
      <PageHeader
        title={campaign.name}
        actions={<><CampaignEditLinks campaignId={campaign.id} /><AskAboutLink about={campaign.name}>Ask about this campaign</AskAboutLink></>}
        subtitle={<>
          {campaign.artist_name}{campaign.client.name === campaign.artist_name ? '' : ` · ${campaign.client.name}`} · <span className={`badge badge-${campaign.status}`}>{campaign.status}</span> ·
          {' '}{formatDay(campaign.start_date)}{campaign.end_date ? ` – ${formatDay(campaign.end_date)}` : ''}
          {campaign.salesperson ? ` · ${campaign.salesperson}` : ''} · figures as of {formatDay(data.as_of)}
        </>}
      />
      <div className="stats">
        <StatCard label="Delivered by vendors" value={formatNumber(overview.delivered)} detail={`streams on the vendors' playlists, of ${formatNumber(overview.goal)} goal (${formatShare(overview.progress)})`} />
        <StatCard label="Real vs promised" value={formatShare(real.delivery_rate)} tone={deliveryTone(real.delivery_rate)}
          detail={`${formatNumber(real.delivered)} delivered / ${formatNumber(real.promised_to_date)} promised by now`} />
        <StatCard label="Real cost / 1k streams" value={formatMoney(real.real_cost_per_1k, currency)} detail={`promised ${formatMoney(real.promised_cost_per_1k, currency)}`} />
        <StatCard label="Spent" value={formatMoney(overview.spent, currency)} detail={overview.budget === null ? 'no budget set' : `${formatMoney(overview.budget_left, currency)} of ${formatMoney(overview.budget, currency)} left`} />
        <StatCard label="Song plays, 28 days" value={formatNumber(overview.streams_28d)}
          detail={`the songs' own plays, every source; ${formatNumber(overview.streams_7d)} in 7 days · delivered by vendors ${formatNumber(overview.vendor_streams_28d)} in 28 days`} />
      </div>
      {data.vendors.length ? (
        <div className="grid">
          <Panel title="Real vs promised, per vendor" description="Streams delivered on each vendor's playlists against what they promised by now and their full goal.">
            <RealVsPromisedChart vendors={data.vendors} />
          </Panel>
          <Panel title="Vendor breakdown">
            <VendorBreakdownTable vendors={data.vendors} currency={currency} />
          </Panel>
        </div>
      ) : null}
      <AllocationOutcomePanel campaignId={campaign.id} asOf={data.as_of} />
      <Panel title={`Songs (${formatNumber(data.songs.length)})`} className="panel-spaced">
        {data.songs.length ? (
          <ul className="plain-list">
            {data.songs.map((song) => (
              <li key={song.spotify_track_id} id={songAnchor(song.spotify_track_id)} className="song-section">
                <div className="row-between wrap">
                  <h3><ExternalLink href={song.track_url}>{song.song_name ?? song.spotify_track_id}</ExternalLink>{song.genre ? <span className="muted"> · {song.genre}</span> : null}</h3>
                  <span className="muted small">scraped {formatInstant(song.scraped_at)}</span>
                </div>
                <div className="row-between meter-row song-meter">
                  <ProgressBar value={song.progress} label={`${song.song_name ?? 'Song'}: delivered by vendors, progress to goal`} />
                  <span className="muted small nowrap">{formatNumber(song.delivered)} of {formatNumber(song.goal)} by vendors</span>
                </div>
                <p className="muted small placement-line">
                  {song.placements.map((placement) => `${placement.vendor_name}: ${formatNumber(placement.delivered)} of ${formatNumber(placement.promised_to_date)} promised (${formatShare(placement.delivery_rate)}), ${formatMoney(placement.price, currency)}`).join(' · ')}
                </p>
                <SongFigures song={song} />
                <SongPlaylistsTable song={song} />
              </li>
            ))}
          </ul>
        ) : <Empty title="No songs placed yet.">Ask Crescendo in chat to plan the budget across vendors, then approve the placements it proposes.</Empty>}
      </Panel>
    </>
  );
}
