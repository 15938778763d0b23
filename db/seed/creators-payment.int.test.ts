import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../bin/seed-demo-data.ts';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { payDemoCreator } from './creators-payment.ts';

const TODAY = new Date('2026-11-16T12:00:00Z');

describe('payDemoCreator', () => {
  let database: Database;
  let orgId: string;
  let pendingBefore: number;
  let paid: { approvalId: string; assignmentId: string; paymentId: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const seeded = await seedDemoData(database, { slug: 'demo', scale: 0.2, today: TODAY });
    orgId = seeded.organizationId;
    pendingBefore = await database.prisma.approvalRequest.count({ where: { organizationId: orgId, status: 'PENDING' } });
    expect(seeded.approvals.length).toBeGreaterThan(0);
    // seedDemoData pays the creator once the approvals inbox is filed.
    const payment = await database.prisma.creatorPayment.findFirstOrThrow({ where: { organizationId: orgId } });
    paid = { approvalId: payment.approvalRequestId, assignmentId: payment.campaignCreatorId, paymentId: payment.id };
  });

  afterAll(async () => {
    await database?.close();
  });

  it('files pay_creator, has the owner approve it and executes it: one payment, the assignment PAID, the request executed', async () => {
    const assignment = await database.prisma.campaignCreator.findUniqueOrThrow({ where: { id: paid.assignmentId }, include: { creator: true, payment: true, campaign: true } });
    expect(assignment).toMatchObject({ status: 'PAID', creator: { handle: 'valecruzmx' }, campaign: { status: 'ACTIVE' } });
    expect(assignment.payment).toMatchObject({ id: paid.paymentId, currency: 'USD', reference: 'INV-VC-2611', approvalRequestId: paid.approvalId });
    expect(Number(assignment.payment!.amount)).toBe(Number(assignment.fee));
    expect(assignment.payment!.paidAt.getTime()).toBeLessThan(TODAY.getTime());
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: paid.approvalId } });
    expect(request).toMatchObject({ action: 'pay_creator', status: 'EXECUTED', decisionComment: expect.stringContaining('videos') });
    expect(request.requestedById).not.toBe(request.decidedById);
    expect(request.preview).toContain('published 2 of 2 pieces agreed');
    // The demo's pending inbox is untouched.
    expect(await database.prisma.approvalRequest.count({ where: { organizationId: orgId, status: 'PENDING', action: 'pay_creator' } })).toBe(0);
  });

  it('does nothing the second time', async () => {
    expect(await payDemoCreator(database, orgId, TODAY)).toBeNull();
    expect(await database.prisma.approvalRequest.count({ where: { organizationId: orgId, status: 'PENDING' } })).toBe(pendingBefore);
    expect(await database.prisma.creatorPayment.count({ where: { organizationId: orgId } })).toBe(1);
  });
});
