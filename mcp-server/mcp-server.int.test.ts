import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
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

  it('lists exactly the tools the role may call, with registry schemas and annotations', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(runner.catalogue.list({ role: 'OWNER' }).map((tool) => tool.name));
    for (const role of ['VIEWER', 'ANALYST'] as const) {
      const listed = await (await connect({ principal: orgA.as(role) })).listTools();
      expect(listed.tools).toHaveLength(runner.catalogue.list({ role }).length);
    }
    const whoami = tools.find((tool) => tool.name === 'whoami')!;
    expect(whoami).toMatchObject({ title: 'Who am I', annotations: { readOnlyHint: true }, outputSchema: { type: 'object' } });
    const vendor = tools.find((tool) => tool.name === 'create_vendor')!;
    expect(vendor.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(Object.keys(vendor.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['name', 'cost_per_1k_streams']));
    const commit = tools.find((tool) => tool.name === 'commit_allocation')!;
    expect(Object.keys(commit.outputSchema?.properties ?? {}).sort()).toEqual(['approval_id', 'approve_url', 'preview', 'status']);
  });

  it('read-only mode lists only tools that answer questions and refuses the others', async () => {
    const readOnly = await connect({ readOnly: true });
    const { tools } = await readOnly.listTools();
    expect(tools.length).toBe(runner.catalogue.list({ role: 'OWNER', access: ['read'] }).length);
    // Reads, plus tools whose only write is a record of their own result (calculate_attribution's run), annotated as not read-only.
    expect(tools.every((tool) => answersQuestions(runner.catalogue.get(tool.name)!))).toBe(true);
    expect(tools.filter((tool) => !tool.annotations?.readOnlyHint).map((tool) => tool.name)).toEqual(['calculate_attribution']);
    const refused = await readOnly.callTool({ name: 'create_vendor', arguments: { name: 'Sneaky', cost_per_1k_streams: 1 } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^error \[not_found\]/);
  });

  it('toolsets keep only their areas', async () => {
    const { tools } = await (await connect({ toolsets: ['access'] })).listTools();
    const expected = runner.catalogue.list({ role: 'OWNER', areas: ['access'] });
    expect(expected.length).toBeGreaterThan(0);
    expect(tools.map((tool) => tool.name)).toEqual(expected.map((tool) => tool.name));
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
    expect(textOf(forbidden)).toMatch(/^error \[not_found\]/);
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
