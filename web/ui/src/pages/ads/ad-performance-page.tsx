import { useState } from 'react';
import { PALETTE, SERIES } from '../../charts/chart-colours.ts';
import { GroupedBarChart } from '../../charts/grouped-bar-chart.tsx';
import { HorizontalBarChart } from '../../charts/horizontal-bar-chart.tsx';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatCompact, formatDay, formatMoney, formatNumber, formatRatio, formatShare } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { AdsTabs, campaignStatusLabel, platformColour, platformLabel, PlatformTag } from './ads-parts.tsx';

type Performance = ToolOutput<'ad_performance'>;
type Row = Performance['rows'][number];
type Range = '1' | '7' | '30' | '90';
type PlatformFilter = 'all' | 'meta' | 'google' | 'tiktok';

const RANGES: ReadonlyArray<{ value: Range; label: string }> = [
  { value: '1', label: 'Yesterday' }, { value: '7', label: '7 days' }, { value: '30', label: '30 days' }, { value: '90', label: '90 days' },
];
const PLATFORMS: ReadonlyArray<{ value: PlatformFilter; label: string }> = [
  { value: 'all', label: 'All platforms' }, { value: 'meta', label: 'Meta' }, { value: 'google', label: 'Google Ads' }, { value: 'tiktok', label: 'TikTok' },
];

/** Paid media across platforms: spend and results, the cost ratios, spend by day, the video funnel and the campaigns. */
export default function AdPerformancePage() {
  const [range, setRange] = useState<Range>('30');
  const [platform, setPlatform] = useState<PlatformFilter>('all');
  const scope = { days: Number(range), ...(platform === 'all' ? {} : { platforms: [platform] }) };
  const summary = useTool('ad_performance', { ...scope, group_by: 'platform', compare_previous: true });
  const daily = useTool('ad_performance', { ...scope, group_by: 'day', limit: 500 });
  const campaigns = useTool('ad_performance', { ...scope, group_by: 'campaign', limit: 20 });
  return (
    <>
      <PageHeader title="Ads" subtitle="What the ad accounts spent and what it brought, across platforms, from the synced daily figures." />
      <AdsTabs />
      <div className="ad-filters">
        <Segmented label="Period" value={range} onChange={setRange} options={RANGES} />
        <Segmented label="Platform" value={platform} onChange={setPlatform} options={PLATFORMS} />
      </div>
      <Loaded result={summary} label="Loading ad performance">
        {(data) => data.rows.length === 0 ? (
          <Panel title="No figures"><Empty title="No synced ad metrics in this period.">{data.notes.join(' ')}</Empty></Panel>
        ) : (
          <>
            <Totals data={data} />
            <div className="ad-grid">
              <Panel title="Spend over time" description={`${formatDay(data.from, { short: true })} to ${formatDay(data.to, { short: true })}, in ${data.base_currency}, each account's own days.`}>
                <Loaded result={daily} label="Loading spend by day">
                  {(days) => <SpendChart data={days} />}
                </Loaded>
              </Panel>
              <Panel title="Video funnel" description="Video views and how far they were watched.">
                <VideoFunnel video={data.totals.video} />
              </Panel>
            </div>
            <Panel title="By platform">
              <MetricTable rows={data.rows} currency={data.base_currency} kind="platform" />
            </Panel>
            <Panel title="Campaigns by spend">
              <Loaded result={campaigns} label="Loading campaigns">
                {(list) => (
                  <>
                    <MetricTable rows={list.rows} currency={list.base_currency} kind="campaign" />
                    {list.rows_total > list.rows.length ? <p className="muted small">Top {list.rows.length} of {list.rows_total} campaigns; the totals above include all.</p> : null}
                  </>
                )}
              </Loaded>
            </Panel>
            {data.notes.length ? <ul className="ad-notes muted" aria-label="Notes">{data.notes.map((note) => <li key={note}>{note}</li>)}</ul> : null}
          </>
        )}
      </Loaded>
    </>
  );
}

/** A change against the previous period; coloured only where up or down is plainly better (not for spend). */
function Change({ value, lowerIsBetter = false, neutral = false }: { value: number | null | undefined; lowerIsBetter?: boolean; neutral?: boolean }) {
  if (value === null || value === undefined) return null;
  const better = lowerIsBetter ? value < 0 : value > 0;
  const arrow = value > 0 ? '▲' : value < 0 ? '▼' : '';
  return <span className={`ad-change ${value === 0 || neutral ? 'muted' : better ? 'tone-good' : 'tone-bad'}`}>{arrow} {formatShare(Math.abs(value))} vs previous period</span>;
}

const changeOf = (now: number | null, before: number | null | undefined) => (now === null || before === null || before === undefined || before === 0 ? null : (now - before) / before);

function Totals({ data }: { data: Performance }) {
  const totals = data.totals;
  const previous = totals.previous ?? null;
  const currency = data.base_currency;
  return (
    <div className="stats ad-stats">
      <StatCard label="Spend" value={formatMoney(totals.spend, currency)} detail={previous ? <Change value={previous.spend_change} neutral /> : `${totals.accounts} accounts`} />
      <StatCard label="Conversions" value={formatNumber(totals.conversions)} detail={<>{formatMoney(totals.conversion_value, currency)} value{previous ? <><br /><Change value={changeOf(totals.conversions, previous.conversions)} /></> : null}</>} />
      <StatCard label="CPA" value={formatMoney(totals.cpa, currency)} detail={previous ? <Change value={changeOf(totals.cpa, previous.cpa)} lowerIsBetter /> : 'Spend per conversion'} />
      <StatCard label="ROAS" value={formatRatio(totals.roas)} detail={previous ? <Change value={changeOf(totals.roas, previous.roas)} /> : 'Conversion value / spend'} tone={totals.roas !== null && totals.roas < 1 ? 'bad' : undefined} />
      <StatCard label="CPM" value={formatMoney(totals.cpm, currency)} detail={`${formatCompact(totals.impressions)} impressions`} />
      <StatCard label="CPC" value={formatMoney(totals.cpc, currency)} detail={`${formatCompact(totals.clicks)} clicks`} />
      <StatCard label="CTR" value={formatShare(totals.ctr)} detail={previous ? <Change value={changeOf(totals.ctr, previous.ctr)} /> : 'Clicks / impressions'} />
      <StatCard label="Video completion" value={formatShare(totals.video?.completion_rate)} detail={totals.video ? `${formatCompact(totals.video.views)} views` : 'No video reported'} />
    </div>
  );
}

