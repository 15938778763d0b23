import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { createTokenCipher } from '../../../tools/common/secrets/token-cipher.ts';
import { createPublishingClients } from '../../../tools/content/connectors/index.ts';
import { testDeps } from '../../../tools/content/connectors/testing/connector-test-kit.ts';
import { fakeGraphApi, GRAPH_VERSION_PATH, type FakeGraphState } from '../../../tools/content/connectors/testing/fake-graph-api.ts';
import { startFakeSocialServer, type FakeSocialServer } from '../../../tools/content/connectors/testing/fake-social-server.ts';
import { fakeX, type FakeXState } from '../../../tools/content/connectors/testing/fake-x.ts';
import { configureContentServices } from '../../../tools/content/posts/index.ts';
import { ALL_TOOLS, createCatalogue } from '../../../tools/index.ts';
import { silentLogger } from '../../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../../tools/registry/runner.ts';
import { caller } from '../../../tools/testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../../tools/testing/fixtures.ts';
import { InProcessJobQueue } from '../../in-process-queue.ts';
import { recordingNotifier } from '../../testing/recording-notifier.ts';
import { PUBLISH_SWEEP_JOB, sweepMinute } from '../publish-sweep-job.ts';

export const INSTAGRAM_TOKEN = 'IGQVJ-publishing-test-token-0123456789';
export const X_TOKEN = 'x-oauth2-publishing-test-token-0123456789';
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * A database, the real tool runner and in-process queue (the real job catalogue, retries without
 * waiting), a recording notifier, a movable clock, and the loopback fakes of the Graph API
 * (Instagram) and X behind the real publishing connectors.
 */
export interface PublishingWorld {
  database: Database;
  runner: ToolRunner;
  jobs: InProcessJobQueue;
  notifier: ReturnType<typeof recordingNotifier>;
  fake: FakeSocialServer;
  graph: FakeGraphState;
  x: FakeXState;
  org: TestOrganization;
  owner: ReturnType<typeof caller>;
  approver: ReturnType<typeof caller>;
  approverPrincipal: Principal;
  clock: { now: Date };
  /** Runs the minute sweep as the schedule would at the clock's time, and waits for every job it starts. */
  sweep(): Promise<void>;
  /** Decides a request as the approver and waits for its execution. */
  approve(approvalId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPublishingWorld(slug: string): Promise<PublishingWorld> {
  const clock = { now: new Date('2026-12-10T10:00:00Z') };
  const now = () => clock.now;
  const database = await openTestDatabase();
  const jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
  const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(ALL_TOOLS), jobs, now, log: silentLogger });
  const notifier = recordingNotifier();
  jobs.bind({ prisma: database.prisma, runner, log: silentLogger, notifier, now });
  const graphApi = fakeGraphApi(INSTAGRAM_TOKEN);
  const xApi = fakeX(X_TOKEN);
  const fake = await startFakeSocialServer([graphApi.route, xApi.route]);
  configureContentServices({
    cipher: createTokenCipher(TEST_KEY),
    publishing: createPublishingClients({ instagram: fake.url + GRAPH_VERSION_PATH, facebook: fake.url + GRAPH_VERSION_PATH, x: fake.url }, testDeps()),
  });
  const org = await createTestOrganization(database, slug);
  const approverPrincipal = await org.member(`approver@${slug}.test`, 'MANAGER', 'WEB');
  const approver = caller(runner, () => approverPrincipal);
  return {
    database,
    runner,
    jobs,
    notifier,
    fake,
    graph: graphApi.state,
    x: xApi.state,
    org,
    owner: caller(runner, () => org.as('OWNER')),
    approver,
    approverPrincipal,
    clock,
    async sweep() {
      await jobs.enqueue({ name: PUBLISH_SWEEP_JOB, payload: { organizationId: org.id, minute: sweepMinute(clock.now) } });
      await jobs.drain();
    },
    async approve(approvalId) {
      await approver.ok('decide_approval', { approval_id: approvalId, decision: 'approve' });
      await jobs.drain();
    },
    async close() {
      await jobs.drain();
      await fake.close();
      await database.close();
    },
  };
}
