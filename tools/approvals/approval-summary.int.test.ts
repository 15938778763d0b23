import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { buildDeliveryScenario, TRACKS, type DeliveryScenario } from '../campaigns/testing/delivery-scenario.ts';
import type { Principal, ToolRunner } from '../registry/runner.ts';
import { caller } from '../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import type { ApprovalView } from './approval-view.ts';

const NOW = new Date('2026-11-20T12:00:00Z');

/**
 * What an approver reads of a request: the approval tools' summaries (headline, amount, campaign,
 * songs by title, delivery evidence) as list_approvals shows them, and the outcome in words.
 * Figures are those of delivery-scenario.md.
 */
describe('approval summaries and outcomes', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let world: DeliveryScenario;
  let requester: Principal;
  let approver: Principal;

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('approval-summary', { now: () => NOW }));
    world = await buildDeliveryScenario(database.prisma, org.id);
    await database.prisma.placement.update({ where: { id: world.placements.nightDrive }, data: { songName: 'Night Drive' } });
    await database.prisma.scrapeSnapshot.updateMany({ where: { organizationId: org.id, spotifyTrackId: TRACKS.duet }, data: { trackName: 'Duet', artistName: 'Example Artist & Glenn' } });
    requester = await org.member('sam@approval-summary.test', 'CAMPAIGN_MANAGER', 'SLACK');
    await database.prisma.user.update({ where: { id: requester.userId! }, data: { name: 'Sam Rivera' } });
    approver = await org.member('boss@approval-summary.test', 'MANAGER', 'WEB');
  });
  afterAll(async () => { await database.close(); });

  const viewOf = async (principal: Principal, id: string) => {
    const listed = await caller(runner, () => principal).ok<{ rows: ApprovalView[] }>('list_approvals', { status: 'any' });
    return listed.rows.find((row) => row.id === id)!;
  };

  it('pay_vendor: says who is paid how much, for which campaign and songs, against delivery, price and payments', async () => {
    const pending = await caller(runner, () => requester).ok<{ approval_id: string }>('pay_vendor', { vendor_id: world.vendors.clubRestricted, amount: 283.26, campaign_id: world.campaignId, reference: 'INV-7' });
    const view = await viewOf(approver, pending.approval_id);
    expect(view.summary).toEqual({
      headline: 'Pay Club Restricted 283.26 USD',
      amount: { value: 283.26, currency: 'USD' },
      campaign: { id: world.campaignId, name: 'Autumn push' },
      songs: [{ title: 'Night Drive', artist: 'Example Artist' }, { title: 'Duet', artist: 'Example Artist & Glenn' }],
      evidence: [
        { label: 'Delivered to date', value: '18,000 of 24,000 streams promised' },
        { label: 'Delivery rate', value: '75%' },
        { label: 'Placements priced', value: '630.00 USD' },
        { label: 'Paid so far', value: '0.00 USD' },
        { label: 'After this payment', value: '283.26 USD' },
        { label: 'Reference', value: 'INV-7' },
      ],
      warnings: [],
    });
    expect(view).toMatchObject({ requested_by: 'sam@approval-summary.test', requested_by_name: 'Sam Rivera', requested_via: 'slack', requested_via_label: 'Slack', requested_by_you: false, outcome: null });
    expect((await viewOf(requester, pending.approval_id)).requested_by_you).toBe(true);
  });

  it('pay_vendor: once executed, the outcome says what happened in words, without ids', async () => {
    const pending = await caller(runner, () => requester).ok<{ approval_id: string }>('pay_vendor', { vendor_id: world.vendors.glenn, amount: 70, campaign_id: world.campaignId });
    await caller(runner, () => approver).ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    const view = await viewOf(approver, pending.approval_id);
    expect(view).toMatchObject({ status: 'executed', outcome: 'Payment of 70.00 USD recorded on 20 Nov 2026.' });
  });

  it('pay_vendor: warns when the payment goes beyond the price or names no campaign', async () => {
    const pending = await caller(runner, () => requester).ok<{ approval_id: string }>('pay_vendor', { vendor_id: world.vendors.silentBob, amount: 50 });
    const { summary } = await viewOf(approver, pending.approval_id);
    expect(summary).toMatchObject({
      campaign: null,
      evidence: expect.arrayContaining([{ label: 'Delivery rate', value: '0%' }, { label: 'All their placements priced', value: '40.00 USD' }]),
      warnings: ['This brings payments to 50.00 USD, 10.00 USD more than the placements are priced.', 'No campaign is named: the payment is weighed against all of their placements.'],
    });
  });

  it('commit_allocation: the total in large type, the song by title (never its track id), each order and how the campaign delivers', async () => {
    const pending = await caller(runner, () => requester).ok<{ approval_id: string }>('commit_allocation', {
      campaign_id: world.campaignId,
      track_url: `https://open.spotify.com/track/${TRACKS.duet}`,
      allocations: [
        { vendor_id: world.vendors.glenn, goal: 10_000, daily: 1_000, price: 100 },
        { vendor_id: world.vendors.silentBob, goal: 5_000, daily: 500, price: 50.5 },
      ],
    });
    const view = await viewOf(approver, pending.approval_id);
    expect(view.summary).toEqual({
      headline: 'Book 2 playlist placements for 150.50 USD',
      amount: { value: 150.5, currency: 'USD' },
      campaign: { id: world.campaignId, name: 'Autumn push' },
      songs: [{ title: 'Duet', artist: 'Example Artist & Glenn' }],
      evidence: [
        { label: 'Glenn Curates', value: '10,000 streams at 1,000/day for 100.00 USD' },
        { label: 'Silent Bob', value: '5,000 streams at 500/day for 50.50 USD' },
        { label: 'Streams ordered', value: '15,000 (10.03 USD per 1,000)' },
        { label: 'Campaign delivered to date', value: '23,400 of 30,900 streams promised' },
        { label: 'Campaign delivery rate', value: '76%' },
      ],
      warnings: [],
    });
    expect(JSON.stringify(view.summary)).not.toContain(TRACKS.duet);
    expect(view.preview).toMatch(/^Create 2 placements in "Autumn push" for “Duet” by Example Artist & Glenn, total 150\.50 USD: /);
    await caller(runner, () => approver).ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect((await viewOf(approver, pending.approval_id)).outcome).toBe('2 placements created, 15,000 streams ordered.');
  });

  it('a request filed before summaries existed shows none, and the preview still reads', async () => {
    const pending = await caller(runner, () => requester).ok<{ approval_id: string; preview: string }>('pay_vendor', { vendor_id: world.vendors.glenn, amount: 5, campaign_id: world.campaignId });
    await database.prisma.approvalRequest.update({ where: { id: pending.approval_id }, data: { summary: { headline: 'an older shape' } } });
    const view = await viewOf(approver, pending.approval_id);
    expect(view).toMatchObject({ summary: null, preview: pending.preview });
  });
});
