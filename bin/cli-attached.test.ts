import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { readRunningServer } from './server-state.ts';
import { createNightDriveCampaign } from './testing/night-drive-campaign.ts';

// `npm start` holds the embedded database; every other command must still work, through it.
const CLI = join(import.meta.dirname, 'crescendo.js');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-attached-'));
const env = { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_PUBLIC_URL: '', CRESCENDO_LOG_LEVEL: 'error' } as Record<string, string>;
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the CLI while `crescendo start` holds the embedded database', { timeout: 600_000 }, () => {
  let server: ChildProcess;
  let serverOutput = '';
  let campaignId: string;
  let vendorId: string;

  beforeAll(async () => {
    expect(cli('org', 'create', '--name', 'Attached Records', '--slug', 'att').code).toBe(0);
    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      const created = await createNightDriveCampaign(database, 'att');
      for (const [email, role] of [['cm@att.example', 'CAMPAIGN_MANAGER'], ['boss@att.example', 'MANAGER']] as const) {
        await createApiToken(database.prisma, { organizationId: created.organizationId, email, role });
      }
      ({ vendorId, campaignId } = created);
    } finally {
      await database.close();
    }
    server = spawn(process.execPath, [CLI, 'start', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    await waitUntil('crescendo start to record itself', () => readRunningServer(dataDir)?.pid === server.pid, 300_000);
  }, 600_000);

  afterAll(async () => {
    if (server?.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its local credential readable by its user only', () => {
    expect(statSync(join(dataDir, 'local-credential')).mode & 0o777).toBe(0o600);
  });

  it('lists tools and calls one as the member and role the flags name', () => {
    const tools = cli('tools', 'list', '--json');
    expect(tools.code, tools.stderr).toBe(0);
    expect(JSON.parse(tools.stdout).tools.map((tool: { name: string }) => tool.name)).toContain('whoami');
    const whoami = cli('call', 'whoami', '--org', 'att', '--role', 'ANALYST');
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ organization: { slug: 'att' }, role: 'ANALYST' });
    const asMember = cli('call', 'whoami', '--org', 'att', '--as', 'cm@att.example');
    expect(JSON.parse(asMember.stdout)).toMatchObject({ user: { email: 'cm@att.example' }, role: 'CAMPAIGN_MANAGER' });
    // --role only lowers a member's role, through the server as on the database.
    const raised = cli('call', 'whoami', '--org', 'att', '--as', 'cm@att.example', '--role', 'OWNER');
    expect(raised.code).toBe(2);
    expect(raised.stderr).toMatch(/--role: cm@att.example is a CAMPAIGN_MANAGER/);
    expect(cli('call', 'whoami', '--org', 'nowhere').code).toBe(2);
    expect(cli('call', 'no_such_tool', '--org', 'att').code).toBe(2);
  });

  it('files an approval, lists it and approves it, printing the request after its action ran', () => {
    const input = JSON.stringify({
      campaign_id: campaignId, track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
      allocations: [{ vendor_id: vendorId, goal: 40000, daily: 1500, price: 120 }],
    });
    const requested = cli('call', 'commit_allocation', '--org', 'att', '--as', 'cm@att.example', '--input', input);
    expect(requested.code, requested.stderr).toBe(0);
    const approvalId = JSON.parse(requested.stdout).approval_id as string;
    const pending = cli('approvals', 'list', '--org', 'att', '--json');
    expect(JSON.parse(pending.stdout).rows.map((row: { id: string }) => row.id)).toEqual([approvalId]);
    const approved = cli('approvals', 'approve', approvalId, '--org', 'att', '--as', 'boss@att.example', '--comment', 'fine');
    expect(approved.code, approved.stderr).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ id: approvalId, status: 'executed', executed_at: expect.any(String), decided_by: 'boss@att.example' });
    expect(approved.stderr).toMatch(/Action executed/);
  });

  it('serves `crescendo mcp` to an MCP client by relaying to the server', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--org', 'att', '--role', 'VIEWER'], env, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'attached-test', version: '0.0.0' });
    try {
      await client.connect(transport);
      const tools = (await client.listTools()).tools.map((tool) => tool.name);
      expect(tools).toContain('whoami');
      const result = await client.callTool({ name: 'whoami', arguments: {} });
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ organization: { slug: 'att' }, role: 'VIEWER', surface: 'mcp' });
      expect(stderr).toMatch(/relaying stdio to the running server/);
    } finally {
      await client.close();
    }
  });

  it('relays progress and tools/list_changed between the MCP client and the server', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--org', 'att'], env, stderr: 'pipe' });
    const client = new Client({ name: 'attached-test', version: '0.0.0' });
    try {
      await client.connect(transport);
      const changed = new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()));
      expect((await client.callTool({ name: 'enable_toolset', arguments: { toolset: 'campaigns' } })).isError).toBeFalsy();
      await changed;
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('list_campaigns');
      const progress: Array<{ progress: number; total?: number }> = [];
      const result = await client.callTool({ name: 'calculate_attribution', arguments: { model: 'markov' } }, undefined, { onprogress: (update) => progress.push(update) });
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      // The SDK's client runs notification handlers a microtask after it reads them but settles the
      // answer at once: a last step that shares one stdio read with the answer is dropped by the client
      // itself. So the relay is proven by the steps that did arrive, in order, each with the total.
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((step) => step.total === 2 && step.progress <= 2)).toBe(true);
      expect(progress.map((step) => step.progress)).toEqual([...progress.map((step) => step.progress)].sort((a, b) => a - b));
    } finally {
      await client.close();
    }
  });

  it('imports through the server, and --dry-run stores nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crescendo-attached-import-'));
    const file = join(folder, 'touchpoints.csv');
    writeFileSync(file, 'customer_id,occurred_at,channel\nc-1,2026-11-02T10:00:00Z,meta\nc-2,2026-11-03T10:00:00Z,tiktok\n');
    try {
      const dryRun = cli('import', 'touchpoints', file, '--org', 'att', '--dry-run');
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(JSON.parse(dryRun.stdout)).toMatchObject({ dry_run: true, files_loaded: 1, rows: 2, rows_stored: 0 });
      // Had the dry run stored them, these identical rows would now be skipped.
      const stored = cli('import', 'touchpoints', file, '--org', 'att');
      expect(stored.code, stored.stderr).toBe(0);
      expect(JSON.parse(stored.stdout)).toMatchObject({ dry_run: false, rows_stored: 2, rows_unchanged: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('printed a ready-to-paste Claude Desktop config', () => {
    expect(serverOutput).toMatch(/MCP\s+http:\/\/localhost:\d+\/mcp/);
    const config = JSON.parse(/^\{\n[\s\S]*?\n\}$/m.exec(serverOutput)![0]);
    expect(config).toEqual({ mcpServers: { crescendo: { command: process.execPath, args: [CLI, 'mcp', '--org', 'att'], env: { CRESCENDO_DATA_DIR: dataDir } } } });
  });
});
