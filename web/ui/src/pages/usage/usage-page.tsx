import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatNumber } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { FormLink } from '../../forms/form-link.tsx';

type Usage = ToolOutput<'model_usage'>;

/** What the assistant cost, per day and person, against the daily budget (model_usage; admins and managers). */
export default function UsagePage() {
  const [days, setDays] = useState(7);
  const usage = useTool('model_usage', { from: daysAgo(days - 1) });
  return (
    <>
      <PageHeader
        title="Assistant usage"
        subtitle="Language-model tokens and estimated cost of the assistant, per day (organisation time zone) and person."
        actions={<FormLink tool="set_model_budget" values={{ back: '/usage' }} primary>Change daily budget</FormLink>}
      />
      <Loaded result={usage} label="Loading usage">
        {(data) => (
          <>
            <TodayStats data={data} />
            <Panel title="Per day and person">
              <form className="page-actions filters" onSubmit={(event) => event.preventDefault()}>
                <label className="field">Period
                  <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
                    <option value={7}>Last 7 days</option>
                    <option value={30}>Last 30 days</option>
                    <option value={90}>Last 90 days</option>
                  </select>
                </label>
              </form>
              {data.rows.length ? <UsageTable data={data} /> : <Empty title="No assistant use in this period." />}
            </Panel>
          </>
        )}
      </Loaded>
    </>
  );
}

export function TodayStats({ data }: { data: Usage }) {
  const { today } = data;
  const { budget } = today;
  return (
    <div className="stats">
      <StatCard label={`Tokens today (${formatDay(today.day)})`} value={formatNumber(today.tokens)} detail={budget.org_daily_tokens ? `of ${formatNumber(budget.org_daily_tokens)} a day` : 'no daily limit'} tone={over(today.tokens, budget.org_daily_tokens)} />
      <StatCard label="Estimated cost today" value={usd(today.cost_usd)} detail={budget.org_daily_cost_usd ? `of ${usd(budget.org_daily_cost_usd)} a day` : 'no daily limit'} tone={over(today.cost_usd, budget.org_daily_cost_usd)} />
      <StatCard label="Per person, each day" value={budget.person_daily_tokens ? `${formatNumber(budget.person_daily_tokens)} tokens` : 'no token limit'} detail={budget.person_daily_cost_usd ? `and ${usd(budget.person_daily_cost_usd)}` : 'no cost limit'} />
    </div>
  );
}

export function UsageTable({ data }: { data: Usage }) {
  return (
    <TableScroll label="Assistant usage per day and person">
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Person</th>
            <th scope="col" className="num">Model calls</th>
            <th scope="col" className="num">Input tokens</th>
            <th scope="col" className="num">Output tokens</th>
            <th scope="col" className="num">Cost (USD, est.)</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={`${row.day}|${row.user ?? ''}`}>
              <td>{formatDay(row.day)}</td>
              <th scope="row">{row.user ?? 'Automated callers'}</th>
              <td className="num">{formatNumber(row.model_calls)}</td>
              <td className="num">{formatNumber(row.input_tokens)}</td>
              <td className="num">{formatNumber(row.output_tokens)}</td>
              <td className="num">{usd(row.cost_usd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>Total {formatDay(data.from)} – {formatDay(data.to)}</th>
            <td className="num">{formatNumber(data.total.model_calls)}</td>
            <td className="num">{formatNumber(data.total.input_tokens)}</td>
            <td className="num">{formatNumber(data.total.output_tokens)}</td>
            <td className="num">{usd(data.total.cost_usd)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** Model calls cost fractions of a cent: below a dollar, four decimals. */
export function usd(value: number): string {
  return `$${value.toFixed(value >= 1 ? 2 : 4)}`;
}

function over(used: number, limit: number | undefined): 'bad' | undefined {
  return limit !== undefined && used >= limit ? 'bad' : undefined;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
