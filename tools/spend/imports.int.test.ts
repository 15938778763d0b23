import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { organizationFingerprint } from '../testing/tenancy-harness.ts';
import { callFails, callOk, csvFile } from './testing/tool-calls.ts';

type ImportOutput = { files_loaded: number; files_rejected: number; rows: number; rows_stored: number; rows_unchanged: number; rows_replaced: number; errors: Array<{ file: string; line: number; reason: string }> };

describe('import_spend, import_streams, import_payouts', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  const run = (tool: string, ...files: Array<{ name: string; content: string }>) => callOk<ImportOutput>(runner, org, tool, { files });

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('spend-imports'));
  });
  afterAll(async () => { await database.close(); });

  it('stores spend, normalising channels; the same file again changes nothing', async () => {
    const spend = csvFile('spend.csv', [
      'date,channel,campaign,artist,amount,currency,impressions,clicks',
      '2026-10-01,Meta ,autumn-push,Example Artist,120.00,usd,15000,210',
      '2026-10-01,spotify_marquee,autumn-push,Example Artist,300,USD,,',
      '2026-10-02,TikTok,,,45.5,EUR,,',
    ]);
    expect(await run('import_spend', spend)).toMatchObject({ files_loaded: 1, rows: 3, rows_stored: 3, rows_unchanged: 0, rows_replaced: 0, errors: [] });
    const before = await organizationFingerprint(database, org.id);
    expect(await run('import_spend', spend)).toMatchObject({ rows: 3, rows_stored: 0, rows_unchanged: 3, rows_replaced: 0 });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
    const rows = await database.prisma.marketingSpend.findMany({ where: { organizationId: org.id }, orderBy: [{ date: 'asc' }, { channel: 'asc' }] });
    expect(rows.map((row) => [row.channel, row.campaign, row.artist, row.amount.toString(), row.currency, row.impressions, row.clicks])).toEqual([
      ['meta', 'autumn-push', 'Example Artist', '120', 'USD', 15000, 210],
      ['spotify_marquee', 'autumn-push', 'Example Artist', '300', 'USD', null, null],
      ['tiktok', null, null, '45.5', 'EUR', null, null],
    ]);
  });

  it('a corrected spend file replaces the day\'s amount instead of adding to it', async () => {
    const corrected = csvFile('spend-v2.csv', ['date,channel,campaign,artist,amount,currency', '2026-10-01,meta,autumn-push,Example Artist,125.00,USD']);
    expect(await run('import_spend', corrected)).toMatchObject({ rows_stored: 1, rows_replaced: 1, rows_unchanged: 0 });
    const meta = await database.prisma.marketingSpend.findMany({ where: { organizationId: org.id, channel: 'meta' } });
    expect(meta.map((row) => row.amount.toString())).toEqual(['125']);
  });

  it('rejects a file with bad rows whole, naming each line and reason; the other files still load', async () => {
    const bad = csvFile('bad.csv', [
      'date,channel,campaign,artist,amount,currency',
      '2026-10-05,meta,c,A,10,USD',
      '2026-13-01,meta,c,A,10,USD',
      '2026-10-05,google,c,A,-3,USD',
      '2026-10-05,google,c,A,ten,USD',
      '2026-10-05,google,c,A,10,dollars',
      '2026-10-05,META,c,A,11,USD',
    ]);
    const good = csvFile('good.csv', ['date,channel,amount,currency', '2026-10-06,google,7.25,USD']);
    const output = await run('import_spend', bad, good);
    expect(output).toMatchObject({ files_loaded: 1, files_rejected: 1, rows: 1, rows_stored: 1 });
    expect(output.errors).toEqual([
      { file: 'bad.csv', line: 3, reason: 'date "2026-13-01" is not a date (use YYYY-MM-DD)' },
      { file: 'bad.csv', line: 4, reason: 'amount "-3" must be at least 0' },
      { file: 'bad.csv', line: 5, reason: 'amount "ten" is not a number (digits with an optional "." for decimals)' },
      { file: 'bad.csv', line: 6, reason: 'currency "dollars" is not an ISO 4217 currency code (such as USD, EUR or GBP)' },
      { file: 'bad.csv', line: 7, reason: 'repeats line 2 (meta spend on 2026-10-05 for campaign "c" and artist "A"); each one may appear once per file' },
    ]);
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id, date: new Date('2026-10-05') } })).toBe(0);
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id, date: new Date('2026-10-06') } })).toBe(1);
  });

  it('warns, without refusing, when imported spend falls on days a connected ad account also syncs for that channel', async () => {
    // A sync wrote meta's 2026-11-02 and 11-03 (source = the platform); a row entered with record_spend is not a sync.
    await database.prisma.marketingSpend.createMany({
      data: [
        { organizationId: org.id, date: new Date('2026-11-02'), channel: 'meta', campaign: 'Autumn push', amount: 80, currency: 'USD', dedupeKey: 'ads:acct:1:2026-11-02', source: 'meta' },
        { organizationId: org.id, date: new Date('2026-11-03'), channel: 'meta', campaign: 'Autumn push', amount: 70, currency: 'USD', dedupeKey: 'ads:acct:1:2026-11-03', source: 'meta' },
        { organizationId: org.id, date: new Date('2026-11-02'), channel: 'tiktok', amount: 5, currency: 'USD', dedupeKey: 'record:t1', source: 'record' },
      ],
    });
    const overlapping = csvFile('overlap.csv', [
      'date,channel,campaign,amount,currency',
      '2026-11-02,meta,autumn-push,80,USD',
      '2026-11-03,Meta,autumn-push,70,USD',
      '2026-11-04,meta,autumn-push,60,USD',
      '2026-11-02,tiktok,,5,USD',
    ]);
    const warning = 'meta spend on 2 days between 2026-11-02 and 2026-11-03 is also synced from an ad account (meta): reports add both, so those days count twice. Import spend only for channels no account syncs.';
    const dryRun = await callOk<ImportOutput & { warnings: string[] }>(runner, org, 'import_spend', { files: [overlapping], dry_run: true });
    expect(dryRun).toMatchObject({ rows: 4, rows_stored: 0, warnings: [warning] });
    const stored = await callOk<ImportOutput & { warnings: string[] }>(runner, org, 'import_spend', { files: [overlapping] });
    expect(stored).toMatchObject({ rows_stored: 4, errors: [], warnings: [warning] });
    const oneDay = await callOk<ImportOutput & { warnings: string[] }>(runner, org, 'import_spend', { files: [csvFile('one.csv', ['date,channel,amount,currency', '2026-11-03,meta,1,USD'])] });
    expect(oneDay.warnings).toEqual(['meta spend on 2026-11-03 is also synced from an ad account (meta): reports add both, so those days count twice. Import spend only for channels no account syncs.']);
    const elsewhere = await callOk<ImportOutput & { warnings: string[] }>(runner, org, 'import_spend', { files: [csvFile('clean.csv', ['date,channel,amount,currency', '2026-11-05,meta,1,USD'])] });
    expect(elsewhere.warnings).toEqual([]);
  });

  it('reports a missing column on the header line', async () => {
    const output = await run('import_streams', csvFile('s.csv', ['date,artist,platform,streams', '2026-10-01,A,spotify,5']));
    expect(output.errors).toEqual([{ file: 's.csv', line: 1, reason: expect.stringContaining('missing column track_id') }]);
  });

  it('streams: Spotify and spotify are one platform; a re-import is idempotent; a corrected count replaces the stored one', async () => {
    const streams = csvFile('streams.csv', [
      'date,artist,track_id,platform,streams',
      '2026-10-01,Example Artist,T1,Spotify,2031',
      '2026-10-02,Example Artist,T1, spotify ,2210',
      '2026-10-02,Example Artist,T1,Apple Music,80',
    ]);
    expect(await run('import_streams', streams)).toMatchObject({ rows_stored: 3, rows_replaced: 0 });
    expect(await run('import_streams', streams)).toMatchObject({ rows_stored: 0, rows_unchanged: 3, rows_replaced: 0 });
    const corrected = csvFile('streams-fixed.csv', ['date,artist,track_id,platform,streams', '2026-10-02,Example Artist,T1,SPOTIFY,2250', '2026-10-03,Example Artist,T1,spotify,1990']);
    expect(await run('import_streams', corrected)).toMatchObject({ rows: 2, rows_stored: 2, rows_replaced: 1, rows_unchanged: 0 });
    const stored = await database.prisma.streamStat.findMany({ where: { organizationId: org.id }, orderBy: [{ platform: 'asc' }, { date: 'asc' }] });
    expect(stored.map((row) => [row.platform, row.date.toISOString().slice(0, 10), row.streams])).toEqual([
      ['apple_music', '2026-10-02', 80],
      ['spotify', '2026-10-01', 2031],
      ['spotify', '2026-10-02', 2250],
      ['spotify', '2026-10-03', 1990],
    ]);
  });

  it('streams: a duplicate key within a file and a negative count are bad rows', async () => {
    const output = await run('import_streams', csvFile('dup.csv', [
      'date,artist,track_id,platform,streams',
      '2026-11-01,A,T9,spotify,5',
      '2026-11-01,A,T9,Spotify,6',
      '2026-11-02,A,T9,spotify,-1',
      '2026-11-03,A,T9,spotify,1.5',
    ]));
    expect(output.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, 'repeats line 2 (track T9 on spotify on 2026-11-01); each one may appear once per file'],
      [4, 'streams "-1" must be at least 0'],
      [5, 'streams "1.5" is not a whole number'],
    ]);
    expect(await database.prisma.streamStat.count({ where: { organizationId: org.id, trackId: 'T9' } })).toBe(0);
  });

  it('payouts: a corrected statement replaces the amount; an inverted period is a bad row', async () => {
    const payouts = csvFile('payouts.csv', ['period_start,period_end,artist,platform,amount,currency', '2026-09-01,2026-09-30,Example Artist,Spotify,212.40,USD']);
    expect(await run('import_payouts', payouts)).toMatchObject({ rows_stored: 1 });
    expect(await run('import_payouts', payouts)).toMatchObject({ rows_stored: 0, rows_unchanged: 1 });
    const corrected = csvFile('payouts-v2.csv', ['period_start,period_end,artist,platform,amount,currency', '2026-09-01,2026-09-30,Example Artist,spotify,215.00,USD']);
    expect(await run('import_payouts', corrected)).toMatchObject({ rows_stored: 1, rows_replaced: 1 });
    const stored = await database.prisma.actualPayout.findMany({ where: { organizationId: org.id } });
    expect(stored.map((row) => [row.platform, row.amount.toString()])).toEqual([['spotify', '215']]);
    const inverted = await run('import_payouts', csvFile('inv.csv', ['period_start,period_end,artist,platform,amount,currency', '2026-10-31,2026-10-01,A,spotify,1,USD']));
    expect(inverted.errors).toEqual([{ file: 'inv.csv', line: 2, reason: 'period_end 2026-10-01 is before period_start 2026-10-31' }]);
  });

  it('a dry run checks everything and stores nothing', async () => {
    const before = await organizationFingerprint(database, org.id);
    const output = await callOk<ImportOutput>(runner, org, 'import_streams', { files: [csvFile('d.csv', ['date,artist,track_id,platform,streams', '2026-12-01,A,T2,spotify,5'])], dry_run: true });
    expect(output).toMatchObject({ rows: 1, rows_stored: 0, files_loaded: 1 });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('refuses a viewer', async () => {
    const result = await runner.call('import_spend', { files: [csvFile('x.csv', ['date,channel,amount,currency', '2026-10-01,meta,1,USD'])] }, org.as('VIEWER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await callFails(runner, org, 'import_spend', { files: [] })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'files' }] });
  });
});
