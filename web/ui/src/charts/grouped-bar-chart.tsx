import { valueAxis } from './axis.ts';
import { CategoryAxisLabels } from './category-axis.tsx';
import { ChartFrame } from './chart-frame.tsx';
import { AXIS_TEXT, BASELINE, GRID } from './chart-colours.ts';
import { angledReach, layoutCategoryLabels } from './labels.ts';
import { ChartLegend } from './legend.tsx';

export interface BarSeries<Row> {
  label: string;
  colour: string;
  value(row: Row): number;
}

const PLOT_HEIGHT = 220;
const TOP = 10;

/**
 * One group of bars per category, one bar per series, the series in the legend's order. The value
 * axis ends at the first nice tick above the tallest bar; category names wrap or angle to fit.
 */
export function GroupedBarChart<Row>({ name, label, rows, category, series, formatTick, formatValue }: {
  name: string;
  label: string;
  rows: readonly Row[];
  category(row: Row): string;
  series: readonly BarSeries<Row>[];
  formatTick(value: number): string;
  formatValue(value: number): string;
}) {
  const axis = valueAxis(Math.max(0, ...rows.flatMap((row) => series.map((one) => one.value(row)))));
  const tickLabelWidth = Math.max(...axis.ticks.map((tick) => formatTick(tick).length)) * 7 + 10;
  return (
    <>
    <ChartFrame name={name} label={label}>
      {(width) => {
        const names = rows.map(category);
        const bandAt = (left: number) => Math.max(width - left - 8, 40) / Math.max(rows.length, 1);
        const labels = layoutCategoryLabels(names, bandAt(tickLabelWidth));
        // An angled name reaches left of its band: the first ones must not run off the chart.
        const left = Math.max(tickLabelWidth, ...(labels.mode === 'angle' ? names.map((text, index) => angledReach(text) - (index + 0.5) * bandAt(tickLabelWidth)) : []));
        const plotWidth = Math.max(width - left - 8, 40);
        const band = bandAt(left);
        const groupWidth = band * 0.78;
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
                          <title>{`${category(row)}, ${one.label}: ${formatValue(value)}`}</title>
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
      }}
    </ChartFrame>
    <ChartLegend items={series.map((one) => ({ label: one.label, colour: one.colour, shape: 'bar' }))} />
    </>
  );
}
