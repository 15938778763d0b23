import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { callFails, callOk } from './testing/tool-calls.ts';

// Yesterday in the organisation (UTC) is 2026-10-11, the default as_of.
const NOW = new Date('2026-10-12T10:00:00Z');
const T1 = 'LiftTrackOne'.padEnd(22, '1');
const T2 = 'LiftTrackTwo'.padEnd(22, '2');

/** `streams` a day on `count` days from `from`. */
function daily(trackId: string, platform: string, from: string, count: number, streams: number) {
  return Array.from({ length: count }, (_, index) => ({ date: new Date(Date.parse(from) + index * 86_400_000), trackId, platform, streams, artist: 'Ana' }));
}

// Hand-computed:
//   T1 spotify: 100/day Sep 3-30 (baseline 100/day), 250/day Oct 1-11.
//     Campaign Oct 1-10: lift 150 x 10 days = 1500 streams x 0.004 = 6.00; cost 200 USD + 100 EUR x 1.1 = 310;
//     cost per incremental stream 310 / 1500 = 0.2067; ROI (6 - 310) / 310 = -0.9806.
//   T1 apple_music: from Sep 20 only -> not enough baseline.
//   T2 spotify: from Sep 25 only -> not enough baseline.
describe('campaign_lift', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let campaignId: string;
  let emptyCampaignId: string;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('lift', { now: () => NOW }));
    const organizationId = org.id;
    await database.prisma.streamStat.createMany({
      data: [
        ...daily(T1, 'spotify', '2026-09-03', 28, 100), ...daily(T1, 'spotify', '2026-10-01', 11, 250),
        ...daily(T1, 'apple_music', '2026-09-20', 22, 50),
        ...daily(T2, 'spotify', '2026-09-25', 17, 80),
      ].map((row) => ({ ...row, organizationId })),
    });
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-09-01'), base: 'EUR', quote: 'USD', rate: 1.1 } });
    await callOk(runner, org, 'set_stream_rates', { rates: [{ platform: 'spotify', rate_per_stream: 0.004, currency: 'USD' }] });
    const client = await database.prisma.client.create({ data: { organizationId, name: 'Label' } });
    const vendor = await database.prisma.vendor.create({ data: { organizationId, name: 'Club Restricted', costPer1kStreams: 2 } });
    const campaign = await database.prisma.campaignGroup.create({
      data: { organizationId, clientId: client.id, name: 'Autumn push', artistName: 'Ana', startDate: new Date('2026-10-01'), endDate: new Date('2026-10-10') },
    });
    campaignId = campaign.id;
    const placement = { organizationId, campaignGroupId: campaign.id, vendorId: vendor.id, trackUrl: `https://open.spotify.com/track/${T1}`, spotifyTrackId: T1, goal: 10_000, daily: 500, startDate: new Date('2026-10-01') };
    await database.prisma.placement.createMany({ data: [{ ...placement, price: 200, currency: 'USD' }, { ...placement, price: 100, currency: 'EUR' }] });
    emptyCampaignId = (await database.prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name: 'Empty', artistName: 'Ana', startDate: new Date('2026-10-01') } })).id;
    await database.prisma.marketingSpend.createMany({
      data: [
        { organizationId, date: new Date('2026-10-02'), channel: 'meta', artist: 'Ana', amount: 50, currency: 'USD', dedupeKey: 'a' },
        { organizationId, date: new Date('2026-09-30'), channel: 'meta', artist: 'Ana', amount: 999, currency: 'USD', dedupeKey: 'b' },
        { organizationId, date: new Date('2026-10-02'), channel: 'meta', artist: 'Bo', amount: 999, currency: 'USD', dedupeKey: 'c' },
      ],
    });
  });
  afterAll(async () => { await database.close(); });

  it('a playlist campaign: lift per platform, cost from its placements (FX-converted), ROI; says which platform lacks a baseline', async () => {
    const output = await callOk<{ platforms: Array<Record<string, unknown>>; total: Record<string, unknown> }>(runner, org, 'campaign_lift', { campaign_id: campaignId });
    expect(output).toMatchObject({ campaign_id: campaignId, campaign_name: 'Autumn push', artist: 'Ana', track_ids: [T1], start: '2026-10-01', end: '2026-10-10', currency: 'USD' });
    expect(output.platforms).toEqual([
      {
        platform: 'apple_music', enough_baseline: false, baseline_from: '2026-09-03', baseline_to: '2026-09-30', baseline_daily_streams: null,
        measured_through: '2026-10-10', campaign_days: 10, campaign_daily_streams: 50, lift_daily_streams: null, incremental_streams: null,
        rate_per_stream: null, incremental_revenue: null, currency: 'USD',
        note: `Not enough baseline data: the 28 days before the start (2026-09-03..2026-09-30) must all be covered, but ${T1}'s stream data begins 2026-09-20.`,
      },
      {
        platform: 'spotify', enough_baseline: true, baseline_from: '2026-09-03', baseline_to: '2026-09-30', baseline_daily_streams: 100,
        measured_through: '2026-10-10', campaign_days: 10, campaign_daily_streams: 250, lift_daily_streams: 150, incremental_streams: 1500,
        rate_per_stream: 0.004, incremental_revenue: 6, currency: 'USD', note: null,
      },
    ]);
    expect(output.total).toEqual({
      incremental_streams: 1500, incremental_revenue: 6, cost: 310, cost_basis: 'placements', cost_description: "Sum of the prices of the campaign's 2 placements.",
      cost_per_incremental_stream: 0.2067, roi: -0.9806, currency: 'USD', note: 'Totals leave out apple_music (see each platform\'s note).',
    });
  });

  it('an artist\'s track between dates: runs to as_of (yesterday) by default, cost from the artist\'s spend in the window', async () => {
    // 11 days (Oct 1-11) x 150 = 1650 streams = 6.60; Ana's spend Oct 1-11 = 50 -> 50 / 1650 = 0.0303; ROI (6.6 - 50) / 50 = -0.868.
    const output = await callOk(runner, org, 'campaign_lift', { artist: 'ana', track_id: T1, start: '2026-10-01', platform: 'Spotify' });
    expect(output).toMatchObject({
      campaign_id: null, end: '2026-10-11',
      platforms: [{ platform: 'spotify', campaign_days: 11, incremental_streams: 1650, incremental_revenue: 6.6 }],
      total: { incremental_streams: 1650, incremental_revenue: 6.6, cost: 50, cost_basis: 'marketing_spend', cost_per_incremental_stream: 0.0303, roi: -0.868, note: null },
    });
    const given = await callOk(runner, org, 'campaign_lift', { artist: 'Ana', track_id: T1, start: '2026-10-01', end: '2026-10-05', platform: 'spotify', cost: { amount: 5, currency: 'EUR' } });
    // 5 days x 150 = 750 streams = 3.00; cost 5 EUR = 5.50 USD -> ROI (3 - 5.5) / 5.5 = -0.4545.
    expect(given).toMatchObject({ end: '2026-10-05', total: { incremental_streams: 750, incremental_revenue: 3, cost: 5.5, cost_basis: 'input', roi: -0.4545 } });
  });

  it('states clearly when the baseline is too short, giving no lift', async () => {
    const output = await callOk(runner, org, 'campaign_lift', { artist: 'Ana', track_id: T2, start: '2026-10-01', end: '2026-10-10' });
    expect(output).toMatchObject({
      platforms: [{ platform: 'spotify', enough_baseline: false, lift_daily_streams: null, incremental_streams: null, note: expect.stringContaining(`${T2}'s stream data begins 2026-09-25`) }],
      total: { incremental_streams: null, incremental_revenue: null, cost_per_incremental_stream: null, roi: null, note: 'No platform has a measurable lift (see each platform\'s note).' },
    });
  });

  it('names what is wrong with the request', async () => {
    expect(await callFails(runner, org, 'campaign_lift', { campaign_id: campaignId, artist: 'Ana' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'artist' }] });
    expect(await callFails(runner, org, 'campaign_lift', { artist: 'Ana', track_id: T1 })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'start' }] });
    expect(await callFails(runner, org, 'campaign_lift', {})).toMatchObject({ code: 'invalid_input', issues: [{ path: 'track_id' }] });
    expect(await callFails(runner, org, 'campaign_lift', { artist: 'Ana', track_id: T1, start: '2026-10-05', end: '2026-10-01' })).toMatchObject({ issues: [{ path: 'end' }] });
    expect(await callFails(runner, org, 'campaign_lift', { campaign_id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ code: 'not_found' });
    expect(await callFails(runner, org, 'campaign_lift', { campaign_id: emptyCampaignId })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'campaign_id' }] });
  });
});
