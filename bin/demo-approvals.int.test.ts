import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import type { InProcessJobQueue } from '../jobs/in-process-queue.ts';
import type { ApprovalView } from '../tools/approvals/approval-view.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import { caller } from '../tools/testing/caller.ts';
import { createTestRunner } from '../tools/testing/fixtures.ts';
import { seedDemoApprovals } from './demo-approvals.ts';
import { seedDemoData, type DemoDataSummary } from './seed-demo-data.ts';

const TODAY = new Date('2026-11-16T12:00:00Z');

describe('the demo starts with an approvals inbox', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let summary: DemoDataSummary;
  let owner: Principal;
  let approvals: ApprovalView[];
  let creatorPayments: ApprovalView[];

  beforeAll(async () => {
    database = await openTestDatabase();
    summary = await seedDemoData(database, { slug: 'demo', scale: 0.2, today: TODAY });
    ({ runner, jobs } = createTestRunner(database, [], () => TODAY));
    const membership = await database.prisma.membership.findFirstOrThrow({ where: { organizationId: summary.organizationId, role: 'OWNER' } });
    owner = { orgId: summary.organizationId, userId: membership.userId, role: 'OWNER', surface: 'WEB' };
    const all = (await caller(runner, () => owner).ok<{ rows: ApprovalView[] }>('list_approvals', { status: 'any' })).rows;
    // The demo's creator payment is executed history filed after the inbox (db/seed/creators-payment.ts).
    creatorPayments = all.filter((approval) => approval.action === 'pay_creator');
    approvals = all.filter((approval) => approval.action !== 'pay_creator');
  });
  afterAll(async () => { await database?.close(); });

  it('has pending requests of several kinds, filed by the demo member with real previews', () => {
    const pending = approvals.filter((approval) => approval.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pending.map((approval) => approval.action))).toEqual(new Set(['pay_vendor', 'commit_allocation']));
    expect(new Set(pending.map((approval) => approval.preview)).size).toBe(pending.length);
    for (const approval of approvals) expect(approval).toMatchObject({ requested_by: 'sam@demo.example', requested_via: 'web' });
    for (const approval of pending.filter((row) => row.action === 'pay_vendor')) {
      expect(approval.preview).toMatch(/^Pay .+ [\d,]+\.\d\d USD for campaign “.+” \(its placements with them are priced ([\d,]+\.\d\d) USD; paid so far 0\.00 USD\)\. Reference: INV-/);
      // The amount asked is what the placements were priced at.
      const [, amount, priced] = /^Pay .+? ([\d,]+\.\d\d) USD .* priced ([\d,]+\.\d\d) USD/.exec(approval.preview)!;
      expect(amount).toBe(priced);
    }
    expect(pending.find((row) => row.action === 'commit_allocation')?.preview).toMatch(/^Create \d+ placements? in ".+" for “.+” by .+, total [\d.]+ USD: /);
  });

  it('has one payment approved by the owner and executed, and one rejected with a comment', async () => {
    const executed = approvals.filter((approval) => approval.status === 'executed');
    const rejected = approvals.filter((approval) => approval.status === 'rejected');
    expect(executed).toEqual([expect.objectContaining({ action: 'pay_vendor', decided_by: 'owner@demo.example', executed_at: expect.any(String) })]);
    expect(rejected).toEqual([expect.objectContaining({ action: 'pay_vendor', decided_by: 'owner@demo.example', comment: expect.stringMatching(/^Hold: /) })]);
    const payments = await caller(runner, () => owner).ok<{ rows: Array<{ approval_id: string }> }>('list_vendor_payments', {});
    expect(payments.rows.map((row) => row.approval_id)).toEqual([executed[0]!.id]);
    // Filed over the days before today, oldest first, so newest-first ids and times agree.
    const times = approvals.map((approval) => approval.requested_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(times.every((time) => time < TODAY.toISOString())).toBe(true);
    expect(summary.approvals.map((approval) => approval.id).sort()).toEqual(approvals.map((approval) => approval.id).sort());
    expect(creatorPayments).toEqual([expect.objectContaining({ status: 'executed', decided_by: 'owner@demo.example' })]);
  });

  it('the owner can approve the pending requests, which then execute', async () => {
    const asOwner = caller(runner, () => owner);
    for (const request of approvals.filter((approval) => approval.status === 'pending')) {
      await asOwner.ok('decide_approval', { approval_id: request.id, decision: 'approve' });
    }
    await jobs.drain();
    const after = (await asOwner.ok<{ rows: ApprovalView[] }>('list_approvals', { status: 'any' })).rows;
    expect(after.filter((approval) => approval.status === 'executed' && approval.action !== 'pay_creator')).toHaveLength(approvals.length - 1);
    expect(await database.prisma.vendorPayment.count({ where: { organizationId: summary.organizationId } })).toBe(approvals.filter((row) => row.action === 'pay_vendor').length - 1);
  });

  it('files nothing twice', async () => {
    const before = await database.prisma.approvalRequest.count();
    expect(await seedDemoApprovals(database, summary.organizationId, TODAY)).toEqual([]);
    expect(await database.prisma.approvalRequest.count()).toBe(before);
  });
});
