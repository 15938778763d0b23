import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { ToolRunner, type Principal } from '../registry/runner.ts';
import { caller } from '../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import type { ApprovalView } from './approval-view.ts';
import { executeApproval } from './execute-approval.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

/**
 * An approval is decided on a preview. If what the action acts on changes between the request and
 * the execution, the execution refuses and the request returns to pending, saying what changed.
 */
describe('approvals execute only what the approver saw', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let requester: Principal;
  let approver: Principal;
  let vendorId: string;
  let campaignId: string;
  let placementId: string;
  /** Decides without any queue, as when the worker is paused: the execution is run by the test. */
  let decideOnly: ToolRunner;

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('facts', { now: () => NOW }));
    decideOnly = new ToolRunner({ prisma: database.prisma, catalogue: runner.catalogue, now: () => NOW });
    requester = await org.member('sam@facts.test', 'CAMPAIGN_MANAGER', 'WEB');
    approver = await org.member('boss@facts.test', 'MANAGER', 'WEB');
    const prisma = database.prisma;
    const vendor = await prisma.vendor.create({ data: { organizationId: org.id, name: 'Bassline Media', costPer1kStreams: 2.5, currency: 'USD' } });
    const client = await prisma.client.create({ data: { organizationId: org.id, name: 'Vera Hale Mgmt' } });
    const campaign = await prisma.campaignGroup.create({ data: { organizationId: org.id, clientId: client.id, name: 'Silver Rush', artistName: 'Vera Hale', startDate: new Date('2026-10-01') } });
    const placement = await prisma.placement.create({
      data: { organizationId: org.id, campaignGroupId: campaign.id, vendorId: vendor.id, trackUrl: `https://open.spotify.com/track/${TRACK}`, spotifyTrackId: TRACK, goal: 50_000, daily: 2_000, price: 450, startDate: new Date('2026-10-01') },
    });
    [vendorId, campaignId, placementId] = [vendor.id, campaign.id, placement.id];
  });
  afterAll(async () => {
    await database.close();
  });

  const asRequester = () => caller(runner, () => requester);
  const request = (id: string) => database.prisma.approvalRequest.findUniqueOrThrow({ where: { id } });
  const paymentsFor = (id: string) => database.prisma.vendorPayment.count({ where: { approvalRequestId: id } });
  async function approvedPayment(amount: number): Promise<string> {
    const pending = await asRequester().ok<{ approval_id: string }>('pay_vendor', { vendor_id: vendorId, campaign_id: campaignId, amount });
    expect(await decideOnly.call('decide_approval', { approval_id: pending.approval_id, decision: 'approve' }, approver)).toMatchObject({ ok: true });
    return pending.approval_id;
  }
  const execute = (id: string) => executeApproval(database.prisma, runner, id, org.id);

  it('executes once when nothing changed', async () => {
    const id = await approvedPayment(100);
    expect(await execute(id)).toMatchObject({ status: 'executed' });
    expect(await execute(id)).toMatchObject({ status: 'skipped' });
    expect(await paymentsFor(id)).toBe(1);
    expect((await request(id)).changeNote).toBeNull();
  });

  it('refuses when the placement price changed after the approval, returning the request to pending with what changed', async () => {
    const id = await approvedPayment(200);
    await database.prisma.placement.update({ where: { id: placementId }, data: { price: 600 } });
    const outcome = await execute(id);
    expect(outcome).toEqual({ status: 'returned', note: 'Changed after it was approved: Placements priced: 450.00 USD → 600.00 USD.' });
    expect(await paymentsFor(id)).toBe(0);
    const returned = await request(id);
    expect(returned).toMatchObject({ status: 'PENDING', decidedById: null, decidedAt: null, changeNote: outcome.status === 'returned' ? outcome.note : '' });
    // Every surface shows the preview and list_approvals: the note leads it, with the facts as they are now.
    expect(returned.preview).toMatch(/^Changed after it was approved: Placements priced: 450\.00 USD → 600\.00 USD\. Pay Bassline Media 200\.00 USD .*priced 600\.00 USD/);
    const listed = await caller(runner, () => approver).ok<{ rows: ApprovalView[] }>('list_approvals', {});
    expect(listed.rows.find((row) => row.id === id)).toMatchObject({ status: 'pending', change_note: returned.changeNote, decided_by: null });
    // The refusal is audited as a conflict, naming what changed.
    const audit = await database.prisma.toolCall.findFirst({ where: { organizationId: org.id, tool: 'pay_vendor', surface: 'JOB' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ outcome: 'ERROR', errorCode: 'conflict' });
    // Approved again on the new facts, it runs, once, through the queue.
    await caller(runner, () => approver).ok('decide_approval', { approval_id: id, decision: 'approve' });
    await jobs.drain();
    expect(await request(id)).toMatchObject({ status: 'EXECUTED' });
    expect(await paymentsFor(id)).toBe(1);
  });

  it('refuses when the vendor was paid meanwhile or the campaign was completed', async () => {
    const first = await approvedPayment(50);
    const second = await approvedPayment(60);
    expect(await execute(first)).toMatchObject({ status: 'executed' });
    expect(await execute(second)).toMatchObject({ status: 'returned', note: expect.stringContaining('Paid so far: 300.00 USD → 350.00 USD') });
    const third = await approvedPayment(70);
    await database.prisma.campaignGroup.update({ where: { id: campaignId }, data: { status: 'COMPLETED' } });
    expect(await execute(third)).toMatchObject({ status: 'returned', note: 'Changed after it was approved: Campaign status: active → completed.' });
    expect(await paymentsFor(second) + await paymentsFor(third)).toBe(0);
    await database.prisma.campaignGroup.update({ where: { id: campaignId }, data: { status: 'ACTIVE' } });
  });

  it('commit_allocation refuses when the campaign it adds to changed', async () => {
    const pending = await asRequester().ok<{ approval_id: string }>('commit_allocation', {
      campaign_id: campaignId, track_url: `https://open.spotify.com/track/${TRACK}`, allocations: [{ vendor_id: vendorId, goal: 40_000, daily: 1_500, price: 120 }],
    });
    expect(await decideOnly.call('decide_approval', { approval_id: pending.approval_id, decision: 'approve' }, approver)).toMatchObject({ ok: true });
    await database.prisma.campaignGroup.update({ where: { id: campaignId }, data: { status: 'PAUSED' } });
    const placementsBefore = await database.prisma.placement.count({ where: { campaignGroupId: campaignId } });
    expect(await execute(pending.approval_id)).toMatchObject({ status: 'returned', note: expect.stringContaining('Campaign status: active → paused') });
    expect(await database.prisma.placement.count({ where: { campaignGroupId: campaignId } })).toBe(placementsBefore);
    expect(await request(pending.approval_id)).toMatchObject({ status: 'PENDING' });
  });
});
