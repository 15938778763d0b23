import { useState } from 'react';
import type { ToolInput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { addDays, dayInZone, useMe } from '../../auth/organization.tsx';
import { MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatDay, formatMoney, formatNumber } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { ModelComparisonChart } from './model-comparison-chart.tsx';
import { ModelComparisonTable, type Comparison } from './model-comparison-table.tsx';

type GroupBy = NonNullable<ToolInput<'compare_attribution_models'>['group_by']>;
const GROUPS = [
  { value: 'channel', label: 'Channel' },
  { value: 'campaign', label: 'Campaign' },
  { value: 'artist', label: 'Artist' },
] as const;

export default function AttributionPage() {
  const me = useMe();
  const yesterday = dayInZone(me.organization.time_zone, -1);
  const [groupBy, setGroupBy] = useState<GroupBy>('channel');
  const [from, setFrom] = useState(addDays(yesterday, -89));
  const [to, setTo] = useState(yesterday);
  const comparison = useTool('compare_attribution_models', { group_by: groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) });

  return (
    <>
      <PageHeader
        title="Attribution"
        subtitle="The same conversions credited by every model: where the models disagree, the channel's value depends on the question you ask."
        actions={<>
          <label className="field">From<input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} /></label>
          <label className="field">To<input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} /></label>
          <Segmented label="Group by" options={GROUPS} value={groupBy} onChange={setGroupBy} />
        </>}
      />
      <Loaded result={comparison} label="Running every attribution model">{(data) => <ComparisonView comparison={data} />}</Loaded>
    </>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  if (!comparison.rows.length) return <Empty title="No conversions in this period.">Import touchpoints and conversions, or widen the dates.</Empty>;
  const period = comparison.from || comparison.to ? `${formatDay(comparison.from) } – ${formatDay(comparison.to)}` : 'all time';
  return (
    <>
      <div className="stats">
        <div className="stat-card"><div className="stat-label">Revenue attributed</div><div className="stat-value">{formatMoney(comparison.total_revenue, comparison.currency)}</div><div className="stat-detail muted">{period}</div></div>
        <div className="stat-card"><div className="stat-label">Conversions</div><div className="stat-value">{formatNumber(comparison.total_conversions)}</div><div className="stat-detail muted">{comparison.lookback_days}-day lookback</div></div>
        <div className="stat-card stat-wide">
          <div className="stat-label">Top {comparison.group_by} by model</div>
          <ul className="top-models">
            {comparison.models.map((model) => <li key={model}>{MODEL_LABELS[model]}: <strong>{comparison.top_key_by_model[model] ?? '—'}</strong></li>)}
          </ul>
        </div>
      </div>
      <Panel title="Model comparison">
        <ModelComparisonChart comparison={comparison} />
        {comparison.disagreements.length ? (
          <>
            <h3 style={{ marginTop: '1rem' }}>Largest disagreements</h3>
            <ul>{comparison.disagreements.map((sentence) => <li key={sentence}>{sentence}</li>)}</ul>
          </>
        ) : null}
      </Panel>
      <Panel title="Credit per model" className="panel-spaced">
        <ModelComparisonTable comparison={comparison} />
        {comparison.rows_not_shown ? <p className="muted">{comparison.rows_not_shown} smaller rows not shown.</p> : null}
      </Panel>
    </>
  );
}
