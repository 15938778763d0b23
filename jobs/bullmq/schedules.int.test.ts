import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { todayIn, isoDay } from '../../tools/common/format.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { recordingNotifier } from '../testing/recording-notifier.ts';
import { NO_REDIS_REASON, TEST_REDIS_URL, testRedisTarget, waitFor } from '../testing/test-redis.ts';
import { startJobWorker, type JobWorker } from './job-worker.ts';
import { schedulerId } from './sync-schedules.ts';

const localTime = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));

describe.skipIf(!TEST_REDIS_URL)('schedules on the real Redis', () => {
  const redis = TEST_REDIS_URL ? testRedisTarget('schedules') : (undefined as never);
  const notifier = recordingNotifier();
  let database: Database;
  let madrid: TestOrganization;
  let auckland: TestOrganization;
  let worker: JobWorker;

  beforeAll(async () => {
    database = await openTestDatabase();
    madrid = await createTestOrganization(database, 'sched-madrid');
    auckland = await createTestOrganization(database, 'sched-auckland');
    await database.prisma.organization.update({ where: { id: madrid.id }, data: { timeZone: 'Europe/Madrid' } });
    await database.prisma.organization.update({ where: { id: auckland.id }, data: { timeZone: 'Pacific/Auckland' } });
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue() });
    worker = await startJobWorker({ redis, deps: { prisma: database.prisma, runner, log: silentLogger, notifier, now: () => new Date() } });
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.cleanup();
    await database?.close();
  });

  it('keeps one scheduler per organisation and job, in the organisation time zone', async () => {
    const schedulers = await worker.queue.queue.getJobSchedulers(0, -1);
    const digest = schedulers.find((scheduler) => scheduler.key === schedulerId('digest.daily', auckland.id))!;
    expect(digest).toMatchObject({ pattern: '0 9 * * *', tz: 'Pacific/Auckland' });
    expect(localTime(digest.next!, 'Pacific/Auckland')).toMatch(/ 09:00$/);
    expect(digest.next! - Date.now()).toBeLessThanOrEqual(86_400_000);
    const weekly = schedulers.find((scheduler) => scheduler.key === schedulerId('stats.weekly', madrid.id))!;
    expect(localTime(weekly.next!, 'Europe/Madrid')).toBe('Tue 06:00');
    const alerts = schedulers.find((scheduler) => scheduler.key === schedulerId('alerts.campaigns', madrid.id))!;
    expect(localTime(alerts.next!, 'Europe/Madrid')).toMatch(/ 08:30$/);
    // No ingestion folder configured: no ingestion schedule.
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual(
      [madrid, auckland].flatMap((org) => ['ads.bigquery.sync', 'ads.sync.sweep', 'alerts.campaigns', 'content.agent.daily', 'content.publish.sweep', 'content.tokens.refresh', 'creators.embeddings', 'creators.sync.daily', 'digest.daily', 'reports.delivery.sweep', 'stats.weekly'].map((job) => schedulerId(job, org.id))).sort(),
    );
  });

  it('a scheduled digest fires when its time comes (time driven by promoting the delayed job), once per day', async () => {
    const delayedFiring = async () =>
      (await worker.queue.queue.getDelayed()).find((job) => job.repeatJobKey === schedulerId('digest.daily', madrid.id));
    const first = await delayedFiring();
    expect(first).toBeDefined();
    await first!.promote();
    const yesterday = isoDay(new Date(todayIn('Europe/Madrid', new Date()).getTime() - 86_400_000));
    await waitFor('the digest', () => notifier.sent.some((sent) => sent.kind === 'digest' && sent.organizationId === madrid.id));
    expect(await worker.queue.queue.getJob(`digest.daily.${madrid.id}.${yesterday}`)).toBeDefined();
    // The scheduler has queued its next firing; firing it now (same day) sends nothing new.
    await waitFor('the next firing', async () => (await delayedFiring()) !== undefined && (await delayedFiring())!.id !== first!.id);
    const second = (await delayedFiring())!;
    await second.promote();
    await waitFor('the second firing to finish', async () => (await worker.queue.queue.getJob(second.id!))?.finishedOn !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notifier.sent.filter((sent) => sent.kind === 'digest' && sent.organizationId === madrid.id)).toHaveLength(1);
  });

  it('follows the organisations table: a new time zone moves the schedule, a deleted organisation loses it', async () => {
    await database.prisma.organization.update({ where: { id: madrid.id }, data: { timeZone: 'America/New_York' } });
    await database.prisma.organization.delete({ where: { id: auckland.id } });
    expect(await worker.syncSchedules()).toEqual({ schedulers: 11, removed: 11 });
    const schedulers = await worker.queue.queue.getJobSchedulers(0, -1);
    expect(schedulers.map((scheduler) => scheduler.tz)).toEqual(Array(11).fill('America/New_York'));
    const digest = schedulers.find((scheduler) => scheduler.key === schedulerId('digest.daily', madrid.id))!;
    expect(localTime(digest.next!, 'America/New_York')).toMatch(/ 09:00$/);
  });
});

// Registered only without Redis, so a run with Redis reports no skipped tests and one without says why.
if (!TEST_REDIS_URL) {
  describe('schedules on Redis', () => {
    it.skip(NO_REDIS_REASON, () => {});
  });
}
