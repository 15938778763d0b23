import type { NotificationMessage } from '../../jobs/notifier.ts';
import { GLYPH_HEIGHT, textWidth } from './bitmap-font.ts';
import { Raster, type Rgb } from './raster.ts';

/** A bar or line chart: labels along x, one or more series of values. */
export type ChartSpec = NonNullable<NotificationMessage['charts']>[number];

const WIDTH = 800;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 24, bottom: 64, left: 84 } as const;
const PALETTE: Rgb[] = [[41, 98, 255], [255, 122, 69], [46, 184, 114], [156, 82, 214], [240, 180, 41]];
const INK: Rgb = [34, 34, 34];
const MUTED: Rgb = [110, 110, 110];
const GRID: Rgb = [228, 228, 228];
const GRID_LINES = 5;

/** Renders the chart as an 800x420 PNG: title, y axis with grid and compact labels, x labels, legend. */
export function renderChartPng(chart: ChartSpec): Buffer {
  const raster = new Raster(WIDTH, HEIGHT);
  const plot = { left: MARGIN.left, top: MARGIN.top, right: WIDTH - MARGIN.right, bottom: HEIGHT - MARGIN.bottom };
  raster.text(WIDTH / 2, 14, chart.title.slice(0, 60), INK, { scale: 2, align: 'center' });

  const values = chart.series.flatMap((series) => series.values).filter(Number.isFinite);
  const { min, max, step } = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const y = (value: number) => plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top);

  for (let index = 0; index <= GRID_LINES; index++) {
    const value = min + step * index;
    const at = Math.round(y(value));
    raster.line(plot.left, at, plot.right, at, GRID);
    raster.text(plot.left - 8, at - 3, compactNumber(value), MUTED, { align: 'right' });
  }
  if (chart.unit) raster.text(8, plot.top - 16, chart.unit.slice(0, 16), MUTED);

  const count = chart.labels.length;
  const slot = count ? (plot.right - plot.left) / count : 0;
  const centre = (index: number) => plot.left + slot * (index + 0.5);
  if (chart.kind === 'bar') drawBars(raster, chart, slot, centre, y, Math.round(y(0)));
  else drawLines(raster, chart, centre, y);

  raster.line(plot.left, plot.bottom, plot.right, plot.bottom, INK);
  raster.line(plot.left, plot.top, plot.left, plot.bottom, INK);
  drawXLabels(raster, chart.labels, slot, centre, plot.bottom + 8);
  if (chart.series.length > 1) drawLegend(raster, chart, HEIGHT - 18);
  return raster.toPng();
}

function drawBars(raster: Raster, chart: ChartSpec, slot: number, centre: (index: number) => number, y: (value: number) => number, zero: number): void {
  const groupWidth = slot * 0.75;
  const barWidth = Math.max(1, groupWidth / chart.series.length);
  chart.series.forEach((series, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    series.values.forEach((value, index) => {
      if (!Number.isFinite(value)) return;
      const left = centre(index) - groupWidth / 2 + seriesIndex * barWidth;
      const top = Math.min(y(value), zero);
      raster.fillRect(left, top, Math.max(1, barWidth - 1), Math.max(1, Math.abs(zero - y(value))), color);
    });
  });
}

function drawLines(raster: Raster, chart: ChartSpec, centre: (index: number) => number, y: (value: number) => number): void {
  chart.series.forEach((series, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    let previous: [number, number] | null = null;
    series.values.forEach((value, index) => {
      if (!Number.isFinite(value)) {
        previous = null;
        return;
      }
      const point: [number, number] = [centre(index), y(value)];
      if (previous) raster.line(previous[0], previous[1], point[0], point[1], color, 3);
      raster.fillRect(point[0] - 3, point[1] - 3, 7, 7, color);
      previous = point;
    });
  });
}

/** Every k-th label, so labels never overlap. */
function drawXLabels(raster: Raster, labels: string[], slot: number, centre: (index: number) => number, top: number): void {
  const longest = Math.max(1, ...labels.map((label) => textWidth(label.slice(0, 14))));
  const every = Math.max(1, Math.ceil((longest + 8) / Math.max(slot, 1)));
  labels.forEach((label, index) => {
    if (index % every === 0) raster.text(centre(index), top, label.slice(0, 14), MUTED, { align: 'center' });
  });
}

function drawLegend(raster: Raster, chart: ChartSpec, top: number): void {
  let x = MARGIN.left;
  chart.series.forEach((series, index) => {
    raster.fillRect(x, top, 10, GLYPH_HEIGHT, PALETTE[index % PALETTE.length]!);
    raster.text(x + 14, top, series.name.slice(0, 24), INK);
    x += 14 + textWidth(series.name.slice(0, 24)) + 20;
  });
}

/** Axis bounds covering low..high in GRID_LINES steps of 1, 2 or 5 times a power of ten. */
export function niceScale(low: number, high: number): { min: number; max: number; step: number } {
  const top = low === high ? low + 1 : high;
  let power = 10 ** Math.floor(Math.log10((top - low) / GRID_LINES));
  for (;;) {
    for (const factor of [1, 2, 5]) {
      const step = factor * power;
      const min = Math.floor(low / step) * step;
      if (min + step * GRID_LINES >= top) return { min, max: min + step * GRID_LINES, step };
    }
    power *= 10;
  }
}

/** 1234 -> 1.2K, 3400000 -> 3.4M; small numbers keep up to two decimals. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  const units: Array<[number, string]> = [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, suffix] of units) if (magnitude >= size) return `${Number((value / size).toFixed(1))}${suffix}`;
  return String(Number(value.toFixed(2)));
}
