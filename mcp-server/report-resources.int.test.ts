import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../tools/registry/runner.ts';
import { caller } from '../tools/testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization, type ToolTestWorld } from '../tools/testing/fixtures.ts';
import { METRICS_URI, REPORT_TEMPLATE, reportUri } from './report-resources.ts';
import { connectInMemory } from './test-client.ts';

const definition = { metrics: ['spend', 'roas'], dimensions: ['channel'], date_range: { last: 7, unit: 'day' } };
const textOf = (contents: unknown[]) => JSON.parse((contents[0] as { text: string }).text);

describe('MCP resources: the metric catalogue and saved reports', () => {
  let world: ToolTestWorld;
  let orgB: TestOrganization;
  const open: Client[] = [];
  const people: Record<'analyst' | 'viewer' | 'ownerB', Principal> = {} as never;
  const reports: Record<'mine' | 'everyone' | 'ofB', string> = {} as never;
  const connect = async (principal: Principal) => {
    const client = await connectInMemory({ runner: world.runner, principal, version: 'test' });
    open.push(client);
    return client;
  };
  const save = async (who: Principal, name: string, visibility: string) =>
    (await caller(world.runner, () => who).ok<{ report_id: string }>('save_report', { name, category: 'roas_analysis', visibility, definition })).report_id;

  beforeAll(async () => {
    world = await openToolTestWorld('mcp-reports');
    orgB = await createTestOrganization(world.database, 'mcp-reports-b');
    people.analyst = await world.org.member('ana@mcp-reports.test', 'ANALYST');
    people.viewer = await world.org.member('vic@mcp-reports.test', 'VIEWER');
    people.ownerB = orgB.as('OWNER');
    reports.mine = await save(people.analyst, 'Ana private ROAS', 'private');
    reports.everyone = await save(people.analyst, 'ROAS for everyone', 'organization');
    reports.ofB = await save(people.ownerB, 'B report', 'organization');
  });
  afterAll(async () => {
    await Promise.all(open.map((client) => client.close()));
    await world.database.close();
  });

  it('reads the metric catalogue: active metrics and dimensions with label, category, type, formula, aliases', async () => {
    const client = await connect(people.viewer);
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toContain(METRICS_URI);
    const { contents } = await client.readResource({ uri: METRICS_URI });
    expect(contents[0]).toMatchObject({ uri: METRICS_URI, mimeType: 'application/json' });
    const { metrics } = textOf(contents) as { metrics: Array<Record<string, unknown>> };
    const byKey = new Map(metrics.map((metric) => [metric.key, metric]));
    expect(byKey.get('roas')).toMatchObject({ label: 'ROAS', kind: 'metric', category: 'calculated', type: 'float', formula: 'revenue / spend', aliases: ['return_on_ad_spend'], description: expect.any(String) });
    expect(byKey.get('spend')).toMatchObject({ kind: 'metric', type: 'currency', formula: null, aliases: expect.arrayContaining(['cost']) });
    expect(byKey.get('channel')).toMatchObject({ kind: 'dimension' });
    expect(Object.keys(byKey.get('spend')!).sort()).toEqual(['aliases', 'category', 'description', 'formula', 'key', 'kind', 'label', 'type']);
    // A switched-off metric leaves the catalogue.
    expect(byKey.has('frequency')).toBe(true);
    await caller(world.runner, () => world.org.as('OWNER')).ok('deactivate_metric', { key: 'frequency' });
    const after = textOf((await client.readResource({ uri: METRICS_URI })).contents) as { metrics: Array<{ key: string }> };
    expect(after.metrics.map((metric) => metric.key)).not.toContain('frequency');
    expect(after.metrics).toHaveLength(metrics.length - 1);
  });

  it('lists the saved reports each user may see, and reads one with its current result', async () => {
    const analyst = await connect(people.analyst);
    const viewer = await connect(people.viewer);
    const listed = async (client: Client) => (await client.listResources()).resources.filter((resource) => resource.uri.startsWith('crescendo://reports/'));
    expect((await listed(analyst)).map((resource) => resource.uri).sort()).toEqual([reportUri(reports.mine), reportUri(reports.everyone)].sort());
    expect(await listed(viewer)).toEqual([expect.objectContaining({ uri: reportUri(reports.everyone), name: 'ROAS for everyone', mimeType: 'application/json', description: expect.stringContaining('spend, roas') })]);
    expect((await analyst.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate)).toContain(REPORT_TEMPLATE);

    const read = textOf((await viewer.readResource({ uri: reportUri(reports.everyone) })).contents);
    expect(read).toMatchObject({ report_id: reports.everyone, name: 'ROAS for everyone', visibility: 'organization', definition: { metrics: ['spend', 'roas'], dimensions: ['channel'] } });
    expect(read.result.columns.map((column: { key: string }) => column.key)).toEqual(expect.arrayContaining(['channel', 'spend', 'roas']));
    const audited = await world.database.prisma.toolCall.count({ where: { organizationId: world.org.id, tool: 'get_report', surface: 'MCP' } });
    expect(audited).toBeGreaterThanOrEqual(1);
  });

  it("answers not_found for a report the user may not see and for another organisation's", async () => {
    const viewer = await connect(people.viewer);
    await expect(viewer.readResource({ uri: reportUri(reports.mine) })).rejects.toThrow(/not_found/);
    await expect(viewer.readResource({ uri: reportUri(reports.ofB) })).rejects.toThrow(/not_found/);
    const other = await connect(people.ownerB);
    const uris = (await other.listResources()).resources.map((resource) => resource.uri);
    expect(uris).toContain(reportUri(reports.ofB));
    expect(uris).not.toContain(reportUri(reports.everyone));
    await expect(other.readResource({ uri: reportUri(reports.everyone) })).rejects.toThrow(/not_found/);
  });

  it('completes report ids by name or id prefix among the reports the user may see', async () => {
    const complete = async (client: Client, value: string) => (await client.complete({ ref: { type: 'ref/resource', uri: REPORT_TEMPLATE }, argument: { name: 'report_id', value } })).completion.values;
    const analyst = await connect(people.analyst);
    expect(await complete(analyst, 'private')).toEqual([reports.mine]);
    expect(await complete(analyst, reports.everyone.slice(0, 34))).toContain(reports.everyone);
    expect(await complete(await connect(people.viewer), 'private')).toEqual([]);
  });
});
