import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatCompact, formatNumber } from '../../components/format.ts';

type VendorBreakdown = ToolOutput<'get_campaign'>['vendors'];

/** Per vendor: streams delivered next to streams promised by now, and the full goal for scale. */
export function RealVsPromisedChart({ vendors }: { vendors: VendorBreakdown }) {
  return (
    <div className="chart" data-chart="real-vs-promised" role="img" aria-label="Streams delivered, promised to date and goal, per vendor">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={vendors} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#eceef5" vertical={false} />
          <XAxis dataKey="vendor_name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={formatCompact} width={52} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatNumber(Number(value))} />
          <Legend />
          <Bar dataKey="delivered" name="Delivered" fill="#5b4bdb" isAnimationActive={false} />
          <Bar dataKey="promised_to_date" name="Promised to date" fill="#f2a65a" isAnimationActive={false} />
          <Bar dataKey="goal" name="Goal" fill="#d6d9e6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
