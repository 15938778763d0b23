import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { fixturePayVendor } from '../../tools/testing/fixture-tools.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { JobCatalogue, JOBS } from '../catalogue.ts';
import { defineJob } from '../define-job.ts';
import { JobToolError } from '../job-principal.ts';
import { recordingNotifier } from '../testing/recording-notifier.ts';
import { NO_REDIS_REASON, TEST_REDIS_URL, testRedisTarget, waitFor } from '../testing/test-redis.ts';
import { BullmqJobQueue } from './bullmq-job-queue.ts';
import { startJobWorker, type JobWorker } from './job-worker.ts';

const attemptsSeen = new Map<string, number[]>();
const note = (id: string) => attemptsSeen.set(id, [...(attemptsSeen.get(id) ?? []), Date.now()]);

/** Fails its first `failures` attempts (counted per `id`), then succeeds. */
const flakyJob = defineJob({
  name: 'test.flaky',
  description: 'test only',
  payload: z.object({ organizationId: z.string(), id: z.string(), failures: z.int() }),
  attempts: 3,
  backoffMs: 100,
  key: (payload) => `test.flaky.${payload.id}`,
  async run(_deps, payload) {
    note(payload.id);
    if (attemptsSeen.get(payload.id)!.length <= payload.failures) throw new Error(`attempt ${attemptsSeen.get(payload.id)!.length} fails`);
    return { ok: true };
  },
});

/** Fails like a tool answering invalid_input: retrying cannot help. */
const hopelessJob = defineJob({
  name: 'test.hopeless',
  description: 'test only',
  payload: z.object({ organizationId: z.string(), id: z.string() }),
  attempts: 5,
  backoffMs: 100,
  key: (payload) => `test.hopeless.${payload.id}`,
  async run(_deps, payload) {
    note(payload.id);
    throw new JobToolError('some_tool', 'invalid_input', 'bad input');
  },
});

