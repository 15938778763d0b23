import type { EChartsOption } from 'echarts';
import type { NotificationMessage } from '../../jobs/notifier.ts';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './chart-fonts.ts';
import { wrapLabel } from './wrap-label.ts';

/** A bar or line chart: labels along x, one or more series of values. */
export type ChartSpec = NonNullable<NotificationMessage['charts']>[number];

export const CHART_WIDTH = 800;
const PALETTE = ['#2962ff', '#ff7a45', '#2eb872', '#9c52d6', '#f0b429'];
const INK = '#222222';
const MUTED = '#5f6368';
/** Pixels per chart pixel in the PNG: Slack shows images on high-density screens too. */
const PNG_ZOOM = 2;
/** Characters per label line; labels wrap between words at this width. */
const LABEL_LINE_CHARS = { horizontal: 24, vertical: 12 } as const;

/**
 * Renders the chart with ECharts (server-side SVG) and rasterises it with resvg, using the Inter
 * font shipped in node_modules: a PNG 800 px wide at twice the density. Bar charts whose labels
 * are long or many lie on their side so every label reads in full; labels wrap between words.
 * Both libraries load on the first chart: ECharts alone takes most of a second to import, which
 * every CLI command and the server start would otherwise pay.
 */
export async function renderChartPng(chart: ChartSpec): Promise<Buffer> {
  const svg = await renderChartSvg(chart);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: '#ffffff',
    font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** The chart as SVG text (what resvg rasterises). */
export async function renderChartSvg(chart: ChartSpec): Promise<string> {
  const echarts = await import('echarts');
  const horizontal = chart.kind === 'bar' && lieOnSide(chart.labels);
  const height = horizontal ? Math.max(320, 120 + chart.labels.length * 34) : 420;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    instance.setOption(chartOption(chart, horizontal));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

function chartOption(chart: ChartSpec, horizontal: boolean): EChartsOption {
  const lineChars = horizontal ? LABEL_LINE_CHARS.horizontal : LABEL_LINE_CHARS.vertical;
  const categoryAxis = {
    type: 'category' as const,
    data: chart.labels,
    inverse: horizontal, // the first row on top, as in the table it came from
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: MUTED } },
    axisLabel: { color: INK, fontSize: 12, hideOverlap: !horizontal, formatter: (label: string) => wrapLabel(label, lineChars).join('\n') },
  };
  const valueAxis = {
    type: 'value' as const,
    name: chart.unit,
    // Lying down, the unit sits centred under the numbers instead of crowding the last tick.
    ...(horizontal ? { nameLocation: 'middle' as const, nameGap: 30 } : {}),
    nameTextStyle: { color: MUTED, align: horizontal ? ('center' as const) : ('left' as const) },
    splitLine: { lineStyle: { color: '#e4e4e4' } },
    axisLabel: { color: MUTED, fontSize: 12, formatter: (value: number) => compactNumber(value) },
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: chart.title, left: 16, top: 12, textStyle: { fontSize: 18, fontWeight: 600, color: INK, fontFamily: CHART_FONT_FAMILY } },
    legend: chart.series.length > 1 ? { top: 14, right: 16, textStyle: { color: INK, fontSize: 13 }, data: chart.series.map((series) => series.name) } : { show: false },
    grid: { left: 16, right: 32, top: 64, bottom: horizontal && chart.unit ? 40 : 16, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: chart.series.map((series) =>
      chart.kind === 'bar'
        ? { type: 'bar' as const, name: series.name, data: series.values.map(finiteOrNull), barMaxWidth: 36 }
        : { type: 'line' as const, name: series.name, data: series.values.map(finiteOrNull), symbolSize: 6, lineStyle: { width: 3 }, connectNulls: false }),
  };
}

/** Characters of label that fit side by side under vertical bars. */
const LABEL_CHARS_ACROSS = 90;

/**
 * Long or crowded category labels do not fit under vertical bars, and hiding some would leave bars
 * nobody can name; dates may thin out (their neighbours say which day a bar is), so they stay upright.
 */
function lieOnSide(labels: readonly string[]): boolean {
  const widest = Math.max(0, ...labels.map((label) => label.length));
  if (widest > LABEL_LINE_CHARS.vertical) return true;
  return labels.length * (widest + 2) > LABEL_CHARS_ACROSS && !labels.every((label) => DATE_LIKE.test(label));
}

const DATE_LIKE = /^\d{2,4}[-/]\d{2}([-/]\d{2})?$/;

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** 1234 -> 1.2K, 3400000 -> 3.4M; small numbers keep up to two decimals. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  const units: Array<[number, string]> = [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, suffix] of units) if (magnitude >= size) return `${Number((value / size).toFixed(1))}${suffix}`;
  return String(Number(value.toFixed(2)));
}
