import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { Prisma, type PrismaClient } from '../../../db/generated/prisma/client.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { executeApproval } from '../../approvals/execute-approval.ts';
import type { Principal, ToolRunner } from '../../registry/runner.ts';
import { scopeToOrganization } from '../../registry/tenant-scope.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

interface Pending { approval_id: string; status: string; preview: string }
interface PaymentRow { id: string; vendor_name: string; campaign_name: string | null; amount: number; currency: string; reference: string | null; paid_at: string; approval_id: string }
interface Payments { rows: PaymentRow[]; totals: Array<{ currency: string; amount: number; payments: number }>; next_cursor: string | null }

/** Two vendors (one invoicing in EUR), a campaign that booked both, and one that booked neither. */
async function buildPaymentWorld(prisma: PrismaClient, organizationId: string) {
  const vendor = (name: string, currency = 'USD') => prisma.vendor.create({ data: { organizationId, name, costPer1kStreams: 2.5, currency } });
  const bassline = await vendor('Bassline Media');
  const euro = await vendor('Euro Curators', 'EUR');
  const client = await prisma.client.create({ data: { organizationId, name: 'Vera Hale Mgmt' } });
  const campaign = (name: string) => prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name, artistName: 'Vera Hale', startDate: new Date('2026-10-01') } });
  const silverRush = await campaign('Vera Hale – Silver Rush');
  const unrelated = await campaign('Vera Hale – Winter EP');
  const place = (vendorId: string, price: number) => prisma.placement.create({
    data: { organizationId, campaignGroupId: silverRush.id, vendorId, trackUrl: `https://open.spotify.com/track/${TRACK}`, spotifyTrackId: TRACK, goal: 50_000, daily: 2_000, price, startDate: new Date('2026-10-01') },
  });
  await place(bassline.id, 300);
  await place(bassline.id, 150);
  await place(euro.id, 200);
  // 1 EUR = 1.25 USD, so Euro Curators' 200 USD placement is 160 EUR.
  await prisma.fxRate.create({ data: { organizationId, date: new Date('2026-01-01'), base: 'EUR', quote: 'USD', rate: 1.25 } });
  return { bassline: bassline.id, euro: euro.id, silverRush: silverRush.id, unrelated: unrelated.id };
}

