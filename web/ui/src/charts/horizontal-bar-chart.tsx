import { valueAxis } from './axis.ts';
import { ChartFrame } from './chart-frame.tsx';
import { AXIS_TEXT } from './chart-colours.ts';
import { textWidth, wrapWords } from './labels.ts';
import { RowNames, ValueGridColumns } from './sideways-axes.tsx';

export interface HorizontalBar {
  key: string;
  label: string;
  value: number;
  colour: string;
}

const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 22;
const VALUE_ROOM = 52;

/**
 * One bar per row with its value written at its end, names on the left (wrapped when long), and an
 * optional dashed reference line (break-even). The axis ends at the first nice tick above the
 * longest bar or the reference, whichever is further.
 */
export function HorizontalBarChart({ name, label, bars, reference, formatTick, formatValue }: {
  name: string;
  label: string;
  bars: readonly HorizontalBar[];
  /** A value to mark with a dashed line (break-even at 1×); the axis always reaches it. */
  reference?: number;
  formatTick(value: number): string;
  formatValue(value: number): string;
}) {
  const axis = valueAxis(Math.max(0, ...bars.map((bar) => bar.value)), { include: reference ?? 0 });
  const height = bars.length * ROW_HEIGHT + AXIS_HEIGHT + 6;
  return (
    <ChartFrame name={name} label={label}>
      {(width) => {
        const left = Math.min(Math.max(...bars.map((bar) => textWidth(bar.label)), 40) + 12, width * 0.34);
        const plotWidth = Math.max(width - left - VALUE_ROOM, 40);
        const x = (value: number) => left + (value / axis.max) * plotWidth;
        const axisY = bars.length * ROW_HEIGHT;
        const centreOf = (index: number) => index * ROW_HEIGHT + ROW_HEIGHT / 2;
        return (
          <svg width={width} height={height} className="chart-svg">
            <ValueGridColumns ticks={axis.ticks} x={x} bottom={axisY} formatTick={formatTick} />
            <RowNames rows={bars.map((bar, index) => ({ key: bar.key, lines: wrapWords(bar.label, left - 12), centre: centreOf(index) }))} right={left - 8} />
            {bars.map((bar, index) => (
              <g key={bar.key}>
                <rect className="chart-bar" data-series={bar.label} x={left} y={centreOf(index) - 10} width={Math.max(x(bar.value) - left, 1)} height={20} rx="2" fill={bar.colour}>
                  <title>{`${bar.label}: ${formatValue(bar.value)}`}</title>
                </rect>
                <text x={x(bar.value) + 5} y={centreOf(index)} dy="0.32em" fontSize="12" fontWeight="600" fill={AXIS_TEXT}
                  stroke="#fff" strokeWidth="3" paintOrder="stroke">{formatValue(bar.value)}</text>
              </g>
            ))}
            {reference === undefined ? null : <line x1={x(reference)} x2={x(reference)} y1={0} y2={axisY} stroke="#5d647a" strokeDasharray="4 3" />}
          </svg>
        );
      }}
    </ChartFrame>
  );
}
