import { WebClient } from '@slack/web-api';
import { createSlackNotifier } from '../../../bots/slack-notifier.ts';
import { webClientOptions } from '../../../bots/slack-settings.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../../bots/testing/fake-slack-api.ts';
import { connectWorkspace } from '../../../bots/tenancy/workspaces.ts';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { configureEmail, createSmtpEmailSender } from '../../../tools/common/email/index.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../../tools/common/email/testing/local-smtp-server.ts';
import { ALL_TOOLS, createCatalogue } from '../../../tools/index.ts';
import { silentLogger } from '../../../tools/registry/context.ts';
import { ToolRunner } from '../../../tools/registry/runner.ts';
import { caller } from '../../../tools/testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../../tools/testing/fixtures.ts';
import type { Notifier } from '../../notifier.ts';
import { InProcessJobQueue } from '../../in-process-queue.ts';
import { sweepMinute } from '../../publishing/publish-sweep-job.ts';
import { REPORT_DELIVERY_SWEEP_JOB } from '../report-delivery-sweep-job.ts';

export const TEAM_ID = 'T0REPORTS';

/**
 * A database with the real runner and in-process queue (the real job catalogue), a movable clock,
 * the real Slack notifier talking to the loopback fake Slack API, and a real SMTP server on
 * loopback behind the real SMTP sender. Organisation A has a Slack workspace and a saved report
 * of October's spend by channel; B is another tenant.
 */
export interface ReportDeliveryWorld {
  database: Database;
  runner: ToolRunner;
  jobs: InProcessJobQueue;
  slack: FakeSlackApi;
  smtp: LocalSmtpServer;
  notifier: Notifier;
  clock: { now: Date };
  org: TestOrganization;
  other: TestOrganization;
  reportId: string;
  owner: ReturnType<typeof caller>;
  /** Runs org's minute sweep at the clock's time (on `queue`, default the world's) and waits for what it started. */
  sweep(organizationId?: string, queue?: InProcessJobQueue): Promise<void>;
  /** A second queue on the same database, as after a restart (no memory of the keys that ran). */
  restartedQueue(): InProcessJobQueue;
  close(): Promise<void>;
}

export async function openReportDeliveryWorld(slug: string): Promise<ReportDeliveryWorld> {
  const clock = { now: new Date('2026-10-14T10:00:00Z') };
  const now = () => clock.now;
  const database = await openTestDatabase();
  const slack = await startFakeSlackApi({ teamId: TEAM_ID });
  const smtp = await startLocalSmtpServer();
  configureEmail(createSmtpEmailSender({ url: smtp.url, from: 'Crescendo Reports <reports@crescendo.test>' }));
  const notifier = createSlackNotifier({ prisma: database.prisma, client: new WebClient('xoxb-test', { ...webClientOptions({ apiUrl: slack.apiUrl }), retryConfig: { retries: 0 } }), log: silentLogger });
  const jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
  const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(ALL_TOOLS), jobs, now, log: silentLogger });
  const bindings = { prisma: database.prisma, runner, log: silentLogger, notifier, now };
  jobs.bind(bindings);
  const org = await createTestOrganization(database, slug);
  const other = await createTestOrganization(database, `${slug}-other`);
  await connectWorkspace(database.prisma, { teamId: TEAM_ID, organizationId: org.id, teamName: 'Label' });
  const reportId = await seedSpendReport(database, org);
  await seedSpendReport(database, other);
  return {
    database, runner, jobs, slack, smtp, notifier, clock, org, other, reportId,
    owner: caller(runner, () => org.as('OWNER')),
    async sweep(organizationId = org.id, queue = jobs) {
      await queue.enqueue({ name: REPORT_DELIVERY_SWEEP_JOB, payload: { organizationId, minute: sweepMinute(clock.now) } });
      await queue.drain();
    },
    restartedQueue() {
      const queue = new InProcessJobQueue({ retryDelayMs: () => 0 });
      queue.bind(bindings);
      return queue;
    },
    async close() {
      await jobs.drain();
      await slack.close();
      await smtp.close();
      await database.close();
    },
  };
}

/** October's spend (meta 120.50 + 30, tiktok 80) and a saved report of it by channel, shared with the organisation. */
async function seedSpendReport(database: Database, org: TestOrganization): Promise<string> {
  const { baseCurrency } = await database.prisma.organization.findUniqueOrThrow({ where: { id: org.id }, select: { baseCurrency: true } });
  await database.prisma.marketingSpend.createMany({
    data: [
      { organizationId: org.id, date: new Date('2026-10-05'), channel: 'meta', amount: '120.50', currency: baseCurrency, dedupeKey: 'm1' },
      { organizationId: org.id, date: new Date('2026-10-12'), channel: 'meta', amount: '30', currency: baseCurrency, dedupeKey: 'm2' },
      { organizationId: org.id, date: new Date('2026-10-06'), channel: 'tiktok', amount: '80', currency: baseCurrency, dedupeKey: 't1' },
    ],
  });
  const report = await database.prisma.reportView.create({
    data: {
      organizationId: org.id,
      name: 'October spend by channel',
      category: 'CAMPAIGN_PERFORMANCE',
      visibility: 'ORGANIZATION',
      ownerId: org.ownerId,
      definition: { metrics: ['spend'], dimensions: ['channel'], date_range: { from: '2026-10-01', to: '2026-10-31' } },
    },
  });
  return report.id;
}
