import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, toolResults, toolThenAnswer, type FakeAnthropicServer } from '../agent/testing/fake-anthropic-server.ts';
import { openDatabase } from '../db/database.ts';
import { readMigrations } from '../db/migrate/migrate.ts';
import { readRunningServer } from './server-state.ts';

// The rest of the CLI while `npm start` holds the embedded database: the agent through the server's
// chat API, the administrative commands through its local admin routes.
const CLI = join(import.meta.dirname, 'crescendo.js');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-attached-admin-'));
// This shell has no model configured: an answer can only come from the server's.
const env = { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_PUBLIC_URL: '', CRESCENDO_LOG_LEVEL: 'error', ANTHROPIC_API_KEY: '', CRESCENDO_OPENAI_BASE_URL: '', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' } as Record<string, string>;
// The Anthropic provider refuses an empty base URL as soon as it loads.
delete env.ANTHROPIC_BASE_URL;

/** `crescendo ...` as its own process, asynchronously: the loopback model fake in this process must answer the server meanwhile. */
function cli(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** What the server logged (errors only), to explain a failed answer. */
let serverLog = '';

async function startServer(serverEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(process.execPath, [CLI, 'start', '--port', '0'], { env: { ...env, ...serverEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const deadline = Date.now() + 300_000;
  while (readRunningServer(dataDir)?.pid !== server.pid) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('crescendo start did not record itself');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return server;
}

async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

describe('ask, chat, org, token, slack and db while `crescendo start` holds the embedded database', { timeout: 600_000 }, () => {
  let fake: FakeAnthropicServer;
  let server: ChildProcess | undefined;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeAnthropic(toolThenAnswer('whoami'));
    // Before any server: on the database, as always.
    const created = await cli(['org', 'create', '--name', 'Admin Records', '--slug', 'adm']);
    expect(created.code, created.stderr).toBe(0);
    server = await startServer({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url });
  }, 600_000);

  afterAll(async () => {
    await stopServer(server);
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an organisation through the server, with the same errors naming the flags', async () => {
    const created = await cli(['org', 'create', '--name', 'Second Label', '--slug', 'second', '--currency', 'eur', '--time-zone', 'Europe/Madrid']);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'second', name: 'Second Label', base_currency: 'EUR', time_zone: 'Europe/Madrid', owner: 'owner@second.local' });
    const whoami = await cli(['call', 'whoami', '--org', 'second']);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ organization: { slug: 'second' }, role: 'OWNER' });

    const again = await cli(['org', 'create', '--name', 'Second Label', '--slug', 'second']);
    expect([again.code, again.stderr]).toEqual([1, 'error: An organisation with slug "second" already exists.\n']);
    const zone = await cli(['org', 'create', '--name', 'Third', '--slug', 'third', '--time-zone', 'Mars/Base']);
    expect([zone.code, zone.stderr]).toEqual([2, 'error: --time-zone: "Mars/Base" is not an IANA time zone (for example Europe/Madrid)\n']);
    const missing = await cli(['org', 'create', '--slug', 'third']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: --name is required\n']);
  });

  it('prints a new token once, which the server then accepts as that member and role', async () => {
    const created = await cli(['token', 'create', '--org', 'adm', '--role', 'analyst', '--user', 'Ana@Adm.Example', '--name', 'ana laptop']);
    expect(created.code, created.stderr).toBe(0);
    const printed = JSON.parse(created.stdout);
    expect(printed).toMatchObject({ token: expect.stringMatching(/^cre_/), organization: 'adm', user: 'ana@adm.example', role: 'ANALYST' });
    expect(created.stderr).toBe('Store this token now: it cannot be shown again.\n');
    token = printed.token;
    const url = readRunningServer(dataDir)!.localUrl!;
    const whoami = await fetch(`${url}/api/tools/whoami`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(await whoami.json()).toMatchObject({ user: { email: 'ana@adm.example' }, role: 'ANALYST' });

    const badRole = await cli(['token', 'create', '--org', 'adm', '--role', 'boss', '--user', 'x@adm.example']);
    expect([badRole.code, badRole.stderr]).toEqual([2, expect.stringMatching(/^error: --role: "boss" is not a role/)]);
    const unknownOrg = await cli(['token', 'create', '--org', 'nowhere', '--role', 'viewer', '--user', 'x@adm.example']);
    expect([unknownOrg.code, unknownOrg.stderr]).toEqual([2, 'error: --org: no organisation with slug or id "nowhere"\n']);
  });

  it('connects a Slack workspace and links a user through the server', async () => {
    const connected = await cli(['slack', 'connect', '--team', 't0123abcd', '--org', 'adm', '--name', 'Admin HQ']);
    expect(connected.code, connected.stderr).toBe(0);
    expect(JSON.parse(connected.stdout)).toEqual({ team_id: 'T0123ABCD', organization: 'adm', team_name: 'Admin HQ' });
    const linked = await cli(['slack', 'link', '--team', 'T0123ABCD', '--slack-user', 'U0456', '--user', 'ana@adm.example', '--org', 'adm']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(linked.stdout)).toEqual({ team_id: 'T0123ABCD', slack_user: 'U0456', user: 'ana@adm.example', role: 'ANALYST', organization: 'adm' });
    const stranger = await cli(['slack', 'link', '--team', 'T0123ABCD', '--slack-user', 'U0457', '--user', 'who@else.example', '--org', 'adm']);
    expect([stranger.code, stranger.stderr]).toEqual([2, 'error: --user: who@else.example is not a member of adm (add one with `crescendo token create`)\n']);
    const moved = await cli(['slack', 'connect', '--team', 'T0123ABCD', '--org', 'second']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toBe('Moved from adm: its channel bindings and user links for this workspace were removed.\n');
  });

  it('db migrate says the server already applied every migration; db seed seeds through it', async () => {
    const migrations = readMigrations();
    const migrated = await cli(['db', 'migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ applied: [], alreadyApplied: migrations.length, modified: [], latest: migrations.at(-1)!.name });
    expect(migrated.stderr).toBe(`The running server applied every migration when it started: the schema is current (latest ${migrations.at(-1)!.name}).\n`);

    const seeded = await cli(['db', 'seed', '--org', 'tiny', '--scale', '0.05']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ slug: 'tiny', scale: 0.05, counts: { Organization: 1 } });
    const campaigns = await cli(['call', 'list_campaigns', '--org', 'tiny']);
    expect(campaigns.code, campaigns.stderr).toBe(0);
    expect(JSON.parse(campaigns.stdout).rows.length).toBeGreaterThan(0);
    const twice = await cli(['db', 'seed', '--org', 'tiny', '--scale', '0.05']);
    expect([twice.code, twice.stderr]).toEqual([1, 'error: --org: Organisation "tiny" already has data; seed a new slug or reset the data dir\n']);
    const scale = await cli(['db', 'seed', '--org', 'big', '--scale', '5000']);
    expect([scale.code, scale.stderr]).toEqual([2, 'error: --scale: give a number above 0 and at most 1000\n']);
  });

  it('asks the server’s agent as the member the flags name: --json has the answer, tool calls and usage', async () => {
    const before = fake.requests.length;
    const asked = await cli(['ask', 'Who am I here?', '--org', 'adm', '--as', 'ana@adm.example', '--json']);
    expect(asked.code, asked.stderr + serverLog).toBe(0);
    const reply = JSON.parse(asked.stdout);
    expect(reply).toMatchObject({ status: 'answered', model: 'claude-sonnet-4-6', steps: 2, tool_calls: [{ name: 'whoami', input: {}, ok: true, output: { user: { email: 'ana@adm.example' }, role: 'ANALYST' } }] });
    expect(reply.answer).toMatch(/^From whoami: /);
    expect(reply.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 40 });
    expect(fake.requests.length).toBeGreaterThan(before);

    // The thread is Ana's: she continues it, with her role lowered to VIEWER.
    const plain = await cli(['ask', 'Who am I here?', '--org', 'adm', '--as', 'ana@adm.example', '--role', 'viewer', '--thread', reply.thread_id]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^From whoami: /);
    // What the tool answered the model, in the server: Ana, as a VIEWER.
    const answered = toolResults(fake.requests.filter((request) => request.path === '/v1/messages').at(-1)!.body);
    expect(answered.map((result) => result.name)).toEqual(['whoami']);
    expect(answered[0]!.content).toContain('"email":"ana@adm.example"');
    expect(answered[0]!.content).toContain('"role":"VIEWER"');
    expect(plain.stderr).toContain('  · whoami {}\n');
    expect(plain.stderr).toMatch(new RegExp(`\\(2 steps, 1 tool call, \\d+ in / 40 out tokens.*; thread ${reply.thread_id}\\)\\n$`));

    const raised = await cli(['ask', 'Hi', '--org', 'adm', '--as', 'ana@adm.example', '--role', 'owner']);
    expect([raised.code, raised.stderr]).toEqual([2, expect.stringMatching(/^error: --role: ana@adm.example is a ANALYST/)]);
  });

  it('chats with the server’s agent over piped input, one thread across turns', async () => {
    const chat = await cli(['chat', '--org', 'adm', '--role', 'analyst'], 'Who am I?\nAnd again?\n/exit\n');
    expect(chat.code, chat.stderr + serverLog).toBe(0);
    expect(chat.stdout).toMatch(/^Crescendo agent \(claude-sonnet-4-6 through the server at http:\/\/127\.0\.0\.1:\d+\) for analyst in this organisation\./);
    expect(chat.stdout.match(/crescendo> From whoami: /g)).toHaveLength(2);
    const threads = [...chat.stderr.matchAll(/; thread ([\w-]+)\)/g)].map((match) => match[1]);
    expect(threads).toHaveLength(2);
    expect(threads[1]).toBe(threads[0]);
  });

  it('kept only the token’s hash; a server without a model makes ask and chat say so', async () => {
    await stopServer(server);
    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      const row = await database.prisma.apiToken.findFirstOrThrow({ where: { name: 'ana laptop' } });
      expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(Object.values(row)).not.toContain(token);
    } finally {
      await database.close();
    }
    server = await startServer();

    const asked = await cli(['ask', 'Hello?', '--org', 'adm']);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toMatch(/^The agent has no language model configured, so it cannot answer\. Set ANTHROPIC_API_KEY/);
    expect(asked.stderr).toMatch(/^\(The server at http:\/\/127\.0\.0\.1:\d+ answered, as it holds this data folder: set the variable where `crescendo start` runs, then restart it\.\)\n$/);
    const json = await cli(['ask', 'Hello?', '--org', 'adm', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'no_model', model: null, tool_calls: [], answer: expect.stringContaining('Set ANTHROPIC_API_KEY') });
    const chat = await cli(['chat', '--org', 'adm'], 'Hello?\n');
    expect(chat.code).toBe(1);
    expect(chat.stdout).toBe('');
    expect(chat.stderr).toContain('The agent has no language model configured');
  });
});
