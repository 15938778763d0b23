import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('crescendo mcp over stdio', { timeout: 120_000 }, () => {
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    cli('db', 'migrate');
    cli('org', 'create', '--name', 'Stdio Records', '--slug', 'stdio');
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--org', 'stdio'], env, stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    client = new Client({ name: 'crescendo-stdio-test', version: '0.0.0' });
    await client.connect(transport);
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the owner's tools, calls whoami and reads the glossary", async () => {
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(createCatalogue().list({ role: 'OWNER' }).length);
    const whoami = await client.callTool({ name: 'whoami', arguments: {} });
    expect(whoami.isError, textOf(whoami)).toBeFalsy();
    expect(whoami.structuredContent).toMatchObject({ organization: { slug: 'stdio' }, role: 'OWNER', surface: 'mcp' });
    const glossary = await client.readResource({ uri: GLOSSARY_URI });
    expect((glossary.contents[0] as { text: string }).text).toMatch(/^## Glossary\n/);
    expect(stderr).toMatch(/serving over stdio as OWNER/);
  });
});
