import { describe, expect, it } from 'vitest';
import { chartFor } from './report-chart.ts';
import { channelResult, dailyResult } from './testing/sample-results.ts';

describe('the PDF chart of a report', () => {
  it('draws periods split by a dimension as one line per value, the largest five, missing days as zero', () => {
    const result = dailyResult(3);
    result.rows = result.rows.filter((row) => !(row.day === '2026-10-02' && row.channel === 'Meta Ads'));
    const chart = chartFor(result, undefined)!;
    expect(chart).toMatchObject({ kind: 'line', title: 'Spend per day by channel', labels: ['2026-10-01', '2026-10-02', '2026-10-03'], unit: 'USD' });
    expect(chart.series).toHaveLength(5);
    expect(chart.series.find((series) => series.name === 'Meta Ads')!.values).toEqual([40, 0, 114]);
  });

  it('draws bars by a dimension for the first ten rows, ratios as percentages, leaving out series of another kind or too small to see', () => {
    const result = channelResult();
    expect(chartFor(result, { type: 'bar', y: ['ctr'] })).toMatchObject({ kind: 'bar', title: 'CTR by channel', unit: '%', series: [{ name: 'CTR', values: [3.4216, Number.NaN, 50, 0, 10] }] });
    const spendAndClicks = chartFor(result, { type: 'bar', y: ['spend', 'clicks'] })!;
    expect(spendAndClicks.series.map((series) => series.name)).toEqual(['Spend']);
    result.rows = Array.from({ length: 12 }, (_, index) => ({ channel: `c${index}`, spend: index, clicks: 1, ctr: 0.1 }));
    expect(chartFor(result, undefined)).toMatchObject({ title: 'Spend by channel (first 10 of 12)', labels: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'] });
  });

  it('draws periods in time order whatever the table is sorted by, hours of a fall-back day east of UTC by their instant', () => {
    const hours = ['2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00'];
    const base = dailyResult(1);
    const columns = base.columns.filter((column) => column.key !== 'channel');
    // Sorted by spend, largest first, as a saved report may be.
    const rows = [{ day: hours[2]!, spend: 40 }, { day: hours[0]!, spend: 30 }, { day: hours[3]!, spend: 20 }, { day: hours[1]!, spend: 10 }];
    const single = chartFor({ ...base, columns, rows, time_grain: 'hour' }, { type: 'line' })!;
    expect(single.series[0]!.values).toEqual([30, 10, 40, 20]);
    const split = chartFor({ ...base, rows: rows.map((row) => ({ ...row, channel: 'Meta Ads' })), time_grain: 'hour' }, { type: 'line' })!;
    expect(split.series).toEqual([{ name: 'Meta Ads', values: [30, 10, 40, 20] }]);
  });

  it('labels months and quarters briefly, and draws nothing for a table or a KPI view', () => {
    const result = { ...dailyResult(1), rows: [{ day: '2026-10-01', spend: 1, streams: 1, cost_per_stream: 1, spend_change: 0 }] };
    result.columns = result.columns.filter((column) => column.key !== 'channel');
    expect(chartFor({ ...result, time_grain: 'month' }, { type: 'area' })).toMatchObject({ kind: 'line', title: 'Spend per month', labels: ['2026-10'] });
    expect(chartFor({ ...result, time_grain: 'quarter' }, undefined)!.labels).toEqual(['2026 Q4']);
    expect(chartFor(result, { type: 'table' })).toBeNull();
    expect(chartFor(result, { type: 'kpi' })).toBeNull();
  });
});
