import { PALETTE } from '../../charts/chart-colours.ts';
import { GroupedBarChart } from '../../charts/grouped-bar-chart.tsx';
import { attributionKeyLabel, MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatMoney } from '../../components/format.ts';
import type { Comparison } from './model-comparison-table.tsx';

const CHARTED_KEYS = 8;

type Row = Comparison['rows'][number];

/** One group of bars per key, one bar per model: where the models disagree, the bars differ in height. */
export function ModelComparisonChart({ comparison }: { comparison: Comparison }) {
  const series = comparison.models.map((model, index) => ({
    label: MODEL_LABELS[model], colour: PALETTE[index % PALETTE.length]!, value: (row: Row) => row.revenue[model] ?? 0,
  }));
  return (
    <GroupedBarChart name="model-comparison" label={`Revenue credited per ${comparison.group_by} by each attribution model`}
      rows={comparison.rows.slice(0, CHARTED_KEYS)} category={(row) => attributionKeyLabel(comparison.group_by, row.key)} series={series}
      formatTick={(value) => formatMoney(value, comparison.currency, { compact: true })} formatValue={(value) => formatMoney(value, comparison.currency)} />
  );
}
