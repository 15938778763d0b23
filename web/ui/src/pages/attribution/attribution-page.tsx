import { useState } from 'react';
import type { ToolInput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { addDays, dayInZone } from '../../components/calendar-days.ts';
import { attributionKeyLabel, MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatDay, formatMoney, formatNumber } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
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
  // Typing a date passes through invalid ones (0002-…): only a settled, valid range is asked for.
  const [settledFrom, settledTo] = useDebounced(`${from}|${to}`, 400).split('|') as [string, string];
  const range = validRange(settledFrom, settledTo);
  const problem = validRange(from, to).problem;

  return (
    <>
      <PageHeader
        title="Attribution"
        subtitle="The same conversions credited by every model: where the models disagree, the channel's value depends on the question you ask."
        actions={<>
          <label className="field">From<input type="date" value={from} max={to || undefined} required aria-invalid={problem?.startsWith('From') || undefined} onChange={(event) => setFrom(event.target.value)} /></label>
          <label className="field">To<input type="date" value={to} min={from || undefined} required aria-invalid={problem?.startsWith('To') || undefined} onChange={(event) => setTo(event.target.value)} /></label>
          <Segmented label="Group by" options={GROUPS} value={groupBy} onChange={setGroupBy} />
        </>}
      />
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      {range.problem ? null : <Comparison groupBy={groupBy} from={range.from} to={range.to} />}
    </>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validRange(from: string, to: string): { from: string; to: string; problem: string | null } {
  const problem = !DAY.test(from) ? 'From: enter a full date.'
    : !DAY.test(to) ? 'To: enter a full date.'
      : from > to ? 'From must be on or before To.'
        : null;
  return { from, to, problem };
}

function Comparison({ groupBy, from, to }: { groupBy: GroupBy; from: string; to: string }) {
  const comparison = useTool('compare_attribution_models', { group_by: groupBy, from, to });
  return <Loaded result={comparison} label="Running every attribution model">{(data) => <ComparisonView comparison={data} />}</Loaded>;
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  if (!comparison.rows.length) return <Empty title="No conversions in this period.">Import touchpoints and conversions, or widen the dates.</Empty>;
  const period = comparison.from || comparison.to ? `${formatDay(comparison.from) } – ${formatDay(comparison.to)}` : 'all time';
  return (
    <>
      <div className="stats">
        <StatCard label="Revenue attributed" value={formatMoney(comparison.total_revenue, comparison.currency)} detail={period} />
        <StatCard label="Conversions" value={formatNumber(comparison.total_conversions)} detail={`${comparison.lookback_days}-day lookback`} />
        <StatCard wide label={`Top ${comparison.group_by} by model`} value={(
          <ul className="top-models">
            {comparison.models.map((model) => <li key={model}>{MODEL_LABELS[model]}: <strong>{attributionKeyLabel(comparison.group_by, comparison.top_key_by_model[model] ?? '—')}</strong></li>)}
          </ul>
        )} />
      </div>
      <Panel title="Model comparison">
        <ModelComparisonChart comparison={comparison} />
        {comparison.disagreements.length ? (
          <>
            <h3 className="spaced-top">Largest disagreements</h3>
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