describe('pay_vendor and list_vendor_payments', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let world: Awaited<ReturnType<typeof buildPaymentWorld>>;
  let requester: Principal;
  let approver: Principal;
  let asRequester: ReturnType<typeof caller>;
  let asApprover: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('payments', { now: () => NOW }));
    world = await buildPaymentWorld(database.prisma, org.id);
    requester = await org.member('sam@payments.test', 'CAMPAIGN_MANAGER', 'WEB');
    approver = await org.member('boss@payments.test', 'MANAGER', 'WEB');
    asRequester = caller(runner, () => requester);
    asApprover = caller(runner, () => approver);
  });
  afterAll(async () => { await database.close(); });

  const paymentsFor = (approvalId: string) => database.prisma.vendorPayment.count({ where: { approvalRequestId: approvalId } });
  const status = async (approvalId: string) => (await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status;

  it('files a pending request whose preview says who, how much, for what, against the price and what was paid', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 450, campaign_id: world.silverRush, reference: 'INV-1042' });
    expect(pending).toMatchObject({ status: 'pending' });
    expect(pending.preview).toBe('Pay Bassline Media 450.00 USD for campaign “Vera Hale – Silver Rush” (its placements with them are priced 450.00 USD; paid so far 0.00 USD). Reference: INV-1042.');
    expect(await paymentsFor(pending.approval_id)).toBe(0);
    const listed = await asApprover.ok<{ rows: Array<{ id: string; action: string; requested_by: string }> }>('list_approvals', {});
    expect(listed.rows.find((row) => row.id === pending.approval_id)).toMatchObject({ action: 'pay_vendor', requested_by: 'sam@payments.test' });
    expect(await database.prisma.toolCall.count({ where: { organizationId: org.id, tool: 'pay_vendor', userId: requester.userId } })).toBe(1);
  });

  it('pays once another person approves, and lists the payment', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 450, campaign_id: world.silverRush, reference: 'INV-2001' });
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(request).toMatchObject({ status: 'EXECUTED', executedAt: NOW });
    const payment = await database.prisma.vendorPayment.findUniqueOrThrow({ where: { approvalRequestId: pending.approval_id } });
    expect(request.result).toEqual({ payment_id: payment.id, vendor_id: world.bassline, amount: 450, currency: 'USD', paid_at: NOW.toISOString() });
    const listed = await asRequester.ok<Payments>('list_vendor_payments', { vendor_id: world.bassline });
    expect(listed.rows).toEqual([{
      id: payment.id, vendor_id: world.bassline, vendor_name: 'Bassline Media', campaign_id: world.silverRush, campaign_name: 'Vera Hale – Silver Rush',
      amount: 450, currency: 'USD', reference: 'INV-2001', paid_at: NOW.toISOString(), approval_id: pending.approval_id,
    }]);
    expect(listed.totals).toEqual([{ currency: 'USD', amount: 450, payments: 1 }]);
    const timeline = await database.prisma.activity.findFirstOrThrow({ where: { organizationId: org.id, subjectId: world.bassline, kind: 'paid' } });
    expect(timeline.summary).toBe('Paid Bassline Media 450.00 USD for Vera Hale – Silver Rush');
  });

  it('shows what was paid so far, and warns when a payment goes beyond the placement prices', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 100, campaign_id: world.silverRush });
    expect(pending.preview).toBe(
      'Pay Bassline Media 100.00 USD for campaign “Vera Hale – Silver Rush” (its placements with them are priced 450.00 USD; paid so far 450.00 USD). '
      + 'Warning: this brings payments to 550.00 USD, 100.00 USD more than the placements are priced.',
    );
  });

  it('never pays twice for one approval, even if its status were forced back to approved', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 25, campaign_id: world.silverRush });
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(await executeApproval(database.prisma, runner, pending.approval_id, org.id)).toMatchObject({ status: 'skipped' });
    // Its own payment changed "paid so far", so the facts check alone would refuse it; without
    // stored facts, the unique approval id on the payment still refuses a second one.
    await database.prisma.approvalRequest.update({ where: { id: pending.approval_id }, data: { status: 'APPROVED', fingerprint: Prisma.DbNull } });
    const again = await executeApproval(database.prisma, runner, pending.approval_id, org.id);
    expect(again).toMatchObject({ status: 'failed', error: expect.stringMatching(/already exists/) });
    expect(await paymentsFor(pending.approval_id)).toBe(1);
  });

  it('a rejected request pays nothing', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 75, campaign_id: world.silverRush });
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'reject', comment: 'Invoice not received yet' });
    await jobs.drain();
    expect(await status(pending.approval_id)).toBe('REJECTED');
    expect(await paymentsFor(pending.approval_id)).toBe(0);
  });

  it('the requester cannot approve their own payment', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.bassline, amount: 10 });
    expect(await runner.call('decide_approval', { approval_id: pending.approval_id, decision: 'approve' }, { ...requester, role: 'OWNER' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("defaults to the vendor's currency and converts the placement prices into it", async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.euro, amount: 160, campaign_id: world.silverRush });
    expect(pending.preview).toBe('Pay Euro Curators 160.00 EUR for campaign “Vera Hale – Silver Rush” (its placements with them are priced 160.00 EUR; paid so far 0.00 EUR).');
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(await database.prisma.vendorPayment.findUniqueOrThrow({ where: { approvalRequestId: pending.approval_id } })).toMatchObject({ currency: 'EUR' });
  });

  it('without a campaign, weighs the amount against all of the vendor\'s placements', async () => {
    const pending = await asRequester.ok<Pending>('pay_vendor', { vendor_id: world.euro, amount: 10, currency: 'usd' });
    // The 160 EUR paid earlier is 200 USD.
    expect(pending.preview).toBe(
      'Pay Euro Curators 10.00 USD with no campaign named (their placements across all campaigns are priced 200.00 USD; paid so far 200.00 USD). '
      + 'Warning: this brings payments to 210.00 USD, 10.00 USD more than the placements are priced.',
    );
  });

  it('refuses bad requests before filing anything, naming the field', async () => {
    const before = await database.prisma.approvalRequest.count({ where: { organizationId: org.id } });
    const missing = '01900000-0000-7000-8000-00000000dead';
    expect(await asRequester.fails('pay_vendor', { vendor_id: missing, amount: 1 })).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^vendor_id: no vendor/) });
    expect(await asRequester.fails('pay_vendor', { vendor_id: world.bassline, amount: 1, campaign_id: missing })).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^campaign_id: no campaign/) });
    expect(await asRequester.fails('pay_vendor', { vendor_id: world.bassline, amount: 1, campaign_id: world.unrelated }))
      .toMatchObject({ code: 'invalid_input', issues: [{ path: 'campaign_id', message: expect.stringContaining('has no placement with Bassline Media') }] });
    for (const [amount, message] of [[0, /more than 0/], [-5, /more than 0/], [1.234, /two decimal places/]] as const) {
      expect(await asRequester.fails('pay_vendor', { vendor_id: world.bassline, amount })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'amount', message: expect.stringMatching(message) }] });
    }
    expect(await asRequester.fails('pay_vendor', { vendor_id: world.bassline, amount: 1, currency: 'dollars' })).toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'currency' })] });
    expect(await asRequester.fails('list_vendor_payments', { campaign_id: missing })).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^campaign_id/) });
    expect(await database.prisma.approvalRequest.count({ where: { organizationId: org.id } })).toBe(before);
  });

  it('a VIEWER cannot ask to pay, but can read payments', async () => {
    const viewer = caller(runner, () => org.as('VIEWER'));
    expect(await viewer.fails('pay_vendor', { vendor_id: world.bassline, amount: 1 })).toMatchObject({ code: 'forbidden' });
    expect((await viewer.ok<Payments>('list_vendor_payments', {})).rows.length).toBeGreaterThan(0);
  });

  it('pages newest first and filters by campaign', async () => {
    const all = await asRequester.ok<Payments>('list_vendor_payments', {});
    expect(all.rows.map((row) => row.vendor_name)).toEqual(['Euro Curators', 'Bassline Media', 'Bassline Media']);
    expect(all.totals).toEqual([{ currency: 'EUR', amount: 160, payments: 1 }, { currency: 'USD', amount: 475, payments: 2 }]);
    const first = await asRequester.ok<Payments>('list_vendor_payments', { limit: 2 });
    const second = await asRequester.ok<Payments>('list_vendor_payments', { limit: 2, cursor: first.next_cursor });
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(all.rows.map((row) => row.id));
    expect(second.next_cursor).toBeNull();
    expect((await asRequester.ok<Payments>('list_vendor_payments', { campaign_id: world.unrelated })).rows).toEqual([]);
  });

  it('payments are append-only and written only by approval tools', async () => {
    const writer = scopeToOrganization(database.prisma, org.id, { write: true, approvals: false, access: false });
    const approvalTool = scopeToOrganization(database.prisma, org.id, { write: true, approvals: true, access: false });
    await expect(writer.vendorPayment.create({ data: { vendorId: world.bassline, amount: 1, currency: 'USD', paidAt: NOW, approvalRequestId: 'x' } as never })).rejects.toThrow(/approval tools/);
    await expect(approvalTool.vendorPayment.updateMany({ data: { amount: 1 } })).rejects.toThrow(/append-only/);
    await expect(approvalTool.vendorPayment.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("organisation A can neither pay nor see organisation B's vendor", async () => {
    const orgB = await createTestOrganization(database, 'payments-b');
    const worldB = await buildPaymentWorld(database.prisma, orgB.id);
    const managerB = await orgB.member('sam@payments-b.test', 'CAMPAIGN_MANAGER', 'WEB');
    const pendingB = await caller(runner, () => managerB).ok<Pending>('pay_vendor', { vendor_id: worldB.bassline, amount: 450, campaign_id: worldB.silverRush });
    await caller(runner, () => orgB.as('OWNER', { surface: 'WEB' })).ok('decide_approval', { approval_id: pendingB.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(await paymentsFor(pendingB.approval_id)).toBe(1);

    expect(await asRequester.fails('pay_vendor', { vendor_id: worldB.bassline, amount: 450 })).toMatchObject({ code: 'not_found' });
    expect(await asRequester.fails('pay_vendor', { vendor_id: world.bassline, amount: 450, campaign_id: worldB.silverRush })).toMatchObject({ code: 'not_found' });
    expect(await asRequester.fails('list_vendor_payments', { vendor_id: worldB.bassline })).toMatchObject({ code: 'not_found' });
    const seenByA = await asRequester.ok<Payments>('list_vendor_payments', { limit: 200 });
    expect(seenByA.rows.map((row) => row.approval_id)).not.toContain(pendingB.approval_id);
  });
});
