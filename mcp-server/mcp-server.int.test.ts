import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { EVAL_CASES } from '../evals/cases/index.ts';
import { CORE_TOOLS, DISCOVERY_TOOLS } from '../tools/catalogue/toolsets.ts';
import { answersQuestions } from '../tools/registry/define-tool.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../tools/testing/fixtures.ts';
import { connectInMemory, textOf } from './test-client.ts';

const TRACK_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

describe('MCP server over the in-memory transport', () => {
  let database: Database;
  let runner: ToolRunner;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  let client: Client;
  const open: Client[] = [];

  const connect = async (options: Partial<Parameters<typeof connectInMemory>[0]> & { org?: TestOrganization } = {}) => {
    const { org = orgA, ...rest } = options;
    const connected = await connectInMemory({ runner, principal: org.as('OWNER'), version: 'test', ...rest });
    open.push(connected);
    return connected;
  };
  const structured = <T>(result: unknown): T => {
    const typed = result as { isError?: boolean; structuredContent?: unknown };
    if (typed.isError) expect.fail(`tool failed: ${textOf(result)}`);
    return typed.structuredContent as T;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    runner = createTestRunner(database).runner;
    orgA = await createTestOrganization(database, 'mcp-a');
    orgB = await createTestOrganization(database, 'mcp-b');
    client = await connect();
  });
  afterAll(async () => {
    await Promise.all(open.map((connected) => connected.close()));
    await database.close();
  });

  it('lists the core and the three discovery tools by default, and every usable tool with toolsets=all', async () => {
    const { tools } = await client.listTools();
    const usable = runner.catalogue.list({ role: 'OWNER', surface: 'MCP' }).map((tool) => tool.name);
    const core = [...CORE_TOOLS, ...DISCOVERY_TOOLS].filter((name) => usable.includes(name));
    expect(tools.map((tool) => tool.name).sort()).toEqual([...core].sort());
    expect(tools.length).toBeLessThanOrEqual(12);
    const all = await (await connect({ toolsets: 'all' })).listTools();
    expect(all.tools.map((tool) => tool.name)).toEqual(usable);
    for (const role of ['VIEWER', 'ANALYST'] as const) {
      const listed = await (await connect({ principal: orgA.as(role), toolsets: 'all' })).listTools();
      expect(listed.tools).toHaveLength(runner.catalogue.list({ role, surface: 'MCP' }).length);
    }
    // A person decides approvals; no MCP session lists the tool that decides them.
    expect(all.tools.map((tool) => tool.name)).not.toContain('decide_approval');
    const whoami = all.tools.find((tool) => tool.name === 'whoami')!;
    expect(whoami).toMatchObject({ title: 'Who am I', annotations: { readOnlyHint: true }, outputSchema: { type: 'object' } });
    const vendor = all.tools.find((tool) => tool.name === 'create_vendor')!;
    expect(vendor.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(Object.keys(vendor.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['name', 'cost_per_1k_streams']));
    const commit = all.tools.find((tool) => tool.name === 'commit_allocation')!;
    expect(Object.keys(commit.outputSchema?.properties ?? {}).sort()).toEqual(['approval_id', 'approve_url', 'preview', 'status']);
    // Dates say their format; zod's long pattern stays on the server.
    const roas = all.tools.find((tool) => tool.name === 'roas_summary')!;
    expect(roas.inputSchema.properties?.from).toMatchObject({ type: 'string', format: 'date' });
    expect(JSON.stringify(all.tools)).not.toContain('[2468][048]');
  });

  it('read-only mode lists exactly the tools annotated read-only, for every tool, and refuses the others', async () => {
    const everything = (await (await connect({ toolsets: 'all' })).listTools()).tools;
    const readOnly = (await (await connect({ readOnly: true, toolsets: 'all' })).listTools()).tools.map((tool) => tool.name);
    for (const tool of everything) {
      expect(readOnly.includes(tool.name), tool.name).toBe(tool.annotations?.readOnlyHint === true);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(answersQuestions(runner.catalogue.get(tool.name)!));
    }
    expect(readOnly).toContain('calculate_attribution');
    const session = await connect({ readOnly: true });
    const refused = await session.callTool({ name: 'create_vendor', arguments: { name: 'Sneaky', cost_per_1k_streams: 1 } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^error \[forbidden\].*read-only/);
    const found = structured<{ tools: { name: string }[] }>(await session.callTool({ name: 'find_tools', arguments: { query: 'add a new vendor', limit: 10 } }));
    expect(found.tools.map((tool) => tool.name)).not.toContain('create_vendor');
  });

  it('toolsets preload their areas beside the core', async () => {
    const { tools } = await (await connect({ toolsets: ['attribution'] })).listTools();
    const names = tools.map((tool) => tool.name);
    for (const tool of runner.catalogue.list({ role: 'OWNER', areas: ['attribution'] })) expect(names).toContain(tool.name);
    expect(names).toContain('find_tools');
    expect(names).not.toContain('create_vendor');
  });

  it('find_tools finds the tool each eval question needs', async () => {
    const phrasings = EVAL_CASES.filter((evalCase) => typeof evalCase.question === 'string' && evalCase.expect.tools.length > 0);
    expect(phrasings.length).toBeGreaterThanOrEqual(20);
    for (const evalCase of phrasings) {
      const found = structured<{ tools: { name: string; input_schema: object }[] }>(await client.callTool({ name: 'find_tools', arguments: { query: evalCase.question } }));
      const names = found.tools.map((tool) => tool.name);
      for (const wanted of evalCase.expect.tools) expect(names, `${evalCase.question} -> ${wanted}`).toContain(wanted);
      expect(found.tools[0]!.input_schema).toMatchObject({ type: 'object' });
    }
    const cheapest = structured<{ tools: { name: string }[] }>(await client.callTool({ name: 'find_tools', arguments: { query: 'which vendor gives the cheapest real streams' } }));
    expect(cheapest.tools[0]!.name).toBe('vendor_performance');
  });

  it('find_tools follows its matches with the lookups their id fields need', async () => {
    const found = structured<{ tools: { name: string; finds?: string }[] }>(await client.callTool({ name: 'find_tools', arguments: { query: 'register a playlist for a vendor', limit: 1 } }));
    expect(found.tools.map((tool) => tool.name)).toEqual(['add_vendor_playlist', 'list_vendors']);
    expect(found.tools[1]!.finds).toBe('Finds the vendor_id that add_vendor_playlist needs, by name.');
    const read = structured<{ tools: { name: string; finds?: string }[] }>(await client.callTool({ name: 'find_tools', arguments: { query: 'which vendor gives the cheapest real streams', limit: 1 } }));
    expect(read.tools.filter((tool) => tool.finds)).toEqual([]);
  });

  it('find_tools and enable_toolset bring tools into the list and send tools/list_changed', async () => {
    const session = await connect();
    let changes = 0;
    session.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes++;
    });
    const toolsets = structured<{ toolsets: { toolset: string; tools: number }[] }>(await session.callTool({ name: 'list_toolsets', arguments: {} }));
    expect(toolsets.toolsets.find((toolset) => toolset.toolset === 'campaigns')!.tools).toBe(runner.catalogue.list({ role: 'OWNER', areas: ['campaigns'], surface: 'MCP' }).length);
    const enabled = structured<{ tools: { name: string }[] }>(await session.callTool({ name: 'enable_toolset', arguments: { toolset: 'campaigns' } }));
    await expect.poll(() => changes).toBe(1);
    const names = (await session.listTools()).tools.map((tool) => tool.name);
    for (const tool of enabled.tools) expect(names).toContain(tool.name);
    expect(names).toContain('create_vendor');
    await session.callTool({ name: 'find_tools', arguments: { query: 'reconcile payouts with estimated earnings' } });
    await expect.poll(() => changes).toBe(2);
    expect((await session.listTools()).tools.map((tool) => tool.name)).toContain('reconcile_payouts');
    const unknown = await session.callTool({ name: 'enable_toolset', arguments: { toolset: 'nope' } });
    expect(textOf(unknown)).toMatch(/^error \[invalid_input\]/);
  });

  it('a tool the role may use runs when called by name before it is listed', async () => {
    const session = await connect();
    expect((await session.listTools()).tools.map((tool) => tool.name)).not.toContain('list_vendors');
    expect(structured<{ rows: unknown[] }>(await session.callTool({ name: 'list_vendors', arguments: {} })).rows).toBeInstanceOf(Array);
  });

  it('reports progress when asked, and log lines at the level the client sets', async () => {
    const progress: { progress: number; total?: number }[] = [];
    const result = await client.callTool({ name: 'calculate_attribution', arguments: { model: 'markov' } }, undefined, { onprogress: (update) => progress.push(update) });
    structured(result);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ progress: 2, total: 2 });
    const lines: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      lines.push(`${notification.params.level} ${String(notification.params.data)}`);
    });
    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'whoami', arguments: {} });
    await expect.poll(() => lines.some((line) => /^debug whoami answered/.test(line))).toBe(true);
    await client.setLoggingLevel('error');
    await client.callTool({ name: 'get_campaign', arguments: { campaign_id: '01900000-0000-7000-8000-00000000beef' } });
    await client.callTool({ name: 'whoami', arguments: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => !line.startsWith('debug'))).toEqual([]);
  });

  it('whoami reports the MCP surface', async () => {
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(structured(result)).toMatchObject({ organization: { id: orgA.id }, role: 'OWNER', surface: 'mcp' });
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
  });

  it('a write tool stores through the runner', async () => {
    const created = structured<{ id: string; name: string }>(await client.callTool({ name: 'create_vendor', arguments: { name: 'Alpha Promo', cost_per_1k_streams: 2 } }));
    expect(created.name).toBe('Alpha Promo');
    expect(await database.prisma.vendor.count({ where: { id: created.id, organizationId: orgA.id } })).toBe(1);
  });

  it('typed errors come back as isError with their code, and unknown fields are refused', async () => {
    const invalid = await client.callTool({ name: 'create_vendor', arguments: { name: 'X', cost_per_1k_streams: -1 } });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toMatch(/^error \[invalid_input\]: .*\n- cost_per_1k_streams: /s);
    const misspelt = await client.callTool({ name: 'create_vendor', arguments: { name: 'Y', cost_per_1k_streams: 1, costs: 3 } });
    expect(textOf(misspelt)).toMatch(/^error \[invalid_input\]/);
    const forbidden = await (await connect({ principal: orgA.as('VIEWER') })).callTool({ name: 'create_vendor', arguments: { name: 'Z', cost_per_1k_streams: 1 } });
    expect(textOf(forbidden)).toMatch(/^error \[forbidden\]/);
    const deciding = await client.callTool({ name: 'decide_approval', arguments: { approval_id: 'x', decision: 'approve' } });
    expect(textOf(deciding)).toMatch(/^error \[forbidden\]: decide_approval runs only from/);
  });

  it('an approval tool returns the pending approval, and nothing is created yet', async () => {
    const manager = await connect({ principal: await orgA.member('manager@mcp-a.test', 'CAMPAIGN_MANAGER') });
    const call = async (name: string, args: Record<string, unknown>) => structured<{ id: string }>(await manager.callTool({ name, arguments: args }));
    const clientRecord = await call('create_client', { name: 'Nightfall Records' });
    const vendor = await call('create_vendor', { name: 'Beta Playlists', cost_per_1k_streams: 3 });
    const campaign = await call('create_campaign', {
      client_id: clientRecord.id, name: 'Night Drive push', artist_name: 'Nova Lane', start_date: '2026-03-01',
      songs: [{ track_url: TRACK_URL, goal: 10000, daily: 500, price: 200, vendor_id: vendor.id }],
    });
    const placementsBefore = await database.prisma.placement.count();
    const pending = structured<{ approval_id: string; status: string; preview: string }>(await manager.callTool({
      name: 'commit_allocation',
      arguments: { campaign_id: campaign.id, track_url: TRACK_URL, allocations: [{ vendor_id: vendor.id, goal: 40000, daily: 1500, price: 120 }] },
    }));
    expect(pending).toMatchObject({ status: 'pending', approval_id: expect.any(String), preview: expect.stringContaining('Night Drive push') });
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(request).toMatchObject({ action: 'commit_allocation', status: 'PENDING', requestedVia: 'MCP', organizationId: orgA.id });
    expect(await database.prisma.placement.count()).toBe(placementsBefore);
  });

  it("another organisation's campaign is not_found", async () => {
    const ownerB = await connect({ org: orgB });
    const clientB = structured<{ id: string }>(await ownerB.callTool({ name: 'create_client', arguments: { name: 'B Records' } }));
    const vendorB = structured<{ id: string }>(await ownerB.callTool({ name: 'create_vendor', arguments: { name: 'B Promo', cost_per_1k_streams: 2 } }));
    const campaignB = structured<{ id: string }>(await ownerB.callTool({
      name: 'create_campaign',
      arguments: { client_id: clientB.id, name: 'B push', artist_name: 'B', start_date: '2026-03-01', songs: [{ track_url: TRACK_URL, goal: 1000, daily: 100, price: 10, vendor_id: vendorB.id }] },
    }));
    expect(structured<{ id: string }>(await ownerB.callTool({ name: 'get_campaign', arguments: { campaign_id: campaignB.id } }))).toBeTruthy();
    const fromA = await client.callTool({ name: 'get_campaign', arguments: { campaign_id: campaignB.id } });
    expect(fromA.isError).toBe(true);
    expect(textOf(fromA)).toMatch(/^error \[not_found\]/);
  });
});
