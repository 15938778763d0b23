import type { Database } from '../database.ts';
import { executeApproval } from '../../tools/approvals/execute-approval.ts';
import { defaultOperator } from '../../tools/access/organizations.ts';
import { createCatalogue } from '../../tools/index.ts';
import { describeFailure } from '../../tools/registry/errors.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import { DEMO_CREATOR_CAMPAIGNS, DEMO_PAYABLE_CREATOR } from './creators.ts';

const HOUR_MS = 3_600_000;

export interface DemoCreatorPayment {
  approvalId: string;
  assignmentId: string;
  paymentId: string;
}

/**
 * Pays the demo's first published creator (@valecruzmx on the release campaign) the way a person
 * would: a campaign manager files pay_creator, the owner approves it a day later and the approved
 * request executes, so the creator payment, its executed approval request, the PAID assignment and
 * the timeline entry are the tools' own. Run it after the demo's approvals inbox is seeded (that
 * seeding does nothing once the organisation has any approval request). Does nothing when the
 * assignment is not PUBLISHED (already paid, or the organisation has no demo creators).
 */
export async function payDemoCreator(database: Database, organizationId: string, today: Date): Promise<DemoCreatorPayment | null> {
  const prisma = database.prisma;
  const assignment = await prisma.campaignCreator.findFirst({
    where: { organizationId, status: 'PUBLISHED', creator: { handle: DEMO_PAYABLE_CREATOR }, campaign: { name: DEMO_CREATOR_CAMPAIGNS.release } },
    select: { id: true },
  });
  if (!assignment) return null;
  const owner = await defaultOperator(prisma, organizationId);
  if (!owner) throw new Error('demo creator payment: the organisation has no owner to approve it');
  // The campaign's owner files the request; the organisation's owner decides it (nobody approves their own).
  const campaign = await prisma.campaign.findFirstOrThrow({ where: { organizationId, name: DEMO_CREATOR_CAMPAIGNS.release }, select: { ownerId: true } });
  const requesterMembership = await prisma.membership.findFirst({
    where: { organizationId, userId: campaign.ownerId && campaign.ownerId !== owner.userId ? campaign.ownerId : { not: owner.userId }, role: { in: ['CAMPAIGN_MANAGER', 'MANAGER', 'ADMIN'] } },
    orderBy: { createdAt: 'asc' },
  });
  if (!requesterMembership) throw new Error('demo creator payment: no member besides the owner can file it');

  let clock = new Date(today.getTime() - 30 * HOUR_MS);
  // No notices while seeding, and the approved request is executed here with the job's own code.
  const runner = new ToolRunner({ prisma, catalogue: createCatalogue(), now: () => clock, jobs: { enqueue: async () => {} } });
  const requester: Principal = { orgId: organizationId, userId: requesterMembership.userId, role: requesterMembership.role, surface: 'WEB' };
  const approver: Principal = { orgId: organizationId, userId: owner.userId, role: 'OWNER', surface: 'WEB' };
  const call = async <Output>(tool: string, input: unknown, principal: Principal): Promise<Output> => {
    const result = await runner.call(tool, input, principal);
    if (!result.ok) throw new Error(`demo creator payment: ${tool} ${describeFailure(result.error)}`);
    return result.output as Output;
  };

  const pending = await call<{ approval_id: string }>('pay_creator', { assignment_id: assignment.id, reference: 'INV-VC-2611' }, requester);
  await prisma.approvalRequest.update({ where: { id: pending.approval_id }, data: { createdAt: clock } });
  clock = new Date(today.getTime() - 7 * HOUR_MS);
  await call('decide_approval', { approval_id: pending.approval_id, decision: 'approve', comment: 'Both videos are live and above the views we expected.' }, approver);
  const outcome = await executeApproval(prisma, runner, pending.approval_id, organizationId);
  if (outcome.status !== 'executed') throw new Error(`demo creator payment: the approved payment did not execute (${JSON.stringify(outcome)})`);
  const payment = await prisma.creatorPayment.findUniqueOrThrow({ where: { approvalRequestId: pending.approval_id }, select: { id: true } });
  return { approvalId: pending.approval_id, assignmentId: assignment.id, paymentId: payment.id };
}
