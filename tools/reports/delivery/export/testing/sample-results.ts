import type { ReportColumn, ReportResult } from '../../../report-result.ts';

const column = (key: string, label: string, role: ReportColumn['role'], type: ReportColumn['type'], unit: string | null = null): ReportColumn => ({ key, label, role, type, unit });

/** A hand-made result: spend, clicks and CTR by channel, with text a CSV must quote or defuse. */
export function channelResult(): ReportResult {
  return {
    columns: [
      column('channel', 'Channel', 'dimension', 'string'),
      column('spend', 'Spend', 'metric', 'currency', 'EUR'),
      column('clicks', 'Clicks', 'metric', 'integer'),
      column('ctr', 'CTR', 'metric', 'float', 'ratio'),
    ],
    rows: [
      { channel: 'Meta, Instagram', spend: 1234.5, clicks: 4210, ctr: 0.034216 },
      { channel: 'Café "Radio"', spend: 99.999, clicks: 17, ctr: null },
      { channel: '=HYPERLINK("http://evil.example")', spend: 0.1 + 0.2, clicks: 3, ctr: 0.5 },
      { channel: '-2+3', spend: -5, clicks: 0, ctr: 0 },
      { channel: null, spend: 10, clicks: 1, ctr: 0.1 },
    ],
    totals: { spend: 1339.8, clicks: 4231, ctr: 0.0342857 },
    currency: 'EUR',
    time_zone: 'Europe/Berlin',
    date_range: { from: '2026-11-01', to: '2026-11-30' },
    time_grain: null,
    attribution_model: null,
    total_rows: 5,
    notes: ['Spend converted to EUR at the latest rate on or before each day.'],
  };
}

const CHANNELS = ['Meta Ads', 'TikTok Ads', 'Google Ads', 'Spotify Marquee', 'Playlist pitching (Pulse Media Collective)'];

/** Streams and spend per day and channel: `days` x 5 rows, enough for several PDF pages at 40 days. */
export function dailyResult(days: number): ReportResult {
  const rows: ReportResult['rows'] = [];
  for (let day = 0; day < days; day += 1) {
    const date = new Date(Date.UTC(2026, 9, 1 + day)).toISOString().slice(0, 10);
    CHANNELS.forEach((channel, index) => {
      const spend = 40 + ((day * 37 + index * 53) % 90) + index * 15.25;
      const streams = Math.round(1500 + ((day * 131 + index * 977) % 2400) + day * 20 * (index + 1));
      rows.push({ day: date, channel, spend, streams, cost_per_stream: spend / streams, spend_change: (((day + index) % 7) * 3.5 - 9) / 100 });
    });
  }
  const spend = rows.reduce((sum, row) => sum + (row.spend as number), 0);
  const streams = rows.reduce((sum, row) => sum + (row.streams as number), 0);
  return {
    columns: [
      column('day', 'Day', 'period', 'date'),
      column('channel', 'Channel', 'dimension', 'string'),
      column('spend', 'Spend', 'metric', 'currency', 'USD'),
      column('streams', 'Streams', 'metric', 'integer'),
      column('cost_per_stream', 'Cost per stream', 'metric', 'currency', 'USD'),
      column('spend_change', 'Spend change', 'comparison', 'percent', 'ratio'),
    ],
    rows,
    totals: { spend, streams, cost_per_stream: spend / streams, spend_change: 0.042 },
    currency: 'USD',
    time_zone: 'America/New_York',
    date_range: { from: '2026-10-01', to: new Date(Date.UTC(2026, 9, days)).toISOString().slice(0, 10) },
    time_grain: 'day',
    attribution_model: 'position_based',
    total_rows: rows.length,
    notes: ['Spend from imported ad-platform costs; streams from daily platform statistics.', 'Spend change compares with the 40 days before.'],
  };
}
