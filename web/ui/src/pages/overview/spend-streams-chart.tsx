import { memo } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatCompact, formatDay, formatMoney, formatNumber } from '../../components/format.ts';
import { CHART_GRID, SERIES, axisTick, legendProps, tooltipProps } from '../../components/chart-style.tsx';

type Timeline = ToolOutput<'performance_timeline'>;

/** Money on the left axis, streams on the right: the two differ by three orders of magnitude. */
export const SpendStreamsChart = memo(function SpendStreamsChart({ timeline }: { timeline: Timeline }) {
  const { currency } = timeline;
  return (
    <div className="chart" data-chart="spend-streams" role="img"
      aria-label={`Spend, revenue and streams per ${timeline.granularity} from ${formatDay(timeline.from)} to ${formatDay(timeline.to)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={timeline.periods} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis dataKey="start" tickFormatter={(day: string) => formatDay(day, { short: true })} minTickGap={24} tick={axisTick} />
          <YAxis yAxisId="money" tickFormatter={(value: number) => formatMoney(value, currency, { compact: true })} width={64} tick={axisTick} />
          <YAxis yAxisId="streams" orientation="right" tickFormatter={formatCompact} width={52} tick={axisTick} />
          <Tooltip {...tooltipProps}
            labelFormatter={(day) => formatDay(String(day))}
            formatter={(value, name) => (name === 'Streams' ? formatNumber(Number(value)) : formatMoney(Number(value), currency))}
          />
          <Legend {...legendProps} />
          <Area yAxisId="streams" dataKey="streams" name="Streams" type="monotone" fill="#e4e0fc" stroke={SERIES.soft} isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="spend" name="Spend" fill={SERIES.warm} isAnimationActive={false} />
          <Line yAxisId="money" dataKey="revenue" name="Revenue" type="monotone" stroke={SERIES.good} strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
