import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRatio } from '../../components/format.ts';
import { CHART_GRID, SERIES, axisTick, tooltipProps } from '../../components/chart-style.tsx';

export interface ChannelRoas {
  key: string;
  /** The channel as people read it. */
  label: string;
  roas: number;
}

/** ROAS per channel with break-even (1×) marked: bars left of it lose money on this model's credit. */
export function RoasByChannelChart({ rows, model }: { rows: readonly ChannelRoas[]; model: string }) {
  return (
    <div className="chart chart-small" data-chart="roas-by-channel" role="img" aria-label={`ROAS by channel, ${model} attribution`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={CHART_GRID} horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatRatio(value)} tick={axisTick} />
          <YAxis type="category" dataKey="label" width={110} tick={axisTick} />
          <Tooltip {...tooltipProps} formatter={(value) => formatRatio(Number(value))} />
          <ReferenceLine x={1} stroke="#5d647a" strokeDasharray="4 3" />
          <Bar dataKey="roas" name="ROAS" isAnimationActive={false}>
            {rows.map((row) => <Cell key={row.key} fill={row.roas >= 1 ? SERIES.good : SERIES.bad} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