/** Days as bars; past a month (past 10 days on a phone), weeks from Monday, so bars and their dates stay readable. */
function SpendChart({ data }: { data: Performance }) {
  if (data.rows.length === 0) return <Empty title="No spend in this period." />;
  const narrow = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 600px)').matches;
  const weekly = data.rows.length > 31 || (narrow && data.rows.length > 10);
  const buckets = new Map<string, number>();
  for (const row of data.rows) {
    const day = row.day ?? row.key;
    const date = new Date(`${day}T00:00:00Z`);
    const key = weekly ? new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10) : day;
    buckets.set(key, (buckets.get(key) ?? 0) + row.spend);
  }
  const rows = [...buckets].map(([day, spend]) => ({ day, spend }));
  const currency = data.base_currency;
  return (
    <GroupedBarChart name="ad-spend-by-day" label={`Ad spend per ${weekly ? 'week' : 'day'} in ${currency}`} rows={rows}
      category={(row) => (weekly ? `w/c ${formatDay(row.day, { short: true })}` : formatDay(row.day, { short: true }))}
      series={[{ label: weekly ? 'Spend per week' : 'Spend per day', colour: SERIES.primary, value: (row) => row.spend }]}
      formatTick={(value) => formatMoney(value, currency, { compact: true })} formatValue={(value) => formatMoney(value, currency)} />
  );
}

function VideoFunnel({ video }: { video: Performance['totals']['video'] }) {
  if (!video || video.views === 0) return <Empty title="No video views reported in this period." />;
  const steps = [
    { key: 'views', label: 'Views', value: video.views },
    { key: 'p25', label: 'Watched 25%', value: video.p25 },
    { key: 'p50', label: 'Watched 50%', value: video.p50 },
    { key: 'p75', label: 'Watched 75%', value: video.p75 },
    { key: 'p100', label: 'Watched to the end', value: video.p100 },
  ];
  return (
    <>
      <HorizontalBarChart name="ad-video-funnel" label="Video views and how far they were watched" bars={steps.map((step, index) => ({ ...step, colour: PALETTE[index === 0 ? 0 : 3]! }))}
        formatTick={(value) => formatCompact(value)} formatValue={(value) => formatCompact(value)} />
      <p className="small flush"><strong>{formatShare(video.completion_rate)}</strong> <span className="muted">of views watched to the end</span></p>
    </>
  );
}

function MetricTable({ rows, currency, kind }: { rows: readonly Row[]; currency: string; kind: 'platform' | 'campaign' }) {
  return (
    <TableScroll label={kind === 'platform' ? 'Performance by platform' : 'Campaigns by spend'}>
      <table className={kind === 'campaign' ? 'ad-metrics' : undefined}>
        <thead>
          <tr>
            <th scope="col">{kind === 'platform' ? 'Platform' : 'Campaign'}</th>
            <th scope="col" className="num">Spend</th><th scope="col" className="num">Impr.</th><th scope="col" className="num">CPM</th>
            <th scope="col" className="num">Clicks</th><th scope="col" className="num">CTR</th><th scope="col" className="num">CPC</th>
            <th scope="col" className="num">Conv.</th><th scope="col" className="num">CPA</th><th scope="col" className="num">ROAS</th>
            <th scope="col" className="num">Video completion</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="cell-title">
                {kind === 'platform' ? <PlatformTag platform={row.platform} /> : row.campaign_name}
                {kind === 'campaign' ? <div className="muted small cell-sub"><span style={{ color: platformColour(row.platform) }}>{platformLabel(row.platform)}</span> · {row.account_name}{row.campaign_status ? ` · ${campaignStatusLabel(row.campaign_status)}` : ''}</div> : null}
                {row.spend_by_currency.some((entry) => entry.currency !== currency) ? (
                  <div className="muted small cell-sub">{row.spend_by_currency.map((entry) => formatMoney(entry.spend, entry.currency)).join(' + ')}</div>
                ) : null}
              </th>
              <td className="num">{formatMoney(row.spend, currency)}<div className="muted small">{formatShare(row.share_of_spend)}</div></td>
              <td className="num">{formatCompact(row.impressions)}</td>
              <td className="num">{formatMoney(row.cpm, currency)}</td>
              <td className="num">{formatCompact(row.clicks)}</td>
              <td className="num">{formatShare(row.ctr)}</td>
              <td className="num">{formatMoney(row.cpc, currency)}</td>
              <td className="num">{formatNumber(row.conversions)}</td>
              <td className="num">{formatMoney(row.cpa, currency)}</td>
              <td className={`num ${row.roas !== null && row.roas < 1 ? 'tone-bad' : ''}`}>{formatRatio(row.roas)}</td>
              <td className="num">{row.video ? formatShare(row.video.completion_rate) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
