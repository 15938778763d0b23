import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { PrismaClient } from '../../../db/generated/prisma/client.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import type { Principal, ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { organizationFingerprint } from '../../testing/tenancy-harness.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

interface PlacementRecord { id: string; goal: number; daily: number; weekly: number | null; price: number; start_date: string; status: string; removed_at: string | null }
interface Removal { status: 'removed' | 'pending'; placement: PlacementRecord; already_removed: boolean; paid_on_campaign: Array<{ amount: number; currency: string }>; approval_id: string | null; preview: string | null }

/** One campaign with two vendors' placements of the same song: Bassline (to be paid) and Quiet Co (never paid). */
async function buildCampaign(prisma: PrismaClient, organizationId: string) {
  const vendor = (name: string) => prisma.vendor.create({ data: { organizationId, name, costPer1kStreams: 2.5 } });
  const bassline = await vendor('Bassline Media');
  const quiet = await vendor('Quiet Co');
  const client = await prisma.client.create({ data: { organizationId, name: 'Vera Hale Mgmt' } });
  const campaign = await prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name: 'Silver Rush', artistName: 'Vera Hale', startDate: new Date('2026-10-01') } });
  const place = (vendorId: string, price: number) =>
    prisma.placement.create({
      data: { organizationId, campaignGroupId: campaign.id, vendorId, trackUrl: `https://open.spotify.com/track/${TRACK}`, spotifyTrackId: TRACK, songName: 'Silver Rush', goal: 50_000, daily: 2_000, price, startDate: new Date('2026-10-01') },
    });
  return { campaign: campaign.id, bassline: bassline.id, paidPlacement: (await place(bassline.id, 300)).id, unpaidPlacement: (await place(quiet.id, 120)).id };
}

