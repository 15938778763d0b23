import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatMoney } from '../../components/format.ts';
import type { Comparison } from './model-comparison-table.tsx';

const COLOURS = ['#5b4bdb', '#f2a65a', '#137a4b', '#2f80c2', '#c2372f', '#8a5a00', '#7a7f95'];
const CHARTED_KEYS = 8;

/** One group of bars per key, one bar per model: where the models disagree, the bars differ in height. */
export function ModelComparisonChart({ comparison }: { comparison: Comparison }) {
  const data = comparison.rows.slice(0, CHARTED_KEYS).map((row) => ({ key: row.key, ...row.revenue }));
  return (
    <div className="chart" style={{ height: 340 }} data-chart="model-comparison" role="img"
      aria-label={`Revenue credited per ${comparison.group_by} by each attribution model`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#eceef5" vertical={false} />
          <XAxis dataKey="key" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={(value: number) => formatMoney(value, comparison.currency, { compact: true })} width={64} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatMoney(Number(value), comparison.currency)} />
          <Legend />
          {comparison.models.map((model, index) => (
            <Bar key={model} dataKey={model} name={MODEL_LABELS[model]} fill={COLOURS[index % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
