import type { ToolOutput } from '../../api/tool-types.ts';
import { SERIES } from '../../charts/chart-colours.ts';
import { GroupedBarChart, type BarSeries } from '../../charts/grouped-bar-chart.tsx';
import { formatCompact, formatNumber } from '../../components/format.ts';

type Vendor = ToolOutput<'get_campaign'>['vendors'][number];

const SERIES_DRAWN: BarSeries<Vendor>[] = [
  { label: 'Delivered', colour: SERIES.primary, value: (vendor) => vendor.delivered },
  { label: 'Promised to date', colour: SERIES.warm, value: (vendor) => vendor.promised_to_date },
  { label: 'Goal', colour: SERIES.grey, value: (vendor) => vendor.goal },
];

/** Per vendor: streams delivered next to streams promised by now, and the full goal for scale. */
export function RealVsPromisedChart({ vendors }: { vendors: readonly Vendor[] }) {
  return (
    <GroupedBarChart name="real-vs-promised" label="Streams delivered, promised to date and goal, per vendor"
      rows={vendors} category={(vendor) => vendor.vendor_name} series={SERIES_DRAWN}
      formatTick={(value) => formatCompact(value)} formatValue={(value) => formatNumber(value)} />
  );
}
