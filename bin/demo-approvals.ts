import type { Database } from '../db/database.ts';
import { executeApproval } from '../tools/approvals/execute-approval.ts';
import { defaultOperator } from '../tools/access/organizations.ts';
import { createCatalogue } from '../tools/index.ts';
import { describeFailure } from '../tools/registry/errors.ts';
import { ToolRunner, type Principal } from '../tools/registry/runner.ts';
import { pickDemoRequests, type DemoReader } from './demo-approval-picks.ts';

/** The demo member who files the requests: approvers never decide their own, and the printed token is the owner's. */
export const DEMO_REQUESTER = { name: 'Sam Rivera', role: 'CAMPAIGN_MANAGER' as const };
export const demoRequesterEmail = (slug: string) => `sam@${slug}.example`;

export interface DemoApproval {
  id: string;
  action: string;
  status: 'pending' | 'executed' | 'rejected';
  preview: string;
}

const HOUR_MS = 3_600_000;

/**
 * Gives a freshly seeded organisation an approvals inbox: a few pending requests of different
 * kinds plus a little history (one approved and executed, one rejected with a comment), all
 * filed by the demo member through the tool runner, so previews, validation and audit rows are
 * the real ones. Requests are filed over the days before `today` (the runner's clock is moved
 * for each step), oldest first so ids and times agree. Does nothing when the organisation
 * already has approval requests.
 */
export async function seedDemoApprovals(database: Database, organizationId: string, today: Date): Promise<DemoApproval[]> {
  const prisma = database.prisma;
  if (await prisma.approvalRequest.count({ where: { organizationId } })) return [];
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const owner = await defaultOperator(prisma, organizationId);
  if (!owner) throw new Error(`organisation ${organization.slug} has no owner to decide the demo requests`);
  const requesterUser = await prisma.user.upsert({
    where: { email: demoRequesterEmail(organization.slug) },
    create: { email: demoRequesterEmail(organization.slug), name: DEMO_REQUESTER.name },
    update: {},
  });
  await prisma.membership.upsert({
    where: { organizationId_userId: { organizationId, userId: requesterUser.id } },
    create: { organizationId, userId: requesterUser.id, role: DEMO_REQUESTER.role },
    update: {},
  });

  let clock = today;
  // Seeding sends no notices (nobody is bound to hear them yet) and executes the approved request
  // itself, below, with the job's own code: so the runner gets a queue that drops jobs.
  const runner = new ToolRunner({ prisma, catalogue: createCatalogue(), now: () => clock, jobs: { enqueue: async () => {} } });
  const requester: Principal = { orgId: organizationId, userId: requesterUser.id, role: DEMO_REQUESTER.role, surface: 'WEB' };
  const approver: Principal = { orgId: organizationId, userId: owner.userId, role: 'OWNER', surface: 'WEB' };
  const call = async <Output>(tool: string, input: unknown, principal: Principal): Promise<Output> => {
    const result = await runner.call(tool, input, principal);
    if (!result.ok) throw new Error(`demo approvals: ${tool} ${describeFailure(result.error)}`);
    return result.output as Output;
  };
  const reader: DemoReader = (tool, input) => call(tool, input, approver);
  const picks = await pickDemoRequests(reader);

  const seeded: DemoApproval[] = [];
  const file = async (hoursBefore: number, action: string, input: unknown) => {
    clock = new Date(today.getTime() - hoursBefore * HOUR_MS);
    const pending = await call<{ approval_id: string; preview: string }>(action, input, requester);
    await prisma.approvalRequest.update({ where: { id: pending.approval_id }, data: { createdAt: clock } });
    return pending;
  };
  const decide = async (hoursBefore: number, approvalId: string, decision: 'approve' | 'reject', comment: string) => {
    clock = new Date(today.getTime() - hoursBefore * HOUR_MS);
    await call('decide_approval', { approval_id: approvalId, decision, comment }, approver);
  };

  const paid = await file(141, 'pay_vendor', picks.executed.input);
  await decide(118, paid.approval_id, 'approve', picks.executed.comment);
  const outcome = await executeApproval(prisma, runner, paid.approval_id, organizationId);
  if (outcome.status !== 'executed') throw new Error(`demo approvals: the approved payment did not execute (${JSON.stringify(outcome)})`);
  seeded.push({ id: paid.approval_id, action: 'pay_vendor', status: 'executed', preview: paid.preview });

  const held = await file(93, 'pay_vendor', picks.rejected.input);
  await decide(70, held.approval_id, 'reject', picks.rejected.comment);
  seeded.push({ id: held.approval_id, action: 'pay_vendor', status: 'rejected', preview: held.preview });

  const pendingSteps: Array<[number, string, unknown]> = [
    [46, 'pay_vendor', picks.pendingPayments[0]],
    [21, 'pay_vendor', picks.pendingPayments[1]],
    [3, 'commit_allocation', picks.allocation],
  ];
  for (const [hoursBefore, action, input] of pendingSteps) {
    if (!input) continue;
    const pending = await file(hoursBefore, action, input);
    seeded.push({ id: pending.approval_id, action, status: 'pending', preview: pending.preview });
  }
  return seeded;
}
