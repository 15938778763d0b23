import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { planRecord } from '../plans/plan-math.ts';
import { allocateBudget } from './allocate-budget.ts';

/**
 * Cheap Co (1.00 per 1k promised) and Steady (2.00), booked through create_campaign on 2026-11-01,
 * so each placement's order is its plan: 10,000 streams at 1,000 a day (10 days). As of 2026-11-20
 * every plan expects its full 10,000. Cheap Co delivered 6,000 and 6,200 (61% of 20,000 planned);
 * Steady 10,000 of 10,000.
 *
 * Without plans, Cheap Co ranks first. Worked by hand (vendor-estimates.ts): the organisation
 * delivered 22,200 of 30,000 promised (0.74), 1 of 3 placements reliably (33.3), 10,000 per promise;
 * three pseudo-placements add 30,000 promised and 22,200 delivered at each vendor's own price.
 *   Cheap Co: (40 + 30) / (34,400 / 1000) = 2.03 per 1k; reliability (0 + 1) / 5 = 20 -> x 1/0.7336 -> 2.77
 *   Steady:   (20 + 60) / (32,200 / 1000) = 2.48 per 1k; reliability (1 + 1) / 4 = 50 -> x 1/0.8335 -> 2.98
 * With its plans (61% < 80%, over 2 plans) Cheap Co ranks after Steady, though still cheaper.
 */
