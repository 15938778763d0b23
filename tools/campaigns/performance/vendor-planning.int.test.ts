import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { buildDeliveryScenario, TRACKS, type DeliveryScenario } from '../testing/delivery-scenario.ts';
import { allocateBudget } from './allocate-budget.ts';

describe('recommend_vendors, plan_budget_allocation, commit_allocation', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let scenario: DeliveryScenario;
  let untested: string;

  beforeAll(async () => {
    // The figures are "to date": pin the clock to the scenario's day.
    ({ database, runner, jobs, org } = await openToolTestWorld('planning', { now: () => new Date('2026-11-20T12:00:00Z') }));
    scenario = await buildDeliveryScenario(database.prisma, org.id);
    untested = (await database.prisma.vendor.create({ data: { organizationId: org.id, name: 'Fresh Face', costPer1kStreams: 0.5 } })).id;
    await database.prisma.playlist.updateMany({ where: { organizationId: org.id }, data: { avgDailyStreams: 100 } });
  });
  afterAll(async () => { await database.close(); });

  it('ranks by expected cost with reasons, shrinks small samples and keeps untested vendors apart', async () => {
    const result = await runner.call('recommend_vendors', { goal_streams: 10_000, budget: 100 }, org.as('ANALYST'));
    expect(result.ok).toBe(true);
    const output = (result as { output: { ranked: Array<Record<string, unknown>>; insufficient_history: Array<Record<string, unknown>> } }).output;
    expect(output.ranked.map((row) => row.vendor_id)).not.toContain(untested);
    expect(output.insufficient_history).toEqual([expect.objectContaining({ vendor_id: untested, rank: null, confidence: 'none', reason: expect.stringMatching(/small order/) })]);
    const glenn = output.ranked.find((row) => row.vendor_id === scenario.vendors.glenn)!;
    // One placement with a promise: low confidence, and its perfect record is pulled toward the average.
    expect(glenn).toMatchObject({ confidence: 'low', observed_real_cost_per_1k: 12.96, reliability_score: 100, reason: expect.stringMatching(/small sample/) });
    expect(glenn.expected_delivery_rate).toBeLessThan(1.08);
    expect(output.ranked.map((row) => row.rank)).toEqual(output.ranked.map((_row, index) => index + 1));
  });

  it('favours vendors with playlists in the genre', async () => {
    const result = await runner.call('recommend_vendors', { genre: 'techno', goal_streams: 10_000, budget: 100 }, org.as('ANALYST'));
    const ranked = (result as { output: { ranked: Array<{ vendor_id: string; genre_fit: number }> } }).output.ranked;
    expect(ranked.find((row) => row.vendor_id === scenario.vendors.glenn)?.genre_fit).toBe(1);
    expect(ranked.find((row) => row.vendor_id === scenario.vendors.clubRestricted)?.genre_fit).toBe(0);
    expect(ranked[0]?.vendor_id).toBe(scenario.vendors.glenn);
  });

  it('allocates cheapest first within capacity and budget', () => {
    const plan = allocateBudget(
      [{ vendorId: 'dear', costPer1k: 10, capacity: 50_000 }, { vendorId: 'cheap', costPer1k: 2, capacity: 3_000 }, { vendorId: 'none', costPer1k: 1, capacity: 0 }],
      100, 20_000,
    );
    expect(plan).toEqual([{ vendorId: 'cheap', streams: 3_000, cost: 6 }, { vendorId: 'dear', streams: 9_400, cost: 94 }]);
  });

  it('plans a split that says when the goal is out of reach', async () => {
    const result = await runner.call('plan_budget_allocation', { budget: 1_000_000, goal_streams: 1_000_000, days: 10 }, org.as('ANALYST'));
    expect(result.ok).toBe(true);
    const plan = (result as { output: { allocations: Array<{ capacity_streams: number; expected_streams: number }>; reaches_goal: boolean; notes: string[] } }).output;
    expect(plan.reaches_goal).toBe(false);
    for (const row of plan.allocations) expect(row.expected_streams).toBeLessThanOrEqual(row.capacity_streams);
    expect(plan.notes.join(' ')).toMatch(/capacity/);
  });

  it('commits an allocation only after another person approves it', async () => {
    const requester = await org.member('cm@planning.test', 'CAMPAIGN_MANAGER', 'AGENT');
    const approver = await org.member('boss@planning.test', 'MANAGER', 'WEB');
    const before = await database.prisma.placement.count({ where: { organizationId: org.id } });
    const requested = await runner.call('commit_allocation', {
      campaign_id: scenario.campaignId, track_url: `https://open.spotify.com/track/${TRACKS.quiet}`,
      allocations: [{ vendor_id: scenario.vendors.glenn, goal: 20_000, daily: 1_000, price: 60 }],
    }, requester);
    expect(requested).toMatchObject({ ok: true, output: { status: 'pending', preview: expect.stringContaining('Glenn Curates: 20,000 streams at 1,000/day for 60.00 USD') } });
    expect(await database.prisma.placement.count({ where: { organizationId: org.id } })).toBe(before);
    const approvalId = (requested as { output: { approval_id: string } }).output.approval_id;
    await runner.call('decide_approval', { approval_id: approvalId, decision: 'approve' }, approver);
    await jobs.drain();
    expect(await database.prisma.placement.count({ where: { organizationId: org.id } })).toBe(before + 1);
    expect((await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('EXECUTED');
  });

  it('refuses to file a request naming a vendor that does not exist', async () => {
    const result = await runner.call('commit_allocation', {
      campaign_id: scenario.campaignId, track_url: `https://open.spotify.com/track/${TRACKS.quiet}`,
      allocations: [{ vendor_id: '01900000-0000-7000-8000-00000000dead', goal: 1, daily: 1, price: 1 }],
    }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('allocations[0].vendor_id') } });
  });
});
