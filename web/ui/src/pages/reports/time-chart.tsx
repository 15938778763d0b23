import { labelEvery, valueAxis } from '../../charts/axis.ts';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import { AXIS_TEXT, BASELINE, GRID } from '../../charts/chart-colours.ts';
import { textWidth } from '../../charts/labels.ts';
import { ChartLegend } from '../../charts/legend.tsx';

export interface TimeSeries {
  label: string;
  colour: string;
  values: readonly number[];
}

const TOP = 10;
const PLOT_HEIGHT = 220;
const LABELS_HEIGHT = 22;

/**
 * Series over periods as lines or shaded areas on one value axis that ends at the first nice tick
 * above the data. Period labels are thinned so they never touch, however narrow the screen.
 */
export function TimeChart({ name, label, kind, periods, series, formatTick, formatValue }: {
  name: string;
  label: string;
  kind: 'line' | 'area';
  periods: readonly string[];
  series: readonly TimeSeries[];
  formatTick(value: number): string;
  formatValue(value: number): string;
}) {
  const axis = valueAxis(Math.max(0, ...series.flatMap((one) => one.values)));
  const left = Math.max(...axis.ticks.map((tick) => textWidth(formatTick(tick)))) + 12;
  return (
    <>
      <ChartFrame name={name} label={label}>
        {(width) => {
          const right = Math.min(textWidth(periods.at(-1) ?? '') / 2, 40);
          const plotWidth = Math.max(width - left - right, 40);
          const step = periods.length > 1 ? plotWidth / (periods.length - 1) : 0;
          const x = (index: number) => (periods.length > 1 ? left + index * step : left + plotWidth / 2);
          const y = (value: number) => TOP + PLOT_HEIGHT - (Math.max(value, 0) / axis.max) * PLOT_HEIGHT;
          const baseline = TOP + PLOT_HEIGHT;
          const every = labelEvery(step || plotWidth, Math.max(...periods.map((period) => textWidth(period))) + 4);
          return (
            <svg width={width} height={baseline + LABELS_HEIGHT} className="chart-svg">
              <g fontSize="12" fill={AXIS_TEXT}>
                {axis.ticks.map((tick) => (
                  <g key={tick}>
                    <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={tick ? GRID : BASELINE} />
                    <text x={left - 6} y={y(tick)} dy="0.32em" textAnchor="end">{formatTick(tick)}</text>
                  </g>
                ))}
              </g>
              <g className="chart-axis-labels" fontSize="12" fill={AXIS_TEXT}>
                {periods.map((period, index) => (index % every === 0 ? (
                  <text key={period} x={x(index)} y={baseline + 16} textAnchor={index === 0 && periods.length > 1 ? 'start' : 'middle'}>{period}</text>
                ) : null))}
              </g>
              {series.map((one) => {
                const line = one.values.map((value, index) => `${index ? 'L' : 'M'}${x(index)},${y(value)}`).join('');
                return (
                  <g key={one.label} data-series={one.label}>
                    {kind === 'area' ? <path d={`${line}L${x(one.values.length - 1)},${baseline}L${x(0)},${baseline}Z`} fill={one.colour} fillOpacity={series.length > 1 ? 0.12 : 0.22} stroke="none" /> : null}
                    <path d={line} fill="none" stroke={one.colour} strokeWidth="2" />
                    {periods.length <= 40 ? one.values.map((value, index) => <circle key={index} cx={x(index)} cy={y(value)} r="2.5" fill={one.colour} />) : null}
                  </g>
                );
              })}
              {periods.map((period, index) => (
                <rect key={`hover-${period}`} x={x(index) - (step || plotWidth) / 2} y={TOP} width={step || plotWidth} height={PLOT_HEIGHT} fill="transparent">
                  <title>{`${period}\n${series.map((one) => `${one.label}: ${formatValue(one.values[index] ?? 0)}`).join('\n')}`}</title>
                </rect>
              ))}
            </svg>
          );
        }}
      </ChartFrame>
      {series.length > 1 || series[0]?.label ? <ChartLegend items={series.map((one) => ({ label: one.label, colour: one.colour, shape: kind }))} /> : null}
    </>
  );
}
