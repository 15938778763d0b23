import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { attributionKeyLabel, MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatMoney } from '../../components/format.ts';
import type { Comparison } from './model-comparison-table.tsx';
import { CHART_GRID, SERIES, axisTick, legendProps, tooltipProps } from '../../components/chart-style.tsx';

const COLOURS = [SERIES.primary, SERIES.warm, SERIES.good, SERIES.blue, SERIES.bad, SERIES.brown, SERIES.grey];
const CHARTED_KEYS = 8;

/** One group of bars per key, one bar per model: where the models disagree, the bars differ in height. */
export function ModelComparisonChart({ comparison }: { comparison: Comparison }) {
  const data = comparison.rows.slice(0, CHARTED_KEYS).map((row) => ({ ...row.revenue, key: attributionKeyLabel(comparison.group_by, row.key) }));
  return (
    <div className="chart chart-tall" data-chart="model-comparison" role="img"
      aria-label={`Revenue credited per ${comparison.group_by} by each attribution model`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_GRID} vertical={false} />
          <XAxis dataKey="key" tick={axisTick} interval={0} />
          <YAxis tickFormatter={(value: number) => formatMoney(value, comparison.currency, { compact: true })} width={64} tick={axisTick} />
          <Tooltip {...tooltipProps} formatter={(value) => formatMoney(Number(value), comparison.currency)} />
          <Legend {...legendProps} />
          {comparison.models.map((model, index) => (
            <Bar key={model} dataKey={model} name={MODEL_LABELS[model]} fill={COLOURS[index % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
