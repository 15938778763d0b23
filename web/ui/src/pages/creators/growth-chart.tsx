import { useState } from 'react';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import { AXIS_TEXT, BASELINE, GRID } from '../../charts/chart-colours.ts';
import { textWidth } from '../../charts/labels.ts';
import { ChartLegend } from '../../charts/legend.tsx';
import { formatCompact, formatDay, formatNumber } from '../../components/format.ts';
import { Segmented } from '../../components/segmented.tsx';
import { networkColour, networkLabel } from './creator-parts.tsx';

export interface GrowthSeries {
  network: string;
  points: ReadonlyArray<{ at: string; followers: number }>;
}

type Mode = 'followers' | 'change';

const TOP = 10;
const PLOT_HEIGHT = 200;
const LABELS_HEIGHT = 22;
const DAY_MS = 86_400_000;

/** Ticks covering [min, max] in nice steps; the axis need not start at zero (a line's slope is the point). */
export function niceRange(min: number, max: number, intervals = 4): { low: number; high: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { low: 0, high: 1, ticks: [0, 1] };
  if (min === max) {
    const pad = Math.abs(min) * 0.05 || 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough * (1 - 1e-9))!;
  const low = Math.floor(min / step + 1e-9) * step;
  const high = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { low, high: ticks.at(-1)!, ticks };
}

/**
 * Followers per network over time, from the platforms' snapshots (one point per sync or import). The
 * networks' sizes differ by orders of magnitude, so a second view shows each one's change since its
 * first point in percent, where a small account's growth is as visible as a large one's.
 */
export function GrowthChart({ series }: { series: readonly GrowthSeries[] }) {
  const [mode, setMode] = useState<Mode>('followers');
  const drawn = series.filter((one) => one.points.length > 0).map((one) => ({
    ...one,
    points: [...one.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  }));
  if (!drawn.length) return <p className="muted">No history yet: each sync or import adds a point.</p>;
  const values = drawn.map((one) => one.points.map((point) => mode === 'followers' ? point.followers : change(one.points[0]!.followers, point.followers)));
  const all = values.flat();
  const axis = mode === 'followers' ? niceRange(Math.min(...all), Math.max(...all)) : niceRange(Math.min(0, ...all), Math.max(0, ...all));
  const formatTick = mode === 'followers' ? formatCompact : (value: number) => `${value > 0 ? '+' : ''}${Number(value.toFixed(1))}%`;
  const times = drawn.flatMap((one) => one.points.map((point) => Date.parse(point.at)));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const left = Math.max(...axis.ticks.map((tick) => textWidth(formatTick(tick)))) + 12;
  const label = `Followers by network, ${formatDay(new Date(first).toISOString())} to ${formatDay(new Date(last).toISOString())}: `
    + drawn.map((one) => `${networkLabel(one.network)} ${formatNumber(one.points[0]!.followers)} to ${formatNumber(one.points.at(-1)!.followers)}`).join('; ');
  return (
    <>
      <div className="cr-chart-controls">
        <Segmented label="Show" value={mode} onChange={setMode} options={[{ value: 'followers', label: 'Followers' }, { value: 'change', label: 'Change %' }]} />
      </div>
      <ChartFrame name="creator-growth" label={label}>
        {(width) => {
          const right = 16;
          const plotWidth = Math.max(width - left - right, 40);
          const span = Math.max(last - first, DAY_MS);
          const x = (time: number) => (first === last ? left + plotWidth / 2 : left + ((time - first) / span) * plotWidth);
          const y = (value: number) => TOP + PLOT_HEIGHT - ((value - axis.low) / (axis.high - axis.low)) * PLOT_HEIGHT;
          const baseline = TOP + PLOT_HEIGHT;
          const dates = dateTicks(first, last, Math.max(2, Math.floor(plotWidth / 90)));
          return (
            <svg width={width} height={baseline + LABELS_HEIGHT} className="chart-svg">
              <g fontSize="12" fill={AXIS_TEXT}>
                {axis.ticks.map((tick) => (
                  <g key={tick}>
                    <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={tick === axis.low || (mode === 'change' && tick === 0) ? BASELINE : GRID} />
                    <text x={left - 6} y={y(tick)} dy="0.32em" textAnchor="end">{formatTick(tick)}</text>
                  </g>
                ))}
              </g>
              <g className="chart-axis-labels" fontSize="12" fill={AXIS_TEXT}>
                {dates.map((time, index) => (
                  <text key={time} x={x(time)} y={baseline + 16} textAnchor={dates.length === 1 ? 'middle' : index === 0 ? 'start' : index === dates.length - 1 ? 'end' : 'middle'}>
                    {formatDay(new Date(time).toISOString(), { short: true })}
                  </text>
                ))}
              </g>
              {drawn.map((one, index) => {
                const colour = networkColour(one.network);
                const points = one.points.map((point, position) => ({ point, cx: x(Date.parse(point.at)), cy: y(values[index]![position]!) }));
                return (
                  <g key={one.network} data-series={networkLabel(one.network)}>
                    <path d={points.map((p, position) => `${position ? 'L' : 'M'}${p.cx},${p.cy}`).join('')} fill="none" stroke={colour} strokeWidth="2" />
                    {points.map(({ point, cx, cy }) => (
                      <circle key={point.at} cx={cx} cy={cy} r="3" fill={colour}>
                        <title>{`${networkLabel(one.network)}, ${formatDay(point.at)}: ${formatNumber(point.followers)} followers`}</title>
                      </circle>
                    ))}
                  </g>
                );
              })}
            </svg>
          );
        }}
      </ChartFrame>
      <ChartLegend items={drawn.map((one) => ({ label: networkLabel(one.network), colour: networkColour(one.network), shape: 'line' }))} />
      {first === last ? <p className="muted small flush">One reading so far ({formatDay(new Date(first).toISOString())}): each day with a sync or import adds a point.</p> : null}
    </>
  );
}

function change(from: number, to: number): number {
  return from ? ((to - from) / from) * 100 : 0;
}

/** About `count` evenly spaced instants from first to last, both ends included. */
function dateTicks(first: number, last: number, count: number): number[] {
  if (last - first < DAY_MS) return [first];
  const steps = Math.min(count - 1, Math.max(1, Math.round((last - first) / DAY_MS)));
  return Array.from({ length: steps + 1 }, (_, index) => first + ((last - first) * index) / steps);
}
