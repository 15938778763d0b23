import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_TOOLS, DISCOVERY_TOOLS } from '../tools/catalogue/toolsets.ts';
import { createCatalogue } from '../tools/index.ts';
import { GLOSSARY_URI } from './resources.ts';
import { textOf } from './test-client.ts';

// The real CLI, as an MCP client launches it: `crescendo mcp` over an embedded data folder.
const CLI = join(import.meta.dirname, '..', 'bin', 'crescendo.js');
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-mcp-stdio-'));
const env = { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '' } as Record<string, string>;

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`crescendo ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
};

const startServer = async (...flags: string[]) => {
  let stderr = '';
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--org', 'stdio', ...flags], env, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const client = new Client({ name: 'crescendo-stdio-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
};

describe('crescendo mcp over stdio', { timeout: 120_000 }, () => {
  // One process at a time: the embedded database folder is held by a lock.
  let client: Client | undefined;
  const usable = createCatalogue().list({ role: 'OWNER', surface: 'MCP' }).map((tool) => tool.name);

  beforeAll(() => {
    cli('db', 'migrate');
    cli('org', 'create', '--name', 'Stdio Records', '--slug', 'stdio');
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the core and discovery tools, runs an unlisted tool by name, and grows the list with enable_toolset', async () => {
    const started = await startServer();
    client = started.client;
    const names = async () => (await started.client.listTools()).tools.map((tool) => tool.name);
    const listed = await names();
    expect([...listed].sort()).toEqual(usable.filter((name) => CORE_TOOLS.includes(name) || (DISCOVERY_TOOLS as readonly string[]).includes(name)).sort());
    expect(listed).toEqual(expect.arrayContaining([...DISCOVERY_TOOLS]));

    const whoami = await started.client.callTool({ name: 'whoami', arguments: {} });
    expect(whoami.isError, textOf(whoami)).toBeFalsy();
    expect(whoami.structuredContent).toMatchObject({ organization: { slug: 'stdio' }, role: 'OWNER', surface: 'mcp' });
    const glossary = await started.client.readResource({ uri: GLOSSARY_URI });
    expect((glossary.contents[0] as { text: string }).text).toMatch(/^## Glossary\n/);
    expect(started.stderr()).toMatch(/serving over stdio as OWNER/);

    expect(listed).not.toContain('create_vendor');
    const created = await started.client.callTool({ name: 'create_vendor', arguments: { name: 'Stdio Promo', cost_per_1k_streams: 2 } });
    expect(created.isError, textOf(created)).toBeFalsy();
    expect(created.structuredContent).toMatchObject({ name: 'Stdio Promo' });

    let changes = 0;
    started.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes++;
    });
    const enabled = await started.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'campaigns' } });
    expect(enabled.isError, textOf(enabled)).toBeFalsy();
    await expect.poll(() => changes, { timeout: 5_000 }).toBe(1);
    const grown = await names();
    const campaigns = createCatalogue().list({ role: 'OWNER', surface: 'MCP', areas: ['campaigns'] }).map((tool) => tool.name);
    for (const name of [...listed, ...campaigns]) expect(grown).toContain(name);
    await started.client.close();
    client = undefined;
  });

  it('--toolsets all lists every tool the role may use, never decide_approval', async () => {
    const started = await startServer('--toolsets', 'all');
    client = started.client;
    const listed = (await started.client.listTools()).tools.map((tool) => tool.name);
    expect(listed).toEqual(usable);
    expect(listed).not.toContain('decide_approval');
    expect(createCatalogue().get('decide_approval')).toBeDefined();
    await started.client.close();
    client = undefined;
  });
});
