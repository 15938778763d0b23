import { memo, useId } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { labelEvery, valueAxis } from '../../charts/axis.ts';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import { AXIS_TEXT, BASELINE, GRID, SERIES } from '../../charts/chart-colours.ts';
import { textWidth } from '../../charts/labels.ts';
import { ChartLegend, type LegendItem } from '../../charts/legend.tsx';
import { isPartialPeriod, periodCoverage } from '../../charts/periods.ts';
import { formatCompact, formatDay, formatMoney, formatNumber } from '../../components/format.ts';

type Timeline = ToolOutput<'performance_timeline'>;

const TOP = 12;
const PLOT_HEIGHT = 230;
const LABELS_HEIGHT = 22;

/**
 * Spend as bars and revenue as a line on the money axis (left), streams as an area on their own
 * axis (right): the two differ by three orders of magnitude. A week or month the range cuts short
 * is shaded and its bar hatched, so a partial total does not read as a drop.
 */
export const SpendStreamsChart = memo(function SpendStreamsChart({ timeline }: { timeline: Timeline }) {
  const { currency, granularity, periods } = timeline;
  const hatch = `hatch-${useId().replace(/:/g, '')}`;
  const money = valueAxis(Math.max(0, ...periods.flatMap((period) => [period.spend, period.revenue])));
  const streams = valueAxis(Math.max(0, ...periods.map((period) => period.streams)));
  const partial = periods.map((period) => isPartialPeriod(period, granularity));
  const lastPartial = partial.at(-1) ? periods.at(-1)! : null;
  const moneyTick = (value: number) => formatMoney(value, currency, { compact: true });
  const left = Math.max(...money.ticks.map((tick) => textWidth(moneyTick(tick)))) + 12;
  const right = Math.max(...streams.ticks.map((tick) => textWidth(formatCompact(tick)))) + 12;
  const legend: LegendItem[] = [
    { label: 'Spend', colour: SERIES.warm, shape: 'bar' },
    { label: 'Revenue', colour: SERIES.good, shape: 'line' },
    { label: 'Streams', colour: SERIES.soft, shape: 'area' },
    ...(partial.some(Boolean) ? [{ label: `Partial ${granularity}`, colour: SERIES.warm, shape: 'partial' as const }] : []),
  ];
  return (
    <>
      <ChartFrame name="spend-streams"
        label={`Spend, revenue and streams per ${granularity} from ${formatDay(timeline.from)} to ${formatDay(timeline.to)}`}>
        {(width) => {
          const plotWidth = Math.max(width - left - right, 40);
          const band = plotWidth / Math.max(periods.length, 1);
          const centre = (index: number) => left + (index + 0.5) * band;
          const moneyY = (value: number) => TOP + PLOT_HEIGHT - (value / money.max) * PLOT_HEIGHT;
          const streamsY = (value: number) => TOP + PLOT_HEIGHT - (value / streams.max) * PLOT_HEIGHT;
          const baseline = TOP + PLOT_HEIGHT;
          const every = labelEvery(band, textWidth(formatDay(periods[0]?.start ?? '', { short: true })) + 6);
          const barWidth = Math.max(band * 0.7, 1);
          const streamsLine = periods.map((period, index) => `${index ? 'L' : 'M'}${centre(index)},${streamsY(period.streams)}`).join('');
          const revenueLine = periods.map((period, index) => `${index ? 'L' : 'M'}${centre(index)},${moneyY(period.revenue)}`).join('');
          return (
            <svg width={width} height={baseline + LABELS_HEIGHT} className="chart-svg">
              <defs>
                <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#f3e3d3" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={SERIES.warm} strokeWidth="3" />
                </pattern>
              </defs>
              {periods.map((period, index) => partial[index] ? (
                <g key={`partial-${period.start}`} className="chart-partial">
                  <rect x={left + index * band} y={TOP} width={band} height={PLOT_HEIGHT} fill="#f1f2f7" />
                  {band >= 34 ? <text x={centre(index)} y={TOP + 10} textAnchor="middle" fontSize="11" fill={AXIS_TEXT}>partial</text> : null}
                </g>
              ) : null)}
              <g fontSize="12" fill={AXIS_TEXT}>
                {money.ticks.map((tick) => (
                  <g key={tick}>
                    <line x1={left} x2={left + plotWidth} y1={moneyY(tick)} y2={moneyY(tick)} stroke={tick ? GRID : BASELINE} />
                    <text x={left - 6} y={moneyY(tick)} dy="0.32em" textAnchor="end">{moneyTick(tick)}</text>
                  </g>
                ))}
                {streams.ticks.map((tick) => (
                  <text key={tick} x={left + plotWidth + 6} y={streamsY(tick)} dy="0.32em">{formatCompact(tick)}</text>
                ))}
              </g>
              <g className="chart-axis-labels" fontSize="12" fill={AXIS_TEXT}>
                {periods.map((period, index) => index % every === 0 ? (
                  <text key={period.start} x={centre(index)} y={baseline + 16} textAnchor="middle">{formatDay(period.start, { short: true })}</text>
                ) : null)}
              </g>
              <path d={`${streamsLine}L${centre(periods.length - 1)},${baseline}L${centre(0)},${baseline}Z`} fill={SERIES.soft} fillOpacity="0.22" stroke="none" />
              <path d={streamsLine} fill="none" stroke={SERIES.soft} strokeWidth="1.5" />
              {periods.map((period, index) => (
                <rect key={period.start} className={`chart-bar${partial[index] ? ' chart-bar-partial' : ''}`} data-series="Spend"
                  x={centre(index) - barWidth / 2} y={moneyY(period.spend)} width={barWidth} height={baseline - moneyY(period.spend)}
                  fill={partial[index] ? `url(#${hatch})` : SERIES.warm} stroke={partial[index] ? SERIES.warm : 'none'} />
              ))}
              <path d={revenueLine} fill="none" stroke={SERIES.good} strokeWidth="2" />
              {periods.map((period, index) => (
                <rect key={`hover-${period.start}`} x={left + index * band} y={TOP} width={band} height={PLOT_HEIGHT} fill="transparent">
                  <title>{`${granularity === 'day' ? formatDay(period.start) : `${formatDay(period.start)} – ${formatDay(period.end)}`}${partial[index] ? ` (partial: ${periodCoverage(period, granularity)})` : ''}
Spend ${formatMoney(period.spend, currency)} · Revenue ${formatMoney(period.revenue, currency)} · Streams ${formatNumber(period.streams)}`}</title>
                </rect>
              ))}
            </svg>
          );
        }}
      </ChartFrame>
      <ChartLegend items={legend} />
      {lastPartial ? (
        <p className="chart-note muted">
          The last {granularity}, {formatDay(lastPartial.start, { short: true })} – {formatDay(lastPartial.end, { short: true })}, is partial ({periodCoverage(lastPartial, granularity)} so far).
        </p>
      ) : null}
    </>
  );
});
