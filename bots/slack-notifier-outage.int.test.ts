import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../jobs/notifier.ts';
import { createSlackNotifier } from './slack-notifier.ts';
import { webClientOptions } from './slack-settings.ts';
import { openSlackTestWorld, TEAM_A, type SlackTestWorld } from './testing/slack-test-world.ts';

const DIGEST: NotificationMessage = { title: 'Daily digest', summary: 'All good.', sections: [{ heading: 'Top', lines: ['Alpha: 10 streams'] }] };

// Digests, alerts and approval notices run inside jobs (in `crescendo start` itself in embedded
// mode): a Slack failure must end as a logged failure of that delivery, soon, never as a thrown
// error, a crash or a job held for the library's default half hour of retries.
describe('Slack notifier while Slack fails', () => {
  let world: SlackTestWorld;
  const logged: Array<{ message: string; data?: Record<string, unknown> }> = [];
  const log = { info() {}, warn() {}, error: (message: string, data?: Record<string, unknown>) => void logged.push({ message, data }) };
  /** Built the way bin/runtime.ts builds the notifier the jobs use. */
  const runtimeNotifier = () => createSlackNotifier({ prisma: world.database.prisma, client: new WebClient('xoxb-test', webClientOptions({ apiUrl: world.slack.apiUrl })), log });

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.database.prisma.slackChannelBinding.createMany({
      data: ['DIGESTS', 'ALERTS'].map((purpose) => ({ organizationId: world.orgA.id, teamId: TEAM_A, channelId: 'CDIGEST', purpose: purpose as 'DIGESTS' | 'ALERTS' })),
    });
  });
  afterAll(async () => {
    world.slack.failWith(null);
    await world?.close();
  });
  beforeEach(() => {
    logged.length = 0;
  });

  it('logs a refused token with what to do, and the bot reports Slack unhealthy', async () => {
    world.slack.failWith('invalid_auth');
    await expect(runtimeNotifier().digest(world.orgA.id, DIGEST)).resolves.toBeUndefined();
    expect(logged).toEqual([{ message: 'slack notification failed', data: expect.objectContaining({ reason: 'Slack rejected the bot token (invalid_auth)', hint: expect.stringContaining('SLACK_BOT_TOKEN') }) }]);

    await expect(world.bot.notifier.alerts(world.orgA.id, DIGEST)).resolves.toBeUndefined();
    expect(world.bot.health()).toMatchObject({ status: 'unhealthy', reason: 'Slack rejected the bot token (invalid_auth)' });
  });

  it('gives up on an unreachable Slack within seconds and logs it', async () => {
    world.slack.failWith(null);
    await world.slack.goAway();
    try {
      const started = Date.now();
      await expect(runtimeNotifier().digest(world.orgA.id, DIGEST)).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(logged).toEqual([{ message: 'slack notification failed', data: expect.objectContaining({ reason: expect.stringMatching(/^Slack is unreachable at .*ECONNREFUSED/) }) }]);
    } finally {
      await world.slack.comeBack();
    }
  });
});
