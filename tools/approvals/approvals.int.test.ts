import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import type { Principal, ToolRunner } from '../registry/runner.ts';
import { fixturePayVendor } from '../testing/fixture-tools.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { executeApproval } from './execute-approval.ts';

describe('approvals', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let requester: Principal;
  let approver: Principal;

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('approvals', { tools: [fixturePayVendor] }));
    requester = await org.member('campaigns@approvals.test', 'CAMPAIGN_MANAGER', 'AGENT');
    approver = await org.member('boss@approvals.test', 'MANAGER', 'WEB');
  });
  afterAll(async () => { await database.close(); });

  async function request(amount: number): Promise<string> {
    const result = await runner.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount }, requester);
    expect(result.ok).toBe(true);
    const output = (result as { output: { approval_id: string; status: string; preview: string } }).output;
    expect(output.status).toBe('pending');
    expect(output.preview).toBe(`Pay Club Restricted ${amount.toFixed(2)} USD`);
    return output.approval_id;
  }

  async function payments(approvalId: string): Promise<number> {
    return database.prisma.activity.count({ where: { organizationId: org.id, kind: 'payment', data: { path: ['approvalId'], equals: approvalId } } });
  }

  it('an approval tool only files a request; nothing happens before a decision', async () => {
    const id = await request(100);
    expect(await payments(id)).toBe(0);
    const listed = await runner.call('list_approvals', {}, approver);
    expect(listed.ok && (listed.output as { rows: Array<{ id: string; requested_by: string }> }).rows.find((row) => row.id === id))
      .toMatchObject({ requested_by: 'campaigns@approvals.test' });
  });

  it('asking again for the same thing while it is pending returns the standing request, not a second one', async () => {
    const first = await request(777);
    const again = await request(777);
    expect(again).toBe(first);
    const other = await request(778);
    expect(other).not.toBe(first);
    await runner.call('decide_approval', { approval_id: first, decision: 'reject', comment: 'duplicate check' }, approver);
    expect(await request(777)).not.toBe(first);
  });

  it('approving runs the action exactly once and records the outcome', async () => {
    const id = await request(250);
    const decided = await runner.call('decide_approval', { approval_id: id, decision: 'approve', comment: 'ok' }, approver);
    expect(decided).toMatchObject({ ok: true, output: { status: 'approved', decided_by: 'boss@approvals.test', comment: 'ok' } });
    await jobs.drain();
    expect(await payments(id)).toBe(1);
    const row = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('EXECUTED');
    expect(row.result).toEqual({ paid: 250 });
  });

  it('executes once when approved twice concurrently', async () => {
    const id = await request(300);
    const second = await org.member('boss2@approvals.test', 'OWNER', 'SLACK');
    const results = await Promise.all([
      runner.call('decide_approval', { approval_id: id, decision: 'approve' }, approver),
      runner.call('decide_approval', { approval_id: id, decision: 'approve' }, second),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual(['conflict']);
    await jobs.drain();
    expect(await payments(id)).toBe(1);
  });

  it('runs once when several executors race for the same approved request', async () => {
    const id = await request(50);
    await database.prisma.approvalRequest.update({ where: { id }, data: { status: 'APPROVED', decidedById: approver.userId } });
    const outcomes = await Promise.all([1, 2, 3].map(() => executeApproval(database.prisma, runner, id, org.id)));
    expect(outcomes.filter((outcome) => outcome.status === 'executed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'skipped')).toHaveLength(2);
    expect(await payments(id)).toBe(1);
  });

  it('a rejected request never runs', async () => {
    const id = await request(75);
    expect(await runner.call('decide_approval', { approval_id: id, decision: 'reject', comment: 'too much' }, approver)).toMatchObject({ ok: true, output: { status: 'rejected' } });
    await jobs.drain();
    expect(await payments(id)).toBe(0);
    expect(await runner.call('decide_approval', { approval_id: id, decision: 'approve' }, approver)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the requester cannot approve their own request', async () => {
    const id = await request(10);
    const self = { ...requester, surface: 'WEB' as const, role: 'OWNER' as const };
    expect(await runner.call('decide_approval', { approval_id: id, decision: 'approve' }, self)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/another approver/) } });
  });

  it('the agent and MCP surfaces cannot approve, even for a manager', async () => {
    const id = await request(11);
    for (const surface of ['AGENT', 'MCP'] as const) {
      expect(await runner.call('decide_approval', { approval_id: id, decision: 'approve' }, { ...approver, surface })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('roles below MANAGER cannot decide', async () => {
    const id = await request(12);
    for (const role of ['CAMPAIGN_MANAGER', 'ANALYST', 'VIEWER'] as const) {
      expect(await runner.call('decide_approval', { approval_id: id, decision: 'approve' }, { ...approver, role })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('a VIEWER cannot even file a request for an approval action', async () => {
    const viewer = await org.member('viewer@approvals.test', 'VIEWER', 'AGENT');
    expect(await runner.call('fixture_pay_vendor', { vendor: 'x', amount: 1 }, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('an action that fails is recorded as failed with its error', async () => {
    const id = await request(20);
    await database.prisma.approvalRequest.update({ where: { id }, data: { payload: { vendor: 'x', amount: -5 } } });
    await runner.call('decide_approval', { approval_id: id, decision: 'approve' }, approver);
    await jobs.drain();
    const row = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('FAILED');
    expect(row.error).toMatch(/^invalid_input: .*amount/);
  });

  it('lists decided requests (every status but pending) apart from pending ones', async () => {
    const pendingId = await request(11);
    const rejectedId = await request(12);
    await runner.call('decide_approval', { approval_id: rejectedId, decision: 'reject' }, approver);
    const list = async (status: string) => {
      const result = await runner.call('list_approvals', { status, limit: 200 }, approver);
      return (result as { output: { rows: Array<{ id: string; status: string }> } }).output.rows;
    };
    const decided = await list('decided');
    expect(decided.map((row) => row.id)).toContain(rejectedId);
    expect(decided.map((row) => row.id)).not.toContain(pendingId);
    expect(new Set(decided.map((row) => row.status)).has('pending')).toBe(false);
    expect((await list('pending')).map((row) => row.id)).toContain(pendingId);
  });
});
