import { memo } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatCompact, formatDay, formatMoney, formatNumber } from '../../components/format.ts';

type Timeline = ToolOutput<'performance_timeline'>;

/** Money on the left axis, streams on the right: the two differ by three orders of magnitude. */
export const SpendStreamsChart = memo(function SpendStreamsChart({ timeline }: { timeline: Timeline }) {
  const { currency } = timeline;
  return (
    <div className="chart" data-chart="spend-streams" role="img"
      aria-label={`Spend, revenue and streams per ${timeline.granularity} from ${formatDay(timeline.from)} to ${formatDay(timeline.to)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={timeline.periods} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#eceef5" vertical={false} />
          <XAxis dataKey="start" tickFormatter={(day: string) => formatDay(day, { short: true })} minTickGap={24} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="money" tickFormatter={(value: number) => formatMoney(value, currency, { compact: true })} width={64} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="streams" orientation="right" tickFormatter={formatCompact} width={52} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(day) => formatDay(String(day))}
            formatter={(value, name) => (name === 'Streams' ? formatNumber(Number(value)) : formatMoney(Number(value), currency))}
          />
          <Legend />
          <Area yAxisId="streams" dataKey="streams" name="Streams" type="monotone" fill="#d9d4fb" stroke="#8b7ff0" isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="spend" name="Spend" fill="#f2a65a" isAnimationActive={false} />
          <Line yAxisId="money" dataKey="revenue" name="Revenue" type="monotone" stroke="#137a4b" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