describe.skipIf(!TEST_REDIS_URL)('BullMQ jobs on the real Redis', () => {
  const redis = TEST_REDIS_URL ? testRedisTarget('jobs') : (undefined as never);
  const catalogue = new JobCatalogue([...JOBS, flakyJob, hopelessJob]);
  const notifier = recordingNotifier();
  let database: Database;
  let org: TestOrganization;
  let api: BullmqJobQueue;
  let apiRunner: ToolRunner;
  const workers: JobWorker[] = [];

  const runner = (jobs?: BullmqJobQueue) => new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue([...createCatalogue().list(), fixturePayVendor]), jobs });
  const worker = () =>
    startJobWorker({ redis, catalogue, schedules: false, concurrency: 2, deps: { prisma: database.prisma, runner: runner(api), log: silentLogger, notifier, now: () => new Date() } });

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'bullmq');
    // The API process: its runner enqueues into Redis; two worker processes compete for the jobs.
    api = new BullmqJobQueue(redis, catalogue);
    apiRunner = runner(api);
    workers.push(await worker(), await worker());
  });

  afterAll(async () => {
    await Promise.all(workers.map((running) => running.close()));
    await api?.close();
    await redis?.cleanup();
    await database?.close();
  });

  async function approvedRequest(amount: number): Promise<string> {
    const requester = await org.member(`requester-${amount}@bullmq.test`, 'CAMPAIGN_MANAGER');
    const filed = await apiRunner.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount }, requester);
    if (!filed.ok) throw new Error(filed.error.message);
    return (filed.output as { approval_id: string }).approval_id;
  }

  const payments = (approvalId: string) => database.prisma.activity.count({ where: { organizationId: org.id, kind: 'payment', data: { path: ['approvalId'], equals: approvalId } } });
  const status = async (approvalId: string) => (await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } })).status;

  it('an approved action executes exactly once with two workers competing', async () => {
    const id = await approvedRequest(120);
    const approver = await org.member('approver@bullmq.test', 'MANAGER');
    // The decision enqueues the job (jobId = approval id); two more API processes re-enqueue it at
    // once, as `crescendo start` does for approved requests it finds waiting.
    const second = new BullmqJobQueue(redis, catalogue);
    const enqueue = (queue: BullmqJobQueue) => queue.enqueue({ name: 'approvals.execute', payload: { approvalId: id, organizationId: org.id } });
    expect(await apiRunner.call('decide_approval', { approval_id: id, decision: 'approve' }, approver)).toMatchObject({ ok: true });
    await Promise.all([enqueue(api), enqueue(second), enqueue(api)]).finally(() => second.close());
    await waitFor('the approval to execute', async () => (await status(id)) === 'EXECUTED');
    await waitFor('the job to complete', async () => (await api.queue.getJob(id))?.finishedOn !== undefined);
    expect(await payments(id)).toBe(1);
    expect((await api.queue.getJobCounts('completed')).completed).toBeGreaterThanOrEqual(1);
    expect(notifier.sent.filter((sent) => sent.kind === 'approvalSettled' && sent.approval.approvalId === id)).toHaveLength(1);
  });

  it('the registry claim holds even when the queue is bypassed and both workers run the action at once', async () => {
    const id = await approvedRequest(130);
    const approver = await org.member('approver2@bullmq.test', 'MANAGER');
    // Approve without the queue seeing it (a runner with no queue), then add two differently keyed jobs.
    expect(await runner().call('decide_approval', { approval_id: id, decision: 'approve' }, approver)).toMatchObject({ ok: true });
    await Promise.all(['a', 'b'].map((copy) => api.enqueue({ name: 'approvals.execute', payload: { approvalId: id, organizationId: org.id }, key: `${id}-${copy}` })));
    await waitFor('both copies to finish', async () => {
      const jobs = await Promise.all(['a', 'b'].map((copy) => api.queue.getJob(`${id}-${copy}`)));
      return jobs.every((job) => job?.finishedOn !== undefined);
    });
    const results = await Promise.all(['a', 'b'].map(async (copy) => (await api.queue.getJob(`${id}-${copy}`))!.returnvalue as { status: string }));
    expect(results.map((result) => result.status).sort()).toEqual(['executed', 'skipped']);
    expect(await payments(id)).toBe(1);
    expect(await status(id)).toBe('EXECUTED');
  });

  it('a failing job is retried with exponential backoff, then succeeds', async () => {
    await api.enqueue({ name: 'test.flaky', payload: { organizationId: org.id, id: 'flaky-1', failures: 2 } });
    await waitFor('the flaky job to complete', async () => (await api.queue.getJob('test.flaky.flaky-1'))?.finishedOn !== undefined);
    const job = (await api.queue.getJob('test.flaky.flaky-1'))!;
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(3);
    const [first, second, third] = attemptsSeen.get('flaky-1')!;
    // Backoff 100 ms, doubling: at least 100 ms before the second attempt and 200 ms before the third.
    expect(second! - first!).toBeGreaterThanOrEqual(90);
    expect(third! - second!).toBeGreaterThanOrEqual(190);
  });

  it('a job that keeps failing is kept in the failed list; re-enqueueing its key retries it', async () => {
    await api.enqueue({ name: 'test.flaky', payload: { organizationId: org.id, id: 'flaky-2', failures: 3 } });
    await waitFor('the job to fail for good', async () => (await api.queue.getJob('test.flaky.flaky-2'))?.finishedOn !== undefined);
    const failed = await api.queue.getFailed();
    expect(failed.map((job) => job.id)).toContain('test.flaky.flaky-2');
    expect(failed.find((job) => job.id === 'test.flaky.flaky-2')!.failedReason).toBe('attempt 3 fails');
    // Adding the same key again does not add a copy: it retries the failed job, which now succeeds.
    await api.enqueue({ name: 'test.flaky', payload: { organizationId: org.id, id: 'flaky-2', failures: 3 } });
    await waitFor('the retried job to complete', async () => (await api.queue.getJob('test.flaky.flaky-2'))?.returnvalue?.ok === true);
    expect(attemptsSeen.get('flaky-2')).toHaveLength(4);
  });

  it('a failure that cannot succeed on a retry fails at once', async () => {
    await api.enqueue({ name: 'test.hopeless', payload: { organizationId: org.id, id: 'hopeless-1' } });
    await waitFor('the job to fail', async () => (await api.queue.getJob('test.hopeless.hopeless-1'))?.finishedOn !== undefined);
    expect(await (await api.queue.getJob('test.hopeless.hopeless-1'))!.getState()).toBe('failed');
    expect(attemptsSeen.get('hopeless-1')).toHaveLength(1);
  });

  it('refuses an invalid payload when it is enqueued', async () => {
    await expect(api.enqueue({ name: 'digest.daily', payload: { organizationId: org.id, date: 'yesterday' } })).rejects.toThrow();
    await expect(api.enqueue({ name: 'no.such', payload: { organizationId: org.id } })).rejects.toThrow(/Unknown job/);
  });
});

// Registered only without Redis, so a run with Redis reports no skipped tests and one without says why.
if (!TEST_REDIS_URL) {
  describe('BullMQ jobs', () => {
    it.skip(NO_REDIS_REASON, () => {});
  });
}
