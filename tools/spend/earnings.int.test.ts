import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { callFails, callOk, csvFile } from './testing/tool-calls.ts';

// Hand-computed fixture (base currency USD):
//   rates: spotify 0.004 USD; apple_music 0.008 EUR = 0.01 USD at EUR->USD 1.25
//   Ana T1 spotify: Sep 1 1000, Sep 15 2000, Sep 30 500, Oct 1 700; apple_music: Sep 10 300
//   Bo  T2 spotify: Sep 5 10000; youtube: Sep 5 50 (youtube has no rate)
const STREAMS = [
  'date,artist,track_id,platform,streams',
  '2026-09-01,Ana,T1,spotify,1000', '2026-09-15,Ana,T1,spotify,2000', '2026-09-30,Ana,T1,spotify,500', '2026-10-01,Ana,T1,spotify,700',
  '2026-09-10,Ana,T1,apple_music,300',
  '2026-09-05,Bo,T2,spotify,10000', '2026-09-05,Bo,T2,youtube,50',
];
const PAYOUTS = [
  'period_start,period_end,artist,platform,amount,currency',
  '2026-09-01,2026-09-30,Ana,spotify,12.60,USD', // estimated 3500 x 0.004 = 14.00 -> -1.40, -10%
  '2026-09-01,2026-09-30,Bo,spotify,46.00,USD', // estimated 10000 x 0.004 = 40.00 -> +6.00, +15%
  '2026-09-01,2026-09-30,Ana,apple_music,2.40,EUR', // 3.00 USD paid vs 300 x 0.01 = 3.00 -> 0
  '2026-09-16,2026-10-15,Ana,spotify,5.00,USD', // streams on its own period: 500 + 700 = 1200 x 0.004 = 4.80 -> +0.20, +4.17%, 2 of 30 days
  '2026-09-01,2026-09-30,Bo,deezer,1.00,USD', // no streams: estimated 0 -> +1.00, variance null
];

type Row = Record<string, unknown>;