describe('vendors that under-deliver their plans rank lower', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  const vendors = { cheap: '', steady: '' };
  let campaignId = '';

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('learning', { now: () => new Date('2026-11-20T12:00:00Z') }));
    const prisma = database.prisma;
    const vendor = async (name: string, cost: number, spotifyPlaylistId: string) => {
      const created = await prisma.vendor.create({ data: { organizationId: org.id, name, costPer1kStreams: cost } });
      await prisma.playlist.create({ data: { organizationId: org.id, vendorId: created.id, name: `${name} List`, spotifyPlaylistId, avgDailyStreams: 100 } });
      return created.id;
    };
    vendors.cheap = await vendor('Cheap Co', 1, '37i9dQZF1DXlearning001');
    vendors.steady = await vendor('Steady', 2, '37i9dQZF1DXlearning002');
    const client = await prisma.client.create({ data: { organizationId: org.id, name: 'Learning Mgmt' } });
    const tracks = ['1aB2cD3eF4gH5iJ6kL7mN8', '9zY8xW7vU6tS5rQ4pO3nM2', '4uLU6hMCjMI75M1A2tKUQC'];
    const song = (track: string, vendorId: string) => ({ track_url: `https://open.spotify.com/track/${track}`, vendor_id: vendorId, goal: 10_000, daily: 1_000, price: 20 });
    const created = await runner.call('create_campaign', {
      client_id: client.id, name: 'Learning', artist_name: 'Nova Lane', start_date: '2026-11-01',
      songs: [song(tracks[0]!, vendors.cheap), song(tracks[1]!, vendors.cheap), song(tracks[2]!, vendors.steady)],
    }, org.as('OWNER'));
    campaignId = (created as { output: { id: string } }).output.id;
    const delivered: Array<[string, string, string, number]> = [
      [tracks[0]!, '37i9dQZF1DXlearning001', 'Cheap Co List', 6_000],
      [tracks[1]!, '37i9dQZF1DXlearning001', 'Cheap Co List', 6_200],
      [tracks[2]!, '37i9dQZF1DXlearning002', 'Steady List', 10_000],
    ];
    for (const [track, spotifyPlaylistId, name, streams] of delivered) {
      const scrapedAt = new Date('2026-11-19T03:00:00Z');
      const snapshot = await prisma.scrapeSnapshot.create({ data: { organizationId: org.id, spotifyTrackId: track, scrapedAt, plays7d: 0, plays28d: 0, plays12m: 0 } });
      await prisma.campaignPlaylist.create({
        data: { organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: track, scrapedAt, spotifyPlaylistId, name, curator: 'Vendor', streams7d: 0, streams28d: 0, streams12m: streams },
      });
    }
  });
  afterAll(async () => { await database.close(); });

  type Ranked = { vendor_id: string; rank: number; expected_real_cost_per_1k: number; planned_delivery_rate: number | null; plans: number; reason: string };
  const ranking = async () => {
    const result = await runner.call('recommend_vendors', { goal_streams: 1_000, budget: 100 }, org.as('ANALYST'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return (result.output as { ranked: Ranked[] }).ranked;
  };
  const plan = async () => {
    const result = await runner.call('plan_budget_allocation', { budget: 100, goal_streams: 1_000, days: 30 }, org.as('ANALYST'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.output as { allocations: Array<{ vendor_id: string; expected_streams: number; price: number; planned_delivery_rate: number | null }>; notes: string[] };
  };

  it('ranks the cheaper vendor after the one that keeps its plans, quoting the evidence', async () => {
    const ranked = await ranking();
    expect(ranked.map((row) => [row.vendor_id, row.rank, row.expected_real_cost_per_1k, row.planned_delivery_rate, row.plans])).toEqual([
      [vendors.steady, 1, 2.48, 1, 1],
      [vendors.cheap, 2, 2.03, 0.61, 2],
    ]);
    expect(ranked[1]!.reason).toContain('delivered 61% of planned streams over 2 plans, below 80%: ranked after the vendors that keep their plans');
    expect(ranked[0]!.reason).toContain('delivered 100% of planned streams over 1 plan');
  });

  it('plans the budget on the vendor that keeps its plans first', async () => {
    const output = await plan();
    // 1,000 streams at Steady's 2.484472 per 1k.
    expect(output.allocations).toEqual([expect.objectContaining({ vendor_id: vendors.steady, expected_streams: 1_000, price: 2.48, planned_delivery_rate: 1 })]);
    expect(output.notes).toContain('Cheap Co delivered 61% of planned streams over 2 plans: used only after the vendors that keep their plans.');
  });

  it('warns the approver of a new booking with that vendor', async () => {
    const requested = await runner.call('commit_allocation', {
      campaign_id: campaignId, track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
      allocations: [{ vendor_id: vendors.cheap, goal: 5_000, daily: 500, price: 5 }, { vendor_id: vendors.steady, goal: 5_000, daily: 500, price: 10 }],
    }, org.as('OWNER'));
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: (requested as { output: { approval_id: string } }).output.approval_id } });
    expect((request.summary as { warnings: string[] }).warnings).toEqual(['Cheap Co delivered 61% of planned streams over 2 plans.']);
  });

  it('without those plans the cheaper vendor ranks first again', async () => {
    await database.prisma.allocationPlanLine.deleteMany({ where: { organizationId: org.id, vendorId: vendors.cheap } });
    const ranked = await ranking();
    expect(ranked.map((row) => [row.vendor_id, row.planned_delivery_rate])).toEqual([[vendors.cheap, null], [vendors.steady, 1]]);
    // 1,000 streams at Cheap Co's 2.034884 per 1k.
    expect((await plan()).allocations).toEqual([expect.objectContaining({ vendor_id: vendors.cheap, price: 2.03 })]);
  });

  it('needs two plans and a rate under 80% before a shortfall counts', () => {
    expect(planRecord([{ expectedToDate: 10_000, delivered: 1_000 }])).toMatchObject({ plans: 1, underDelivers: false });
    expect(planRecord([{ expectedToDate: 10_000, delivered: 8_000 }, { expectedToDate: 10_000, delivered: 8_000 }])).toMatchObject({ deliveryRate: 0.8, underDelivers: false });
    expect(planRecord([{ expectedToDate: 10_000, delivered: 7_999 }, { expectedToDate: 10_000, delivered: 8_000 }, { expectedToDate: 0, delivered: 500 }]))
      .toMatchObject({ plans: 2, delivered: 15_999, underDelivers: true });
  });

  it('fills a later tier only once the earlier one is full, whatever its cost', () => {
    const split = allocateBudget([{ vendorId: 'short', costPer1k: 1, capacity: 10_000, tier: 1 }, { vendorId: 'kept', costPer1k: 4, capacity: 2_000 }], 100, 5_000);
    // kept: 2,000 streams for 8; short: the other 3,000 for 3.
    expect(split).toEqual([{ vendorId: 'kept', streams: 2_000, cost: 8 }, { vendorId: 'short', streams: 3_000, cost: 3 }]);
  });
});
