import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackConnection } from './slack-connection.ts';
import { startFakeSlackApi, type FakeSlackApi } from './testing/fake-slack-api.ts';

// The connection on its own, against the real WebClient and the loopback fake: checks back off,
// log once per reason, and recover by themselves (no Slack event needed).
describe('SlackConnection', () => {
  let fake: FakeSlackApi;
  let connection: SlackConnection | undefined;
  const logged: Array<{ level: string; message: string }> = [];
  const log = {
    info: (message: string) => void logged.push({ level: 'info', message }),
    warn: (message: string) => void logged.push({ level: 'warn', message }),
    error: (message: string) => void logged.push({ level: 'error', message }),
  };
  const open = () => new SlackConnection({ botToken: 'xoxb-test', client: new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }), log, apiUrl: fake.apiUrl, firstRetryMs: 100, maxRetryMs: 400 });
  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    fake = await startFakeSlackApi({ teamId: 'T0001', botUserId: 'UBOT' });
  });
  afterEach(() => {
    connection?.stop();
    fake.failWith(null);
    fake.calls.length = 0;
    logged.length = 0;
  });
  afterAll(async () => {
    await fake.close();
  });

  it('reports ok with the bot identity Bolt needs once auth.test passes', async () => {
    connection = open();
    expect(connection.health().status).toBe('connecting');
    await expect(connection.authorize()).resolves.toEqual({ botToken: 'xoxb-test', botId: 'BBOT', botUserId: 'UBOT' });
    expect(connection.health()).toMatchObject({ status: 'ok' });
    await connection.authorize();
    expect(fake.callsTo('auth.test')).toHaveLength(1); // cached, not checked per event
  });

  it('retries a refused token with growing waits, logs it once with what to do, and recovers on its own', async () => {
    fake.failWith('invalid_auth');
    connection = open();
    const started = Date.now();
    connection.start();
    await until(() => fake.callsTo('auth.test').length >= 4, 'four checks');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100 + 200 + 400 - 50); // waits double up to the cap
    const health = connection.health();
    expect(health).toMatchObject({ status: 'unhealthy', reason: 'Slack rejected the bot token (invalid_auth)', hint: expect.stringContaining('SLACK_BOT_TOKEN'), next_check_at: expect.any(String) });
    expect(logged.filter((line) => line.level === 'error')).toHaveLength(1);
    expect(logged[0]!.message).toMatch(/invalid_auth.*To fix: set SLACK_BOT_TOKEN/);
    await expect(connection.authorize()).rejects.toThrow(/invalid_auth/);

    fake.failWith(null);
    await until(() => connection!.health().status === 'ok', 'recovery by the scheduled check');
    expect(logged.at(-1)).toEqual({ level: 'info', message: 'slack is reachable again: events and notifications work' });
  });

  it('turns unhealthy when another call finds the token refused, and checks again on the next event', async () => {
    connection = open();
    await connection.authorize();
    fake.failWith('token_revoked');
    const refused = await new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }).chat.postMessage({ channel: 'C1', text: 'hi' }).catch((error: unknown) => error);
    connection.reportFailure(refused);
    expect(connection.health()).toMatchObject({ status: 'unhealthy', reason: 'Slack rejected the bot token (token_revoked)' });

    fake.failWith(null);
    await expect(connection.authorize()).resolves.toMatchObject({ botUserId: 'UBOT' });
    expect(connection.health().status).toBe('ok');
  });

  it('ignores a call\'s own error such as channel_not_found', async () => {
    connection = open();
    await connection.authorize();
    fake.failWith('channel_not_found');
    const notFound = await new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }).chat.postMessage({ channel: 'C1', text: 'hi' }).catch((error: unknown) => error);
    connection.reportFailure(notFound);
    expect(connection.health().status).toBe('ok');
  });
});
