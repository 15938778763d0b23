import { valueAxis, type ValueAxis } from './axis.ts';
import { CategoryAxisLabels } from './category-axis.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { AXIS_TEXT, BASELINE, GRID } from './chart-colours.ts';
import { angledReach, layoutCategoryLabels, LINE_HEIGHT_PX, textWidth, wrapWords } from './labels.ts';
import { ChartLegend } from './legend.tsx';
import { RowNames, ValueGridColumns } from './sideways-axes.tsx';

export interface BarSeries<Row> {
  label: string;
  colour: string;
  value(row: Row): number;
}

interface ChartProps<Row> {
  name: string;
  label: string;
  rows: readonly Row[];
  category(row: Row): string;
  series: readonly BarSeries<Row>[];
  formatTick(value: number): string;
  formatValue(value: number): string;
}

const PLOT_HEIGHT = 220;
const TOP = 10;
/** Thinner than this, a bar stops being readable: the chart turns its bars sideways instead. */
const MIN_BAR_PX = 6;
const GROUP_SHARE = 0.78;

/**
 * One group of bars per category, one bar per series, the series in the legend's order. The value
 * axis ends at the first nice tick above the tallest bar. Category names wrap or angle to fit; when
 * there are too many bars for the width (a phone), the groups are stacked as rows of sideways bars
 * with the names on the left.
 */
export function GroupedBarChart<Row>(props: ChartProps<Row>) {
  const { name, label, rows, series } = props;
  const axis = valueAxis(Math.max(0, ...rows.flatMap((row) => series.map((one) => one.value(row)))));
  const tickLabelWidth = Math.max(...axis.ticks.map((tick) => textWidth(props.formatTick(tick)))) + 10;
  return (
    <>
      <ChartFrame name={name} label={label}>
        {(width) => {
          const band = Math.max(width - tickLabelWidth - 8, 40) / Math.max(rows.length, 1);
          return (band * GROUP_SHARE) / series.length >= MIN_BAR_PX
            ? <Columns {...props} axis={axis} width={width} tickLabelWidth={tickLabelWidth} />
            : <Rows {...props} width={width} />;
        }}
      </ChartFrame>
      <ChartLegend items={series.map((one) => ({ label: one.label, colour: one.colour, shape: 'bar' }))} />
    </>
  );
}

function Columns<Row>({ rows, category, series, formatTick, formatValue, axis, width, tickLabelWidth }: ChartProps<Row> & { axis: ValueAxis; width: number; tickLabelWidth: number }) {
  const names = rows.map(category);
  const bandAt = (left: number) => Math.max(width - left - 8, 40) / Math.max(rows.length, 1);
  const labels = layoutCategoryLabels(names, bandAt(tickLabelWidth));
  // An angled name reaches left of its band: the first ones must not run off the chart.
  const left = Math.max(tickLabelWidth, ...(labels.mode === 'angle' ? names.map((text, index) => angledReach(text) - (index + 0.5) * bandAt(tickLabelWidth)) : []));
  const plotWidth = Math.max(width - left - 8, 40);
  const band = bandAt(left);
  const groupWidth = band * GROUP_SHARE;
  const barWidth = groupWidth / series.length;
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / axis.max) * PLOT_HEIGHT;
  const baseline = TOP + PLOT_HEIGHT;
  return (
    <svg width={width} height={baseline + labels.height} className="chart-svg">
      <g fontSize="12" fill={AXIS_TEXT}>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={tick ? GRID : BASELINE} />
            <text x={left - 6} y={y(tick)} dy="0.32em" textAnchor="end">{formatTick(tick)}</text>
          </g>
        ))}
      </g>
      {rows.map((row, index) => {
        const groupLeft = left + index * band + (band - groupWidth) / 2;
        return (
          <g key={index}>
            {series.map((one, position) => {
              const value = one.value(row);
              return (
                <rect key={one.label} className="chart-bar" data-series={one.label} x={groupLeft + position * barWidth + 0.5} y={y(value)}
                  width={Math.max(barWidth - 1, 1)} height={baseline - y(value)} fill={one.colour}>
                  <title>{`${names[index]}, ${one.label}: ${formatValue(value)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
      <g fontSize="12">
        <CategoryAxisLabels layout={labels} centres={rows.map((_, index) => left + (index + 0.5) * band)} y={baseline} />
      </g>
    </svg>
  );
}

function Rows<Row>({ rows, category, series, formatTick, formatValue, width }: ChartProps<Row> & { width: number }) {
  const left = Math.min(Math.max(...rows.map((row) => textWidth(category(row))), 40) + 12, width * 0.38);
  const names = rows.map((row) => wrapWords(category(row), left - 12));
  const barHeight = series.length > 4 ? MIN_BAR_PX : 10;
  const rowHeight = names.map((lines) => Math.max(series.length * barHeight, lines.length * LINE_HEIGHT_PX) + 14);
  const rowTop = rowHeight.map((_, index) => rowHeight.slice(0, index).reduce((sum, height) => sum + height, 0));
  const axisY = rowTop.at(-1)! + rowHeight.at(-1)!;
  // As many ticks as fit side by side under a narrow plot, the last one centred under the plot's end.
  const dataMax = Math.max(0, ...rows.flatMap((row) => series.map((one) => one.value(row))));
  const widest = Math.max(...valueAxis(dataMax).ticks.map((tick) => textWidth(formatTick(tick)))) + 12;
  const plotWidth = Math.max(width - left - widest / 2, 40);
  const axis = valueAxis(dataMax, { intervals: Math.max(1, Math.min(4, Math.floor(plotWidth / widest))) });
  const x = (value: number) => left + (value / axis.max) * plotWidth;
  return (
    <svg width={width} height={axisY + 22} className="chart-svg">
      <ValueGridColumns className="chart-axis-labels" ticks={axis.ticks} x={x} bottom={axisY} formatTick={formatTick} />
      <RowNames rows={names.map((lines, index) => ({ key: index, lines, centre: rowTop[index]! + rowHeight[index]! / 2 }))} right={left - 8} />
      {rows.map((row, index) => {
        const first = rowTop[index]! + (rowHeight[index]! - series.length * barHeight) / 2;
        return (
          <g key={index}>
            {series.map((one, position) => {
              const value = one.value(row);
              return (
                <rect key={one.label} className="chart-bar" data-series={one.label} x={left} y={first + position * barHeight}
                  width={Math.max(x(value) - left, 1)} height={barHeight - 1} fill={one.colour}>
                  <title>{`${category(row)}, ${one.label}: ${formatValue(value)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
