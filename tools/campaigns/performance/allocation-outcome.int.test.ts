import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { keepPlanLines } from '../plans/keep-plan-lines.ts';

/**
 * One approved plan, two vendors, scrapes on 2026-11-05 and 2026-11-15. Worked by hand:
 *
 * Pulse: goal 10,000 at 1,000/day (10 days), 40 USD, plan expects 8,000 -> 800 a day.
 * Echo:  goal 6,000 at 500/day (12 days), 36 USD, no expected_streams -> the goal, 500 a day.
 *
 * as of 11-05 (4 days): Pulse expects 3,200, delivered 2,000 -> 0.625, real 40 / 2.0 = 20.00 per 1k;
 *   Echo expects 2,000, delivered 2,500 -> 1.25, real 36 / 2.5 = 14.40; totals 4,500 / 5,200 = 0.8654,
 *   real 76 / 4.5 = 16.89; expected cost per 1k 40 / 8 = 5.00, 36 / 6 = 6.00, 76 / 14 = 5.43.
 * as of 11-15 (14 days, both plans complete): Pulse expects 8,000, delivered 6,100 -> 0.7625, 6.56 per 1k;
 *   Echo 6,000, delivered 4,800 -> 0.8, 7.50; totals 10,900 / 14,000 = 0.7786, 76 / 10.9 = 6.97.
 */
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

