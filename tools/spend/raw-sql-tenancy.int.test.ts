import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { callOk, csvFile } from './testing/tool-calls.ts';

/** The spend tools read and write with raw SQL, which the tenant scope does not cover: each query filters by organisation itself. */
describe('spend tools never see another organisation\'s rows', () => {
  let database: Database;
  let runner: ToolRunner;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  const period = { from: '2026-09-01', to: '2026-10-31' };

  beforeAll(async () => {
    ({ database, runner, org: orgA } = await openToolTestWorld('raw-a', { now: () => new Date('2026-10-12T10:00:00Z') }));
    orgB = await createTestOrganization(database, 'raw-b');
    // 100 streams a day, Sep 1-30: 3000 streams = 12.00 at 0.004.
    const streams = ['date,artist,track_id,platform,streams', ...Array.from({ length: 30 }, (_, day) => `2026-09-${String(day + 1).padStart(2, '0')},Ana,T1,spotify,100`)];
    for (const org of [orgA, orgB]) await callOk(runner, org, 'set_stream_rates', { rates: [{ platform: 'spotify', rate_per_stream: 0.004, currency: 'USD' }] });
    await callOk(runner, orgB, 'import_streams', { files: [csvFile('b.csv', streams)] });
    await callOk(runner, orgB, 'import_payouts', { files: [csvFile('p.csv', ['period_start,period_end,artist,platform,amount,currency', '2026-09-01,2026-09-30,Ana,spotify,10,USD'])] });
    await callOk(runner, orgB, 'import_spend', { files: [csvFile('s.csv', ['date,channel,campaign,artist,amount,currency', '2026-09-02,meta,c,Ana,50,USD'])] });
  });
  afterAll(async () => { await database.close(); });

  it('A\'s reports are empty while B has data, and the same keys import into A as new rows', async () => {
    expect(await callOk(runner, orgA, 'estimated_earnings', { period })).toMatchObject({ rows: [], totals: { streams: 0 } });
    expect(await callOk(runner, orgA, 'reconcile_payouts', { period })).toMatchObject({ rows: [], totals: { payouts: 0 } });
    expect(await callOk(runner, orgA, 'weekly_artist_stats', { week: '2026-09-07' })).toMatchObject({ artists: [], spend_without_artist: 0 });
    expect(await callOk(runner, orgA, 'campaign_lift', { artist: 'Ana', track_id: 'T1', start: '2026-10-01' })).toMatchObject({ platforms: [], total: { cost: 0 } });
    expect(await callOk(runner, orgB, 'estimated_earnings', { period })).toMatchObject({ totals: { streams: 3000, amount: 12 } });
    const intoA = await callOk(runner, orgA, 'import_payouts', { files: [csvFile('p.csv', ['period_start,period_end,artist,platform,amount,currency', '2026-09-01,2026-09-30,Ana,spotify,99,USD'])] });
    expect(intoA).toMatchObject({ rows_stored: 1, rows_replaced: 0 });
    const payoutsOfB = await database.prisma.actualPayout.findMany({ where: { organizationId: orgB.id } });
    expect(payoutsOfB.map((payout) => payout.amount.toString())).toEqual(['10']);
  });
});
