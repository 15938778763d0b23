import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { fixturePayVendor } from '../../tools/testing/fixture-tools.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { JobCatalogue } from '../catalogue.ts';
import { recordingNotifier } from '../testing/recording-notifier.ts';
import { NO_REDIS_REASON, TEST_REDIS_URL, testRedisTarget, waitFor } from '../testing/test-redis.ts';
import { BullmqJobQueue } from './bullmq-job-queue.ts';
import { startJobWorker, type JobWorker } from './job-worker.ts';

/**
 * Redis losing its data (a restart without persistence, a FLUSHDB) must not strand an approved
 * action: every worker sweeps for approved-and-waiting requests and runs them, exactly once.
 */
describe.skipIf(!TEST_REDIS_URL)('approval sweep on the real Redis', () => {
  const redis = TEST_REDIS_URL ? testRedisTarget('sweep') : (undefined as never);
  const catalogue = new JobCatalogue();
  const notifier = recordingNotifier();
  let database: Database;
  let org: TestOrganization;
  let api: BullmqJobQueue;
  let apiRunner: ToolRunner;
  const workers: JobWorker[] = [];

  const runner = (jobs?: BullmqJobQueue) => new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue([...createCatalogue().list(), fixturePayVendor]), jobs });
  const startWorker = async () => {
    const worker = await startJobWorker({
      redis, catalogue, schedules: false, approvalSweep: { everyMs: 150, settleMs: 0 },
      deps: { prisma: database.prisma, runner: runner(api), log: silentLogger, notifier, now: () => new Date() },
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'sweep');
    api = new BullmqJobQueue(redis, catalogue);
    apiRunner = runner(api);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await api?.close();
    await redis?.cleanup();
    await database?.close();
  });

  async function fileRequest(amount: number): Promise<string> {
    const requester = await org.member(`requester-${amount}@sweep.test`, 'CAMPAIGN_MANAGER');
    const filed = await apiRunner.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount }, requester);
    if (!filed.ok) throw new Error(filed.error.message);
    return (filed.output as { approval_id: string }).approval_id;
  }
  const approve = async (id: string, via: ToolRunner) =>
    expect(await via.call('decide_approval', { approval_id: id, decision: 'approve' }, await org.member('approver@sweep.test', 'MANAGER'))).toMatchObject({ ok: true });
  const payments = (approvalId: string) => database.prisma.activity.count({ where: { organizationId: org.id, kind: 'payment', data: { path: ['approvalId'], equals: approvalId } } });
  const status = async (approvalId: string) => (await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status;

  it('runs an approved action whose job Redis lost, once', async () => {
    const worker = await startWorker();
    await worker.worker.pause();
    const id = await fileRequest(210);
    await approve(id, apiRunner);
    expect(await api.queue.getJobCounts('waiting')).toMatchObject({ waiting: expect.any(Number) });
    // Redis comes back empty: every key of the queue is gone, the queued execution with them.
    await redis.cleanup();
    expect(await api.queue.getJobs(['waiting', 'active', 'delayed', 'completed'])).toHaveLength(0);
    worker.worker.resume();
    const settledNotices = () => notifier.sent.filter((sent) => sent.kind === 'approvalSettled' && sent.approval.approvalId === id);
    await waitFor('the sweep to run the approved action', async () => (await status(id)) === 'EXECUTED', 10_000);
    // The requester hears of it just after the status flips (the handler notifies once the row is settled).
    await waitFor('the settled notice', async () => settledNotices().length > 0, 5_000);
    expect(await payments(id)).toBe(1);
    expect(settledNotices()).toHaveLength(1);
  });

  it('two workers sweeping at the same time still pay once', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const ids = [await fileRequest(220), await fileRequest(230), await fileRequest(240)];
    // Approved where no queue hears of it: only the sweeps can find them.
    for (const id of ids) await approve(id, runner());
    await waitFor('the sweeps to run every approved action', async () => (await Promise.all(ids.map(status))).every((value) => value === 'EXECUTED'), 10_000);
    // Let a few more sweeps pass over the executed requests: none runs again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await Promise.all(ids.map(payments))).toEqual([1, 1, 1]);
  });
});

if (!TEST_REDIS_URL) {
  describe('approval sweep', () => {
    it.skip(NO_REDIS_REASON, () => {});
  });
}
