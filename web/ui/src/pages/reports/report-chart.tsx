import { useState } from 'react';
import { PALETTE } from '../../charts/chart-colours.ts';
import { GroupedBarChart } from '../../charts/grouped-bar-chart.tsx';
import { formatCell, formatPeriod, numeric, periodOrder } from './report-format.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { ReportTable } from './report-table.tsx';
import { TimeChart } from './time-chart.tsx';
import type { ChartType, ReportColumn, ReportResult } from './report-types.ts';

/** More lines or bars than this and a chart stops being readable: the largest ones are shown. */
const MAX_SERIES = 6;
const MAX_CATEGORIES = 20;

/**
 * A report drawn as its chart type: over time (period on the x axis) as lines, areas or bars, by a
 * dimension as bars, with no dimension as KPI tiles. One metric at a time (metrics in different
 * units on one axis mislead), chosen beside the chart; a dimension split over time becomes series.
 */
export function ReportChart({ result, type, metric, name }: { result: ReportResult; type: ChartType; metric?: string; name: string }) {
  const metrics = result.columns.filter((column) => column.role === 'metric');
  const [chosen, setChosen] = useState(metric && metrics.some((column) => column.key === metric) ? metric : metrics[0]?.key);
  const column = metrics.find((one) => one.key === chosen) ?? metrics[0];
  const period = result.columns.find((one) => one.role === 'period');
  const dimensions = result.columns.filter((one) => one.role === 'dimension');
  if (type === 'table') return <ReportTable result={result} label={name} />;
  if (!column) return null;
  if (type === 'kpi' || (!period && !dimensions.length)) return <KpiTiles result={result} />;
  if (!result.rows.length) return <p className="muted">No rows in this range.</p>;
  const picker = metrics.length > 1 ? (
    <label className="field field-inline chart-metric">
      <span>Chart shows</span>
      <select value={column.key} onChange={(event) => setChosen(event.target.value)}>
        {metrics.map((one) => <option key={one.key} value={one.key}>{one.label}</option>)}
      </select>
    </label>
  ) : null;
  const formatValue = (value: number) => formatCell(value, column, result);
  const formatTick = (value: number) => formatCell(value, column, result, { compact: true });
  if (period) {
    const { periods, series } = seriesOverTime(result, period, dimensions, column);
    const label = `${column.label} per ${result.time_grain ?? 'period'}${dimensions.length ? ` by ${dimensions.map((one) => one.label).join(', ')}` : ''}`;
    return (
      <>
        {picker}
        {type === 'bar'
          ? <GroupedBarChart name={name} label={label} rows={periods.map((_, index) => index)} category={(index) => periods[index]!}
            series={series.map((one) => ({ label: one.label, colour: one.colour, value: (index: number) => one.values[index] ?? 0 }))} formatTick={formatTick} formatValue={formatValue} />
          : <TimeChart name={name} label={label} kind={type === 'area' ? 'area' : 'line'} periods={periods} series={series} formatTick={formatTick} formatValue={formatValue} />}
        {inProgress(result) ? <p className="chart-note muted">The last {result.time_grain ?? 'period'} is still in progress: its figures are not complete yet.</p> : null}
      </>
    );
  }
  const rows = [...result.rows].sort((a, b) => numeric(b[column.key]) - numeric(a[column.key])).slice(0, MAX_CATEGORIES);
  const category = (row: (typeof rows)[number]) => dimensions.map((one) => formatCell(row[one.key], one, result)).join(' · ');
  return (
    <>
      {picker}
      <GroupedBarChart name={name} label={`${column.label} by ${dimensions.map((one) => one.label).join(', ')}`} rows={rows} category={category}
        series={[{ label: column.label, colour: PALETTE[0], value: (row) => numeric(row[column.key]) }]} formatTick={formatTick} formatValue={formatValue} />
      {result.rows.length > rows.length ? <p className="chart-note muted">The {MAX_CATEGORIES} largest of {result.rows.length}; the table has them all.</p> : null}
    </>
  );
}

/** The range ends today (in the organisation's time zone), so the last period is not over. */
function inProgress(result: ReportResult): boolean {
  try {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: result.time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    return result.date_range.to >= today;
  } catch {
    return false;
  }
}

/** Periods in order, and one series per dimension value (the largest few) or a single series. */
function seriesOverTime(result: ReportResult, period: ReportColumn, dimensions: readonly ReportColumn[], column: ReportColumn) {
  const starts = [...new Set(result.rows.map((row) => String(row[period.key])))].sort(periodOrder);
  const index = new Map(starts.map((start, position) => [start, position]));
  const groups = new Map<string, number[]>();
  for (const row of result.rows) {
    const key = dimensions.map((one) => formatCell(row[one.key], one, result)).join(' · ') || column.label;
    const values = groups.get(key) ?? starts.map(() => 0);
    values[index.get(String(row[period.key]))!]! += numeric(row[column.key]);
    groups.set(key, values);
  }
  const largest = [...groups.entries()].sort((a, b) => b[1].reduce((s, v) => s + v, 0) - a[1].reduce((s, v) => s + v, 0)).slice(0, MAX_SERIES);
  return {
    periods: starts.map((start) => formatPeriod(start, result.time_grain)),
    series: largest.map(([label, values], position) => ({ label, colour: PALETTE[position % PALETTE.length]!, values })),
  };
}
