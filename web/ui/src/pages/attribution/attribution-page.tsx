import { useRef, useState } from 'react';
import type { ToolInput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { addDays, dayInZone } from '../../components/calendar-days.ts';
import { MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatDay, formatMoney, formatNumber, plural } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { ModelComparisonChart } from './model-comparison-chart.tsx';
import { GROUP_LABELS, KeyName, ModelComparisonTable, type Comparison } from './model-comparison-table.tsx';

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
      {range.problem ? null : <ComparisonLoader key={`${groupBy}|${range.from}|${range.to}`} groupBy={groupBy} from={range.from} to={range.to} />}
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

/** The tool's own default and most rows; a new grouping or period starts again from the default. */
const FIRST_ROWS = 30;
const MOST_ROWS = 200;

function ComparisonLoader({ groupBy, from, to }: { groupBy: GroupBy; from: string; to: string }) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const comparison = useTool('compare_attribution_models', { group_by: groupBy, from, to, limit });
  // While more rows load, the rows already shown stay (no spinner in place of the page).
  const shown = useRef<Comparison | null>(null);
  if (comparison.state === 'ready') shown.current = comparison.data;
  const showMore = (data: Comparison) => setLimit(Math.min(MOST_ROWS, data.rows.length + data.rows_not_shown));
  if (comparison.state === 'loading' && shown.current) return <ComparisonView comparison={shown.current} onShowMore={null} />;
  return <Loaded result={comparison} label="Running every attribution model">{(data) => <ComparisonView comparison={data} onShowMore={() => showMore(data)} />}</Loaded>;
}

/** Each model's top key; when every model agrees, said once. */
function TopByModel({ comparison }: { comparison: Comparison }) {
  const tops = comparison.models.map((model) => ({ model, top: comparison.top_named_by_model[model] ?? null }));
  const first = tops[0]?.top;
  if (first && tops.every(({ top }) => top?.key === first.key)) {
    return <ul className="top-models"><li>Every model: <strong><KeyName named={first} /></strong></li></ul>;
  }
  return (
    <ul className="top-models">
      {tops.map(({ model, top }) => <li key={model}>{MODEL_LABELS[model]}: <strong>{top ? <KeyName named={top} /> : '—'}</strong></li>)}
    </ul>
  );
}

function showMoreLabel(more: number, hidden: number): string {
  if (more < hidden) return `Show ${formatNumber(more)} more`;
  return more === 1 ? 'Show it' : `Show all ${formatNumber(more)}`;
}

export function ComparisonView({ comparison, onShowMore }: { comparison: Comparison; onShowMore: (() => void) | null }) {
  if (!comparison.rows.length) return <Empty title="No conversions in this period.">Import touchpoints and conversions, or widen the dates.</Empty>;
  const period = comparison.from || comparison.to ? `${formatDay(comparison.from)} – ${formatDay(comparison.to)}` : 'all time';
  const noun = (GROUP_LABELS[comparison.group_by] ?? comparison.group_by).toLowerCase();
  const more = Math.min(comparison.rows_not_shown, MOST_ROWS - comparison.rows.length);
  return (
    <>
      <div className="stats">
        <StatCard label="Revenue attributed" value={formatMoney(comparison.total_revenue, comparison.currency)} detail={period} />
        <StatCard label="Conversions" value={formatNumber(comparison.total_conversions)} detail={`${comparison.lookback_days}-day lookback`} />
        <StatCard wide label={`Top ${noun} by model`} value={<TopByModel comparison={comparison} />}
          detail={comparison.group_by === 'channel' ? 'Direct (no marketing contact) left out' : `Direct and conversions with no ${noun} left out`} />
      </div>
      <Panel title="Model comparison">
        {/* The chart names bars by key: it gets the rows under the names people read. */}
        <ModelComparisonChart comparison={{ ...comparison, rows: comparison.rows.map((row) => ({ ...row, key: row.label })) }} />
        {comparison.disagreements.length ? (
          <>
            <h3 className="spaced-top">Largest disagreements</h3>
            <ul>{comparison.disagreements.map((sentence) => <li key={sentence}>{sentence}</li>)}</ul>
          </>
        ) : null}
      </Panel>
      <Panel title="Credit per model" className="panel-spaced"
        description={`Revenue credited to each ${noun} by each model, in ${comparison.currency}; the largest credit in bold. Spread = largest − smallest credit.`}>
        <ModelComparisonTable comparison={comparison} />
        {comparison.rows_not_shown ? (
          <p className="muted">
            {plural(comparison.rows_not_shown, `smaller ${noun}`)} not shown.{' '}
            {more > 0 ? (
              <button type="button" className="button" disabled={!onShowMore} onClick={onShowMore ?? undefined}>
                {onShowMore ? showMoreLabel(more, comparison.rows_not_shown) : 'Loading…'}
              </button>
            ) : null}
          </p>
        ) : null}
      </Panel>
    </>
  );
}