describe('stream rates, estimated_earnings and reconcile_payouts', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('earnings'));
    await callOk(runner, org, 'import_streams', { files: [csvFile('streams.csv', STREAMS)] });
    await callOk(runner, org, 'import_payouts', { files: [csvFile('payouts.csv', PAYOUTS)] });
  });
  afterAll(async () => { await database.close(); });

  it('without rates, estimates name every platform that has streams but no rate', async () => {
    const error = await callFails(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-09-30' } });
    expect(error).toMatchObject({ code: 'unavailable', message: 'No per-stream rate for platforms apple_music, spotify, youtube, which have streams; set them with set_stream_rates.' });
  });

  it('set_stream_rates upserts per normalised platform and returns the previous value', async () => {
    const first = await callOk<{ rates: Row[] }>(runner, org, 'set_stream_rates', { rates: [{ platform: 'Spotify', rate_per_stream: 0.003, currency: 'usd' }] });
    expect(first.rates).toEqual([{ platform: 'spotify', rate_per_stream: 0.003, currency: 'USD', previous: null }]);
    const second = await callOk<{ rates: Row[] }>(runner, org, 'set_stream_rates', {
      rates: [{ platform: 'spotify', rate_per_stream: 0.004, currency: 'USD' }, { platform: 'Apple Music', rate_per_stream: 0.008, currency: 'EUR' }],
    });
    expect(second.rates).toEqual([
      { platform: 'spotify', rate_per_stream: 0.004, currency: 'USD', previous: { rate_per_stream: 0.003, currency: 'USD' } },
      { platform: 'apple_music', rate_per_stream: 0.008, currency: 'EUR', previous: null },
    ]);
    expect(await callOk(runner, org, 'list_stream_rates', {})).toEqual({
      rates: [{ platform: 'apple_music', rate_per_stream: 0.008, currency: 'EUR' }, { platform: 'spotify', rate_per_stream: 0.004, currency: 'USD' }],
    });
  });

  it('set_stream_rates refuses zero, negative and repeated platforms, naming the field', async () => {
    const zero = await callFails(runner, org, 'set_stream_rates', { rates: [{ platform: 'spotify', rate_per_stream: 0, currency: 'USD' }] });
    expect(zero.issues).toEqual([{ path: 'rates[0].rate_per_stream', message: expect.any(String) }]);
    const repeated = await callFails(runner, org, 'set_stream_rates', {
      rates: [{ platform: 'spotify', rate_per_stream: 0.1, currency: 'USD' }, { platform: 'SPOTIFY', rate_per_stream: 0.2, currency: 'USD' }],
    });
    expect(repeated).toMatchObject({ code: 'invalid_input', issues: [{ path: 'rates[1].platform', message: 'spotify is already given at rates[0]' }] });
  });

  it('estimates need the FX rate of a foreign-currency stream rate', async () => {
    const error = await callFails(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-09-30' }, platform: 'apple_music' });
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('No exchange rate from EUR to USD on or before 2026-09-30') });
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-09-01'), base: 'EUR', quote: 'USD', rate: 1.25 } });
    const apple = await callOk(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-09-30' }, platform: 'Apple Music' });
    expect(apple).toMatchObject({ currency: 'USD', rows: [{ artist: 'Ana', platform: 'apple_music', streams: 300, rate_per_stream: 0.01, amount: 3, currency: 'USD' }] });
  });

  it('estimated earnings = streams x rate per artist and platform, largest first, with totals', async () => {
    const output = await callOk(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-09-30' }, platform: 'spotify' });
    expect(output).toEqual({
      period: { from: '2026-09-01', to: '2026-09-30' },
      currency: 'USD',
      rows: [
        { artist: 'Bo', platform: 'spotify', streams: 10000, rate_per_stream: 0.004, amount: 40, currency: 'USD' },
        { artist: 'Ana', platform: 'spotify', streams: 3500, rate_per_stream: 0.004, amount: 14, currency: 'USD' },
      ],
      rows_not_shown: 0,
      totals: { streams: 13500, amount: 54, currency: 'USD' },
    });
    const ana = await callOk(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-10-31' }, artist: 'ana', limit: 1 });
    expect(ana).toMatchObject({ rows: [{ platform: 'spotify', streams: 4200, amount: 16.8 }], rows_not_shown: 1, totals: { streams: 4500, amount: 19.8 } });
    const youtube = await callFails(runner, org, 'estimated_earnings', { period: { from: '2026-09-01', to: '2026-09-30' }, artist: 'Bo' });
    expect(youtube.message).toBe('No per-stream rate for platform youtube, which has streams; set it with set_stream_rates.');
  });

  it('rejects a period that ends before it starts', async () => {
    const error = await callFails(runner, org, 'estimated_earnings', { period: { from: '2026-10-01', to: '2026-09-01' } });
    expect(error.issues).toEqual([{ path: 'period.to', message: 'from must be on or before to' }]);
  });

  it('reconciles each payout over its own period, largest gap first, with variance % and totals', async () => {
    const output = await callOk<{ rows: Row[]; totals: Row }>(runner, org, 'reconcile_payouts', { period: { from: '2026-09-01', to: '2026-09-30' } });
    expect(output.rows.map((row) => [row.artist, row.platform, row.period_start, row.streams, row.estimated, row.actual, row.difference, row.variance_percent])).toEqual([
      ['Bo', 'spotify', '2026-09-01', 10000, 40, 46, 6, 15],
      ['Ana', 'spotify', '2026-09-01', 3500, 14, 12.6, -1.4, -10],
      ['Bo', 'deezer', '2026-09-01', 0, 0, 1, 1, null],
      ['Ana', 'spotify', '2026-09-16', 1200, 4.8, 5, 0.2, 4.17],
      ['Ana', 'apple_music', '2026-09-01', 300, 3, 3, 0, 0],
    ]);
    expect(output.rows[3]).toMatchObject({ period_end: '2026-10-15', period_days: 30, stream_days: 2, note: "Stream data covers 2 of the period's 30 days: the estimate counts only those days." });
    expect(output.rows[2]).toMatchObject({ note: 'No stream data for this artist and platform in the period: nothing could be estimated.', currency: 'USD' });
    expect(output.rows[4]).toMatchObject({ paid_amount: 2.4, paid_currency: 'EUR', actual: 3, currency: 'USD' });
    expect(output.totals).toEqual({ payouts: 5, streams: 15000, estimated: 61.8, actual: 67.6, difference: 5.8, variance_percent: 9.39, currency: 'USD' });
  });

  it('filters by artist and platform; a later period only catches the overlapping statement', async () => {
    const october = await callOk<{ rows: Row[] }>(runner, org, 'reconcile_payouts', { period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(october.rows.map((row) => row.period_start)).toEqual(['2026-09-16']);
    const bo = await callOk<{ rows: Row[] }>(runner, org, 'reconcile_payouts', { period: { from: '2026-09-01', to: '2026-09-30' }, artist: 'BO', platform: 'Spotify' });
    expect(bo.rows.map((row) => row.difference)).toEqual([6]);
  });
});
