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
      expect(scheduler.upcoming().map((entry) => entry.job).sort()).toEqual(['alerts.campaigns', 'digest.daily', 'stats.weekly']);
      await vi.advanceTimersByTimeAsync(3_000);
      vi.useRealTimers();
      await jobs.drain();
      expect(notifier.sent).toMatchObject([{ kind: 'digest', organizationId: org.id, message: { title: 'Daily digest, Thursday 2026-11-19' } }]);
    } finally {
      scheduler.stop();
    }
  });
});
