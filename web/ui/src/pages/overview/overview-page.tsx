import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { addDays, dayInZone } from '../../components/calendar-days.ts';
import { MODEL_CHOICES, MODEL_LABELS, type AttributionModel } from '../../components/attribution-models.ts';
import { formatDay, formatMoney, formatNumber, formatRatio, plural } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded, Loading } from '../../components/states.tsx';
import { AlertsList } from './alerts-list.tsx';
import { DigestStats } from './digest-stats.tsx';
import { RoasByChannel } from './roas-by-channel.tsx';
import { useCharts } from './load-charts.ts';
import { TopCampaigns } from './top-campaigns.tsx';


const RANGES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
] as const;
type Range = (typeof RANGES)[number]['value'];

export default function OverviewPage() {
  const me = useMe();
  const [range, setRange] = useState<Range>('90');
  const [model, setModel] = useState<AttributionModel>('linear');
  const to = dayInZone(me.organization.time_zone, -1);
  const from = addDays(to, 1 - Number(range));
  const granularity = range === '180' ? 'week' : 'day';

  const timeline = useTool('performance_timeline', { from, to, granularity });
  const roas = useTool('roas_summary', { from, to, model });
  const digest = useTool('daily_digest', {});
  const alerts = useTool('campaign_alerts', {});

  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={`${me.organization.name} · ${formatDay(from)} – ${formatDay(to)} · ${me.organization.base_currency}`}
        actions={<Segmented label="Period" options={RANGES} value={range} onChange={setRange} />}
      />
      <Loaded result={digest} label="Loading yesterday's figures">{(data) => <DigestStats digest={data} />}</Loaded>
      <Loaded result={timeline} label="Loading spend, streams and revenue">
        {(data) => (
          <>
            <div className="stats">
              <StatCard label={`Spend, ${range} days`} value={formatMoney(data.totals.spend, data.currency)} />
              <StatCard label={`Revenue, ${range} days`} value={formatMoney(data.totals.revenue, data.currency)} detail={plural(data.totals.conversions, 'conversion')} />
              <StatCard label="Revenue ÷ spend" value={formatRatio(data.totals.roas)} tone={data.totals.roas === null ? undefined : data.totals.roas >= 1 ? 'good' : 'bad'} detail="All revenue, before attribution" />
              <StatCard label={`Streams, ${range} days`} value={formatNumber(data.totals.streams)} />
            </div>
            <Panel title="Spend vs streams and revenue" description={`Marketing spend and conversion revenue (${data.currency}) against daily streams, per ${data.granularity}.`}>
              {data.periods.some((period) => period.spend || period.streams || period.revenue)
                ? <SpendStreams timeline={data} />
                : <Empty title="No spend, streams or revenue in this period.">Import spend, streams and conversions to see them here.</Empty>}
            </Panel>
          </>
        )}
      </Loaded>
      <div className="grid grid-2 spaced-top">
        <Panel title="ROAS by channel" description="Attributed revenue ÷ spend for the period; the dashed line is break-even.">
          <label className="field field-narrow">
            Attribution model
            <select value={model} onChange={(event) => setModel(event.target.value as AttributionModel)}>
              {MODEL_CHOICES.map((choice) => <option key={choice} value={choice}>{MODEL_LABELS[choice]}</option>)}
            </select>
          </label>
          <Loaded result={roas} label="Attributing revenue">{(data) => <RoasByChannel summary={data} />}</Loaded>
        </Panel>
        <Panel title="Top campaigns" description="Active playlist campaigns whose vendors delivered the most streams in the last 7 days (on the vendors' playlists, not the songs' own plays).">
          <Loaded result={digest} label="Loading campaigns">{(data) => <TopCampaigns campaigns={data.top_campaigns} />}</Loaded>
        </Panel>
      </div>
      <Panel title="Alerts" description="Placements under-delivering, stale scrapes and songs dropped from playlists.">
        <Loaded result={alerts} label="Checking campaigns">{(data) => <AlertsList alerts={data} />}</Loaded>
      </Panel>
    </>
  );
}

function SpendStreams({ timeline }: { timeline: ToolOutput<'performance_timeline'> }) {
  const charts = useCharts();
  return charts ? <charts.SpendStreamsChart timeline={timeline} /> : <Loading label="Drawing the chart" />;
}
