import { SERIES } from '../../charts/chart-colours.ts';
import { HorizontalBarChart } from '../../charts/horizontal-bar-chart.tsx';
import { formatRatio } from '../../components/format.ts';

export interface ChannelRoas {
  key: string;
  /** The channel as people read it. */
  label: string;
  roas: number;
}

/** Whole ratios on the axis (1×, 2×), two decimals where the exact figure is written. */
const ratioTick = (value: number) => `${value}×`;

/** ROAS per channel with break-even (1×) dashed: bars short of it lose money on this model's credit. */
export function RoasByChannelChart({ rows, model }: { rows: readonly ChannelRoas[]; model: string }) {
  return (
    <HorizontalBarChart name="roas-by-channel" label={`ROAS by channel, ${model} attribution`}
      bars={rows.map((row) => ({ key: row.key, label: row.label, value: row.roas, colour: row.roas >= 1 ? SERIES.good : SERIES.bad }))}
      reference={1} formatTick={ratioTick} formatValue={(value) => formatRatio(value)} />
  );
}
