import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatCompact, formatNumber } from '../../components/format.ts';
import { CHART_GRID, SERIES, axisTick, legendProps, tooltipProps } from '../../components/chart-style.tsx';

type VendorBreakdown = ToolOutput<'get_campaign'>['vendors'];

/** Per vendor: streams delivered next to streams promised by now, and the full goal for scale. */
export function RealVsPromisedChart({ vendors }: { vendors: VendorBreakdown }) {
  return (
    <div className="chart" data-chart="real-vs-promised" role="img" aria-label="Streams delivered, promised to date and goal, per vendor">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={vendors} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis dataKey="vendor_name" tick={axisTick} interval={0} />
          <YAxis tickFormatter={formatCompact} width={52} tick={axisTick} />
          <Tooltip {...tooltipProps} formatter={(value) => formatNumber(Number(value))} />
          <Legend {...legendProps} />
          <Bar dataKey="delivered" name="Delivered" fill={SERIES.primary} isAnimationActive={false} />
          <Bar dataKey="promised_to_date" name="Promised to date" fill={SERIES.warm} isAnimationActive={false} />
          <Bar dataKey="goal" name="Goal" fill={SERIES.grey} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
