import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { scopeToOrganization, type ToolDb } from '../registry/tenant-scope.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { callOk, csvFile } from './testing/tool-calls.ts';
import { storeWeeklyArtistStats } from './weekly/store-weekly-artist-stats.ts';
import { weekOf } from './weekly/week-range.ts';
import { computeWeeklyArtistStats } from './weekly/weekly-artist-stats.ts';

// Sunday 12:00 UTC = Monday 01:00 in Auckland: the last complete week there is Mon 16 - Sun 22 November.
const NOW = new Date('2026-11-22T12:00:00Z');

// Hand-computed (spotify 0.004 USD a stream; EUR->USD 1.25):
//   Ana: this week 1500 + 500 = 2000 streams = 8.00; spend 100 USD + 40 EUR (50 USD) = 150. Week before: 1000 streams = 4.00; spend 60.
//   Bo: only the week before, 300 streams = 1.20.   Cy: spend 20 this week, no streams.   Untagged google spend this week: 10.
const STREAMS = [
  'date,artist,track_id,platform,streams',
  '2026-11-15,Ana,T1,spotify,1000', '2026-11-16,Ana,T1,spotify,1500', '2026-11-22,Ana,T1,spotify,500', '2026-11-23,Ana,T1,spotify,9999',
  '2026-11-10,Bo,T2,spotify,300',
];
const SPEND = [
  'date,channel,campaign,artist,amount,currency',
  '2026-11-15,meta,c,Ana,60,USD', '2026-11-16,meta,c,Ana,100,USD', '2026-11-22,tiktok,c,Ana,40,EUR', '2026-11-17,meta,c,Cy,20,USD', '2026-11-20,google,c,,10,USD',
];

describe('weekly_artist_stats', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('weekly', { now: () => NOW }));
    await database.prisma.organization.update({ where: { id: org.id }, data: { timeZone: 'Pacific/Auckland' } });
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-11-01'), base: 'EUR', quote: 'USD', rate: 1.25 } });
    await callOk(runner, org, 'set_stream_rates', { rates: [{ platform: 'spotify', rate_per_stream: 0.004, currency: 'USD' }] });
    await callOk(runner, org, 'import_streams', { files: [csvFile('streams.csv', STREAMS)] });
    await callOk(runner, org, 'import_spend', { files: [csvFile('spend.csv', SPEND)] });
  });
  afterAll(async () => { await database.close(); });

  it('defaults to the last complete Monday-Sunday week in the organisation\'s time zone, with week-over-week changes', async () => {
    const output = await callOk<{ artists: Array<Record<string, unknown>> }>(runner, org, 'weekly_artist_stats', {});
    expect(output).toMatchObject({ week_start: '2026-11-16', week_end: '2026-11-22', currency: 'USD', spend_without_artist: 10, artists_not_shown: 0 });
    expect(output.artists).toEqual([
      {
        artist: 'Ana', streams: 2000, listeners: null, spend: 150, estimated_earnings: 8, currency: 'USD',
        previous_week: { streams: 1000, spend: 60, estimated_earnings: 4, currency: 'USD' },
        week_over_week: { streams: 1000, streams_percent: 100, spend: 90, estimated_earnings: 4, estimated_earnings_percent: 100, currency: 'USD' },
      },
      {
        artist: 'Bo', streams: 0, listeners: null, spend: 0, estimated_earnings: 0, currency: 'USD',
        previous_week: { streams: 300, spend: 0, estimated_earnings: 1.2, currency: 'USD' },
        week_over_week: { streams: -300, streams_percent: -100, spend: 0, estimated_earnings: -1.2, estimated_earnings_percent: -100, currency: 'USD' },
      },
      {
        artist: 'Cy', streams: 0, listeners: null, spend: 20, estimated_earnings: 0, currency: 'USD',
        previous_week: { streams: 0, spend: 0, estimated_earnings: 0, currency: 'USD' },
        week_over_week: { streams: 0, streams_percent: null, spend: 20, estimated_earnings: 0, estimated_earnings_percent: null, currency: 'USD' },
      },
    ]);
  });

  it('takes any day of a week; a Monday starts the next one', async () => {
    const sunday = await callOk(runner, org, 'weekly_artist_stats', { week: '2026-11-22', artist: 'ana' });
    expect(sunday).toMatchObject({ week_start: '2026-11-16', artists: [{ artist: 'Ana', streams: 2000 }] });
    const monday = await callOk(runner, org, 'weekly_artist_stats', { week: '2026-11-23', artist: 'Ana' });
    expect(monday).toMatchObject({ week_start: '2026-11-23', week_end: '2026-11-29', artists: [{ streams: 9999, previous_week: { streams: 2000 } }] });
  });

  it('the weekly job stores the same computation, refreshing rather than duplicating', async () => {
    const scoped = scopeToOrganization(database.prisma, org.id, { write: true, approvals: false, access: false }) as unknown as ToolDb;
    const week = weekOf(new Date('2026-11-16'));
    const stats = await computeWeeklyArtistStats(scoped, { id: org.id, baseCurrency: 'USD', timeZone: 'Pacific/Auckland' }, week);
    expect(await storeWeeklyArtistStats(scoped, org.id, stats, NOW)).toBe(2); // Ana and Cy; Bo had nothing this week
    expect(await storeWeeklyArtistStats(scoped, org.id, stats, NOW)).toBe(2);
    const rows = await database.prisma.weeklyArtistStats.findMany({ where: { organizationId: org.id }, orderBy: { artist: 'asc' } });
    expect(rows.map((row) => [row.artist, row.weekStart.toISOString().slice(0, 10), Number(row.streams), row.spend.toString(), row.revenue.toString(), row.currency])).toEqual([
      ['Ana', '2026-11-16', 2000, '150', '8', 'USD'],
      ['Cy', '2026-11-16', 0, '20', '0', 'USD'],
    ]);
  });
});
