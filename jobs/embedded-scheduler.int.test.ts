import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createCatalogue } from '../tools/index.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, type TestOrganization } from '../tools/testing/fixtures.ts';
import { startEmbeddedScheduler } from './embedded-scheduler.ts';
import { InProcessJobQueue } from './in-process-queue.ts';
import { recordingNotifier } from './testing/recording-notifier.ts';
import { waitFor } from './testing/test-redis.ts';
import { startApprovalSweep } from './approval-sweep.ts';
import { fixturePayVendor } from '../tools/testing/fixture-tools.ts';

/** The embedded mode (no Redis): the same schedules on croner, driven here by a fake clock. */
describe('embedded scheduler', () => {
  let database: Database;
  let org: TestOrganization;

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'embedded');
    await database.prisma.organization.update({ where: { id: org.id }, data: { timeZone: 'America/Los_Angeles' } });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database.close();
  });

  it('sends the digest at 09:00 in the organisation time zone, about yesterday', async () => {
    // 08:59:58 in Los Angeles on Friday 2026-11-20 (UTC-8).
    vi.useFakeTimers({ now: new Date('2026-11-20T16:59:58Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const notifier = recordingNotifier();
    const jobs = new InProcessJobQueue();
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, notifier });
    const scheduler = await startEmbeddedScheduler({ prisma: database.prisma, jobs, log: silentLogger });
    try {
      const digest = scheduler.upcoming().find((entry) => entry.job === 'digest.daily')!;
      expect(digest.next).toEqual(new Date('2026-11-20T17:00:00Z'));
      expect(scheduler.upcoming().map((entry) => entry.job).sort()).toEqual(['ads.bigquery.sync', 'ads.sync.sweep', 'alerts.campaigns', 'content.agent.daily', 'content.publish.sweep', 'content.tokens.refresh', 'creators.embeddings', 'creators.sync.daily', 'digest.daily', 'reports.delivery.sweep', 'stats.weekly']);
      await vi.advanceTimersByTimeAsync(3_000);
      vi.useRealTimers();
      // The firing first claims its occurrence in the database (real I/O), then enqueues the job.
      await waitFor('the digest to be sent', async () => {
        await jobs.drain();
        return notifier.sent.length > 0;
      });
      expect(notifier.sent).toMatchObject([{ kind: 'digest', organizationId: org.id, message: { title: 'Daily digest, Thursday 2026-11-19' } }]);
    } finally {
      scheduler.stop();
    }
  });

  it('sweeps approved actions that never ran and runs each once, even with two sweeping at once', async () => {
    const catalogue = createCatalogue([...createCatalogue().list(), fixturePayVendor]);
    const embedded = () => {
      const jobs = new InProcessJobQueue();
      jobs.bind({ prisma: database.prisma, runner: new ToolRunner({ prisma: database.prisma, catalogue, jobs }), log: silentLogger, notifier: recordingNotifier() });
      return jobs;
    };
    // A runner with no queue: the decisions' executions are lost, as when the process died right after.
    const lost = new ToolRunner({ prisma: database.prisma, catalogue });
    const requester = await org.member('requester@embedded.test', 'CAMPAIGN_MANAGER');
    const approver = await org.member('approver@embedded.test', 'MANAGER');
    const approvedButLost = async (amount: number) => {
      const filed = await lost.call('fixture_pay_vendor', { vendor: 'Club Restricted', amount }, requester);
      const id = (filed as { ok: true; output: { approval_id: string } }).output.approval_id;
      expect(await lost.call('decide_approval', { approval_id: id, decision: 'approve' }, approver)).toMatchObject({ ok: true });
      return id;
    };
    const status = async (id: string) => (await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id } })).status;
    const payments = (id: string) => database.prisma.activity.count({ where: { organizationId: org.id, kind: 'payment', data: { path: ['approvalId'], equals: id } } });
    const queues = [embedded(), embedded()];
    const sweep = { everyMs: 100, settleMs: 0 };
    const first = await approvedButLost(310);
    const scheduler = await startEmbeddedScheduler({ prisma: database.prisma, jobs: queues[0]!, log: silentLogger, approvalSweep: sweep });
    let rival: { stop(): void } | undefined;
    try {
      // The embedded server's own sweep finds it.
      await waitFor('the embedded sweep to run the approved action', async () => (await status(first)) === 'EXECUTED', 10_000);
      // A second sweep over another queue races it, as a second process would.
      rival = startApprovalSweep({ prisma: database.prisma, jobs: queues[1]!, log: silentLogger, ...sweep });
      const second = await approvedButLost(320);
      await waitFor('the racing sweeps to run it', async () => (await status(second)) === 'EXECUTED', 10_000);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await Promise.all(queues.map((jobs) => jobs.drain()));
      expect([await payments(first), await payments(second)]).toEqual([1, 1]);
    } finally {
      scheduler.stop();
      rival?.stop();
    }
  });

  it('runs a digest that fell due while the process was down once when it comes back, and never twice', async () => {
    const restarted = await createTestOrganization(database, 'restarted');
    await database.prisma.organization.update({ where: { id: restarted.id }, data: { timeZone: 'Europe/Madrid' } });
    const digests = (notifier: ReturnType<typeof recordingNotifier>) => notifier.sent.filter((sent) => sent.kind === 'digest' && sent.organizationId === restarted.id);
    // Each start is a fresh process: a new queue (no remembered keys) and a new scheduler, at a given wall-clock time.
    const startAt = async (now: string) => {
      vi.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
      const notifier = recordingNotifier();
      const jobs = new InProcessJobQueue();
      jobs.bind({ prisma: database.prisma, runner: new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs }), log: silentLogger, notifier });
      const scheduler = await startEmbeddedScheduler({ prisma: database.prisma, jobs, log: silentLogger });
      await jobs.drain();
      scheduler.stop();
      vi.useRealTimers();
      return digests(notifier);
    };
    // Friday 07:00 in Madrid: the first start ever for this organisation has missed nothing.
    expect(await startAt('2026-11-20T06:00:00Z')).toEqual([]);
    // Down over the weekend, back on Sunday 11:00: Sunday's 09:00 digest (about Saturday) runs once.
    expect(await startAt('2026-11-22T10:00:00Z')).toMatchObject([{ message: { title: 'Daily digest, Saturday 2026-11-21' } }]);
    // Restarted again the same morning: that period was already sent.
    expect(await startAt('2026-11-22T10:30:00Z')).toEqual([]);
    // Monday 10:00: the next period runs.
    expect(await startAt('2026-11-23T09:00:00Z')).toMatchObject([{ message: { title: 'Daily digest, Sunday 2026-11-22' } }]);
  });
});
