import { AXIS_TEXT, BASELINE, GRID } from './chart-colours.ts';
import { LINE_HEIGHT_PX } from './labels.ts';

/** For bars that run sideways: a vertical grid line at each tick, its value under the plot, zero drawn as the baseline. */
export function ValueGridColumns({ ticks, x, bottom, formatTick, className }: {
  ticks: readonly number[];
  x(value: number): number;
  /** Where the plot ends and the tick values start. */
  bottom: number;
  formatTick(value: number): string;
  className?: string;
}) {
  return (
    <g className={className} fontSize="12" fill={AXIS_TEXT}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={0} y2={bottom} stroke={tick ? GRID : BASELINE} />
          <text x={x(tick)} y={bottom + 15} textAnchor="middle">{formatTick(tick)}</text>
        </g>
      ))}
    </g>
  );
}

/** For bars that run sideways: each row's name right-aligned before the plot, its wrapped lines centred on the row. */
export function RowNames({ rows, right }: { rows: ReadonlyArray<{ key: string | number; lines: readonly string[]; centre: number }>; right: number }) {
  return (
    <g className="chart-axis-labels" fontSize="12" fill={AXIS_TEXT}>
      {rows.map(({ key, lines, centre }) => (
        <text key={key} x={right} y={centre - ((lines.length - 1) * LINE_HEIGHT_PX) / 2} textAnchor="end">
          {lines.map((line, row) => <tspan key={row} x={right} dy={row ? LINE_HEIGHT_PX : '0.32em'}>{line}</tspan>)}
        </text>
      ))}
    </g>
  );
}