describe('allocation_outcome', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let campaignId: string;
  let approvalId: string;
  const vendors = { pulse: '', echo: '' };

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('outcome', { now: () => new Date('2026-11-01T12:00:00Z') }));
    const prisma = database.prisma;
    const vendor = async (name: string, playlist: string, spotifyPlaylistId: string) => {
      const created = await prisma.vendor.create({ data: { organizationId: org.id, name, costPer1kStreams: 4 } });
      await prisma.playlist.create({ data: { organizationId: org.id, vendorId: created.id, name: playlist, spotifyPlaylistId } });
      return created.id;
    };
    vendors.pulse = await vendor('Pulse', 'Pulse Dance', '37i9dQZF1DXoutcome0001');
    vendors.echo = await vendor('Echo', 'Echo Chill', '37i9dQZF1DXoutcome0002');
    const client = await prisma.client.create({ data: { organizationId: org.id, name: 'Outcome Mgmt' } });
    campaignId = (await prisma.campaignGroup.create({
      data: { organizationId: org.id, clientId: client.id, name: 'Plan test', artistName: 'Vera Hale', startDate: new Date('2026-11-01') },
    })).id;
    const requester = await org.member('cm@outcome.test', 'CAMPAIGN_MANAGER');
    const approver = await org.member('boss@outcome.test', 'MANAGER', 'WEB');
    const requested = await runner.call('commit_allocation', {
      campaign_id: campaignId, track_url: `https://open.spotify.com/track/${TRACK}`, start_date: '2026-11-01',
      allocations: [
        { vendor_id: vendors.pulse, goal: 10_000, daily: 1_000, price: 40, expected_streams: 8_000 },
        { vendor_id: vendors.echo, goal: 6_000, daily: 500, price: 36 },
      ],
    }, requester);
    approvalId = (requested as { output: { approval_id: string } }).output.approval_id;
    await runner.call('decide_approval', { approval_id: approvalId, decision: 'approve' }, approver);
    await jobs.drain();
    const scrape = async (at: string, pulse: number, echo: number) => {
      const snapshot = await prisma.scrapeSnapshot.create({ data: { organizationId: org.id, spotifyTrackId: TRACK, scrapedAt: new Date(at), plays7d: 0, plays28d: 0, plays12m: 0 } });
      await prisma.campaignPlaylist.createMany({
        data: [['37i9dQZF1DXoutcome0001', 'Pulse Dance', pulse], ['37i9dQZF1DXoutcome0002', 'Echo Chill', echo]].map(([id, name, streams]) => ({
          organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: TRACK, scrapedAt: new Date(at), spotifyPlaylistId: id as string, name: name as string,
          curator: 'Vendor', streams7d: 0, streams28d: 0, streams12m: streams as number,
        })),
      });
    };
    await scrape('2026-11-05T03:00:00Z', 2_000, 2_500);
    await scrape('2026-11-15T03:00:00Z', 6_100, 4_800);
  });
  afterAll(async () => { await database.close(); });

  const outcome = async (input: Record<string, unknown>) => {
    const result = await runner.call('allocation_outcome', input, org.as('ANALYST'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.output as { vendors: Array<Record<string, unknown>>; totals: Record<string, unknown>; notes: string[]; approval: unknown; campaign: unknown };
  };

  it('keeps one plan line per placement of the executed approval, with the plan\'s expectation', async () => {
    const lines = await database.prisma.allocationPlanLine.findMany({ where: { organizationId: org.id }, orderBy: { expectedStreams: 'desc' } });
    expect(lines.map((line) => [line.vendorId, line.expectedStreams, Number(line.expectedCost), line.currency, line.days, line.approvalRequestId])).toEqual([
      [vendors.pulse, 8_000, 40, 'USD', 10, approvalId],
      [vendors.echo, 6_000, 36, 'USD', 12, approvalId],
    ]);
  });

  it('shows expected against delivered per vendor as the first scrape arrives', async () => {
    const output = await outcome({ approval_id: approvalId, as_of: '2026-11-05' });
    expect(output.approval).toEqual({ id: approvalId, status: 'executed' });
    expect(output.campaign).toEqual({ id: campaignId, name: 'Plan test' });
    expect(output.vendors).toEqual([
      { vendor_id: vendors.pulse, vendor_name: 'Pulse', plans: 1, expected_streams: 8_000, expected_to_date: 3_200, delivered: 2_000, delivery_rate: 0.625,
        expected_cost: 40, expected_cost_per_1k: 5, cost: 40, real_cost_per_1k: 20 },
      { vendor_id: vendors.echo, vendor_name: 'Echo', plans: 1, expected_streams: 6_000, expected_to_date: 2_000, delivered: 2_500, delivery_rate: 1.25,
        expected_cost: 36, expected_cost_per_1k: 6, cost: 36, real_cost_per_1k: 14.4 },
    ]);
    expect(output.totals).toEqual({ plans: 2, expected_streams: 14_000, expected_to_date: 5_200, delivered: 4_500, delivery_rate: 0.8654,
      expected_cost: 76, expected_cost_per_1k: 5.43, cost: 76, real_cost_per_1k: 16.89 });
  });

  it('follows later scrapes, and answers the same for the campaign', async () => {
    const byApproval = await outcome({ approval_id: approvalId, as_of: '2026-11-15' });
    expect(byApproval.vendors.map((row) => [row.vendor_name, row.expected_to_date, row.delivered, row.delivery_rate, row.real_cost_per_1k])).toEqual([
      ['Pulse', 8_000, 6_100, 0.7625, 6.56],
      ['Echo', 6_000, 4_800, 0.8, 7.5],
    ]);
    expect(byApproval.totals).toMatchObject({ expected_to_date: 14_000, delivered: 10_900, delivery_rate: 0.7786, real_cost_per_1k: 6.97 });
    const byCampaign = await outcome({ campaign_id: campaignId, as_of: '2026-11-15' });
    expect(byCampaign.vendors).toEqual(byApproval.vendors);
    expect(byCampaign.notes).toEqual([]);
  });

  it('keeps the plan when the placement is edited later', async () => {
    await database.prisma.placement.updateMany({ where: { organizationId: org.id, vendorId: vendors.echo }, data: { goal: 60_000, price: 360 } });
    const output = await outcome({ campaign_id: campaignId, as_of: '2026-11-15' });
    expect(output.vendors[1]).toMatchObject({ vendor_name: 'Echo', expected_streams: 6_000, expected_cost: 36 });
    await database.prisma.placement.updateMany({ where: { organizationId: org.id, vendorId: vendors.echo }, data: { goal: 6_000, price: 36 } });
  });

  it('stops expecting streams of a removed placement from the day it was removed', async () => {
    const pulse = { organizationId: org.id, vendorId: vendors.pulse };
    await database.prisma.placement.updateMany({ where: pulse, data: { removedAt: new Date('2026-11-03T10:00:00Z') } });
    const output = await outcome({ approval_id: approvalId, as_of: '2026-11-05' });
    // Two days at 800 before the removal; what was delivered still counts.
    expect(output.vendors[0]).toMatchObject({ vendor_name: 'Pulse', expected_to_date: 1_600, delivered: 2_000, delivery_rate: 1.25 });
    await database.prisma.placement.updateMany({ where: pulse, data: { removedAt: null } });
  });

  it('records a plan once: running the approval again or keeping the same placements again adds nothing', async () => {
    const again = await runner.runApproved(approvalId, 'commit_allocation', (await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).payload, org.as('OWNER'));
    expect(again.ok).toBe(false);
    const placements = await database.prisma.placement.findMany({ where: { organizationId: org.id } });
    await keepPlanLines({ db: database.prisma as unknown as ToolDb, orgId: org.id }, placements.map((placement) => ({ ...placement, expectedStreams: 1 })));
    const lines = await database.prisma.allocationPlanLine.findMany({ where: { organizationId: org.id } });
    expect(lines.map((line) => line.expectedStreams).sort()).toEqual([6_000, 8_000]);
    expect(placements).toHaveLength(2);
  });

  it('keeps the order as the plan of a campaign created directly, and names placements without a plan', async () => {
    const client = await database.prisma.client.findFirstOrThrow({ where: { organizationId: org.id } });
    const created = await runner.call('create_campaign', {
      client_id: client.id, name: 'Direct', artist_name: 'Vera Hale', start_date: '2026-11-01',
      songs: [{ track_url: `https://open.spotify.com/track/${TRACK}`, vendor_id: vendors.pulse, goal: 3_000, daily: 200, price: 12 }],
    }, org.as('OWNER'));
    const direct = (created as { output: { id: string } }).output.id;
    await database.prisma.placement.create({
      data: { organizationId: org.id, campaignGroupId: direct, vendorId: vendors.echo, trackUrl: `https://open.spotify.com/track/${TRACK}`, spotifyTrackId: TRACK,
        goal: 1_000, daily: 100, price: 5, startDate: new Date('2026-11-01') },
    });
    const output = await outcome({ campaign_id: direct, as_of: '2026-11-05' });
    // 15 days at 200 a day; 4 days in: 800 expected, 2,000 on Pulse's playlist.
    expect(output.vendors).toEqual([expect.objectContaining({ vendor_name: 'Pulse', expected_streams: 3_000, expected_to_date: 800, delivered: 2_000, delivery_rate: 2.5, expected_cost: 12 })]);
    expect(output.notes).toEqual([expect.stringContaining('1 placement was booked before plans were kept')]);
  });

  it('says why a request has no outcome yet and refuses unclear input', async () => {
    const pending = await runner.call('commit_allocation', {
      campaign_id: campaignId, track_url: `https://open.spotify.com/track/${TRACK}`, allocations: [{ vendor_id: vendors.pulse, goal: 1_000, daily: 100, price: 4 }],
    }, org.as('OWNER'));
    const pendingId = (pending as { output: { approval_id: string } }).output.approval_id;
    const output = await outcome({ approval_id: pendingId });
    expect(output).toMatchObject({ approval: { id: pendingId, status: 'pending' }, vendors: [], totals: { plans: 0, delivery_rate: null, real_cost_per_1k: null } });
    expect(output.notes[0]).toMatch(/pending: nothing is booked/);

    const call = (input: Record<string, unknown>) => runner.call('allocation_outcome', input, org.as('ANALYST'));
    expect(await call({})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/approval_id.*campaign_id/) } });
    expect(await call({ approval_id: approvalId, campaign_id: campaignId })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not both') } });
    const other = await database.prisma.approvalRequest.create({
      data: { organizationId: org.id, action: 'pay_vendor', payload: {}, preview: 'Pay', requestedById: org.ownerId, requestedVia: 'CLI' },
    });
    expect(await call({ approval_id: other.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('pay_vendor') } });
  });

  it('never shows another organisation\'s plans', async () => {
    const stranger = await createTestOrganization(database, 'outcome-stranger');
    for (const input of [{ campaign_id: campaignId }, { approval_id: approvalId }]) {
      expect(await runner.call('allocation_outcome', input, stranger.as('OWNER'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