describe('update_placement and remove_placement', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let world: Awaited<ReturnType<typeof buildCampaign>>;
  let requester: Principal;
  let asRequester: ReturnType<typeof caller>;
  let asApprover: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('placement-edits', { now: () => NOW }));
    world = await buildCampaign(database.prisma, org.id);
    requester = await org.member('sam@edits.test', 'CAMPAIGN_MANAGER', 'WEB');
    const approver = await org.member('boss@edits.test', 'MANAGER', 'WEB');
    asRequester = caller(runner, () => requester);
    asApprover = caller(runner, () => approver);
  });
  afterAll(async () => { await database.close(); });

  it('changes only the fields given, records what changed, and names a bad field', async () => {
    const updated = await asRequester.ok<PlacementRecord>('update_placement', { placement_id: world.unpaidPlacement, goal: 60_000, weekly: 14_500, price: 150.5, start_date: '2026-10-03', status: 'paused' });
    expect(updated).toMatchObject({ id: world.unpaidPlacement, goal: 60_000, daily: 2_000, weekly: 14_500, price: 150.5, start_date: '2026-10-03', status: 'paused', removed_at: null });
    const activity = await database.prisma.activity.findFirstOrThrow({ where: { subjectId: world.unpaidPlacement, kind: 'updated' } });
    expect(activity.summary).toBe('Placement of Silver Rush with Quiet Co in “Silver Rush” updated: goal 50000 -> 60000, weekly none -> 14500, price 120 -> 150.5, start_date 2026-10-01 -> 2026-10-03, status active -> paused');
    expect(await asRequester.ok<PlacementRecord>('update_placement', { placement_id: world.unpaidPlacement, weekly: null, status: 'active' })).toMatchObject({ weekly: null, status: 'active', goal: 60_000 });
    expect(await asRequester.fails('update_placement', { placement_id: world.unpaidPlacement, status: 'stopped' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'status' }] });
    expect(await asRequester.fails('update_placement', { placement_id: world.unpaidPlacement, daily: 0 })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'daily' }] });
    expect(await asRequester.fails('update_placement', { placement_id: world.unpaidPlacement })).toMatchObject({ code: 'invalid_input' });
    expect(await asRequester.fails('update_placement', { placement_id: 'missing', goal: 1 })).toMatchObject({ code: 'not_found', issues: [{ path: 'placement_id' }] });
  });

  it("another organisation's placement is not_found and nothing of it changes", async () => {
    const other = await createTestOrganization(database, 'placement-edits-b');
    const asOther = caller(runner, () => other.as('OWNER'));
    const before = await organizationFingerprint(database, org.id);
    expect(await asOther.fails('update_placement', { placement_id: world.paidPlacement, goal: 1 })).toMatchObject({ code: 'not_found' });
    expect(await asOther.fails('remove_placement', { placement_id: world.unpaidPlacement })).toMatchObject({ code: 'not_found' });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('removes an unpaid placement at once, keeping its row; removing it again changes nothing', async () => {
    const removal = await asRequester.ok<Removal>('remove_placement', { placement_id: world.unpaidPlacement });
    expect(removal).toMatchObject({ status: 'removed', already_removed: false, paid_on_campaign: [], approval_id: null, placement: { removed_at: NOW.toISOString() } });
    expect(await database.prisma.placement.findUniqueOrThrow({ where: { id: world.unpaidPlacement } })).toMatchObject({ removedAt: NOW, goal: 60_000 });
    expect(await asRequester.ok<Removal>('remove_placement', { placement_id: world.unpaidPlacement })).toMatchObject({ status: 'removed', already_removed: true });
    expect(await database.prisma.activity.count({ where: { subjectId: world.unpaidPlacement, kind: 'removed' } })).toBe(1);
    const edit = await asRequester.fails('update_placement', { placement_id: world.unpaidPlacement, goal: 1 });
    expect(edit).toMatchObject({ code: 'conflict' });
    expect(edit.message).toContain('was removed on 2026-11-20');
  });

  it('once the vendor was paid on the campaign, files an approval instead, and removes only when another person approves', async () => {
    const payment = await asRequester.ok<{ approval_id: string }>('pay_vendor', { vendor_id: world.bassline, amount: 250, campaign_id: world.campaign });
    await asApprover.ok('decide_approval', { approval_id: payment.approval_id, decision: 'approve' });
    await jobs.drain();

    const removal = await asRequester.ok<Removal>('remove_placement', { placement_id: world.paidPlacement });
    expect(removal).toMatchObject({ status: 'pending', already_removed: false, paid_on_campaign: [{ amount: 250, currency: 'USD' }], placement: { removed_at: null } });
    expect(removal.preview).toBe('Remove the placement of Silver Rush with Bassline Media in “Silver Rush” (goal 50,000 streams, priced 300.00 USD). Bassline Media was already paid 250.00 USD on this campaign; the payments and delivery history stay.');
    expect((await database.prisma.placement.findUniqueOrThrow({ where: { id: world.paidPlacement } })).removedAt).toBeNull();
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: removal.approval_id! } });
    expect(request).toMatchObject({ action: 'remove_paid_placement', status: 'PENDING', requestedById: requester.userId, payload: { placement_id: world.paidPlacement } });
    expect(request.summary).toMatchObject({ headline: "Remove Silver Rush from Bassline Media's placements", amount: null, campaign: { id: world.campaign, name: 'Silver Rush' } });
    expect(await asRequester.fails('decide_approval', { approval_id: removal.approval_id, decision: 'approve' })).toMatchObject({ code: 'forbidden' });

    await asApprover.ok('decide_approval', { approval_id: removal.approval_id, decision: 'approve' });
    await jobs.drain();
    const executed = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: removal.approval_id! } });
    expect(executed.status).toBe('EXECUTED');
    expect((await database.prisma.placement.findUniqueOrThrow({ where: { id: world.paidPlacement } })).removedAt).toEqual(NOW);
    const listed = await asApprover.ok<{ rows: Array<{ id: string; outcome: string | null }> }>('list_approvals', { status: 'executed' });
    expect(listed.rows.find((row) => row.id === removal.approval_id)?.outcome).toBe('Placement removed; its delivery history and payments stay.');
    expect(await database.prisma.vendorPayment.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it('a VIEWER may not remove or edit', async () => {
    const asViewer = caller(runner, () => org.as('VIEWER'));
    expect(await asViewer.fails('remove_placement', { placement_id: world.paidPlacement })).toMatchObject({ code: 'forbidden' });
    expect(await asViewer.fails('update_placement', { placement_id: world.paidPlacement, goal: 5 })).toMatchObject({ code: 'forbidden' });
  });
});
