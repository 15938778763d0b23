import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate/migrate.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { createOrganization } from '../tools/access/organizations.ts';
import { HELP_TEXT } from './listeners/slash-command.ts';
import { startFakeSlackApi, type FakeSlackApi } from './testing/fake-slack-api.ts';
import { slackSender } from './testing/signed-request.ts';

const SIGNING_SECRET = 'outage-signing-secret';
const CLI = join(import.meta.dirname, '..', 'bin', 'crescendo.js');

// `crescendo start` as an operator runs it (a separate process, its own embedded database), with
// the Slack Web API pointed at a loopback fake that first rejects the bot token, then disappears,
// then comes back. The server must stay up throughout, say so in /health, and answer Slack again.
describe('crescendo start while Slack fails', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-slack-outage-'));
  let fake: FakeSlackApi;
  let server: ChildProcess | undefined;
  let stderr = '';
  let base = '';
  let token = '';
  const environment = () => ({
    ...process.env,
    CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', ANTHROPIC_API_KEY: '', CRESCENDO_OPENAI_BASE_URL: '', CRESCENDO_LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: fake.apiUrl,
  });
  /** An organisation (so start skips seeding the demo) and an owner's token, in the server's data folder. */
  async function prepareDataFolder(): Promise<string> {
    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      await migrate(database);
      const organization = await createOrganization(database.prisma, { name: 'Outage Records', slug: 'outage', ownerEmail: 'owner@outage.test' });
      return (await createApiToken(database.prisma, { organizationId: organization.id, email: 'owner@outage.test', role: 'OWNER' })).token;
    } finally {
      await database.close();
    }
  }
  const health = async () => (await fetch(`${base}/health`)).json() as Promise<{ status: string; slack?: { status: string; reason?: string } }>;
  const whoami = () => fetch(`${base}/api/tools/whoami`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  const help = () => slackSender(`${base}/slack/events`, SIGNING_SECRET).command({
    token: 'legacy', team_id: 'T0001', team_domain: 'fake', channel_id: 'CMARKETING', channel_name: 'marketing', user_id: 'UANA', user_name: 'ana',
    command: '/crescendo', text: 'help', api_app_id: 'A0001', response_url: fake.responseUrl('help'), trigger_id: `trigger-${Date.now()}-${Math.random()}`,
  });
  async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (accept(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
  }

  beforeAll(async () => {
    fake = await startFakeSlackApi({ teamId: 'T0001' });
    fake.failWith('invalid_auth');
    token = await prepareDataFolder();
    server = spawn(process.execPath, [CLI, 'start', '--port', '0'], { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    base = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const url = /health\s+(http:\/\/localhost:\d+)\/health/.exec(stdout);
        if (url) resolve(url[1]!);
      });
      server!.once('exit', (code) => reject(new Error(`crescendo start exited with ${code} before listening: ${stderr}`)));
    });
  }, 150_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps serving with a revoked bot token, reports Slack unhealthy in /health and logs what to do once', async () => {
    const unhealthy = await eventually(health, (body) => body.slack?.status === 'unhealthy', 'slack health');
    expect(unhealthy).toMatchObject({ status: 'ok', slack: { status: 'unhealthy', reason: expect.stringContaining('invalid_auth') } });
    // Long enough for the crash the red team saw (an unhandled rejection of Bolt's auth.test).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server!.exitCode).toBeNull();
    expect((await whoami()).status).toBe(200);
    // Events are acknowledged but not acted on while the token is refused.
    const declined = await help();
    expect(declined.status).toBe(200);
    expect(declined.body).not.toContain('/crescendo help');
    const advice = stderr.split('\n').filter((line) => line.includes('invalid_auth') && line.includes('SLACK_BOT_TOKEN'));
    expect(advice, stderr).toHaveLength(1);
  });

  it('keeps serving when Slack is unreachable, and says so', async () => {
    await fake.goAway();
    await help(); // an event makes the server check Slack at once rather than at its next retry
    const unreachable = await eventually(health, (body) => /unreachable|ECONNREFUSED/.test(body.slack?.reason ?? ''), 'slack health');
    expect(unreachable).toMatchObject({ status: 'ok', slack: { status: 'unhealthy' } });
    expect((await whoami()).status).toBe(200);
    expect(server!.exitCode).toBeNull();
  });

  it('answers Slack again once it recovers, without a restart', async () => {
    fake.failWith(null);
    await fake.comeBack();
    const answered = await eventually(help, (response) => response.body.includes('/crescendo help'), 'slash command after recovery');
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body).text).toBe(HELP_TEXT);
    expect(await health()).toMatchObject({ status: 'ok', slack: { status: 'ok' } });
    expect(stderr).toMatch(/slack is reachable again/i);
  });
});
