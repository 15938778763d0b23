import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createCatalogue } from '../tools/index.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../tools/testing/fixtures.ts';
import { extractSection } from '../tools/glossary.ts';
import { CAMPAIGN_TEMPLATE, GLOSSARY_URI, PENDING_APPROVALS_URI, SCORECARD_TEMPLATE } from './resources.ts';
import { REPORT_TEMPLATE } from './report-resources.ts';
import { connectInMemory } from './test-client.ts';

const TRACK_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

describe('MCP resources and prompts', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let other: TestOrganization;
  let client: Client;
  const open: Client[] = [];
  const ids = { campaign: '', vendor: '', otherCampaign: '' };

  const connect = async (options: Partial<Parameters<typeof connectInMemory>[0]> = {}) => {
    const connected = await connectInMemory({ runner, principal: org.as('OWNER'), version: 'test', ...options });
    open.push(connected);
    return connected;
  };
  const create = async (target: TestOrganization, name: string, input: Record<string, unknown>) => {
    const result = await runner.call(name, input, target.as('OWNER', { surface: 'CLI' }));
    if (!result.ok) expect.fail(`${name}: ${result.error.message}`);
    return result.output as { id: string };
  };
  const seed = async (target: TestOrganization, campaignName: string, vendorName: string) => {
    const owner = await create(target, 'create_client', { name: `${campaignName} Records` });
    const vendor = await create(target, 'create_vendor', { name: vendorName, cost_per_1k_streams: 2 });
    const campaign = await create(target, 'create_campaign', {
      client_id: owner.id, name: campaignName, artist_name: 'Nova Lane', start_date: '2026-03-01',
      songs: [{ track_url: TRACK_URL, goal: 10000, daily: 500, price: 200, vendor_id: vendor.id }],
    });
    return { vendor: vendor.id, campaign: campaign.id };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    runner = createTestRunner(database).runner;
    org = await createTestOrganization(database, 'mcp-res');
    other = await createTestOrganization(database, 'mcp-res-other');
    const seeded = await seed(org, 'Night Drive push', 'Alpha Promo');
    await seed(org, 'Summer Haze push', 'Beta Playlists');
    ids.campaign = seeded.campaign;
    ids.vendor = seeded.vendor;
    ids.otherCampaign = (await seed(other, 'Other push', 'Other Promo')).campaign;
    client = await connect();
  });
  afterAll(async () => {
    await Promise.all(open.map((connected) => connected.close()));
    await database.close();
  });

  it('lists the glossary, the templates, and the campaigns and vendors of the organisation only', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain(GLOSSARY_URI);
    expect(uris.filter((uri) => uri.startsWith('crescendo://campaigns/'))).toHaveLength(2);
    expect(uris.filter((uri) => uri.endsWith('/scorecard'))).toHaveLength(2);
    expect(uris).toContain(`crescendo://campaigns/${ids.campaign}`);
    expect(uris).not.toContain(`crescendo://campaigns/${ids.otherCampaign}`);
    expect(resources.find((resource) => resource.uri === `crescendo://campaigns/${ids.campaign}`)).toMatchObject({ name: 'Night Drive push', mimeType: 'application/json' });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([CAMPAIGN_TEMPLATE, REPORT_TEMPLATE, SCORECARD_TEMPLATE].sort());
  });

  it('reads the glossary from the README', async () => {
    const { contents } = await client.readResource({ uri: GLOSSARY_URI });
    const text = (contents[0] as { text: string }).text;
    expect(contents[0]).toMatchObject({ uri: GLOSSARY_URI, mimeType: 'text/markdown' });
    expect(text).toMatch(/^## Glossary\n/);
    expect(text).toContain('**Delivery rate**');
    expect(text).not.toMatch(/\n## (?!Glossary)/);
    expect(extractSection('# T\n## A\na\n## B\nb\n', 'A')).toBe('## A\na\n');
  });

  it('reads a campaign through get_campaign and a scorecard through vendor_performance', async () => {
    const campaign = await client.readResource({ uri: `crescendo://campaigns/${ids.campaign}` });
    const body = JSON.parse((campaign.contents[0] as { text: string }).text);
    expect(body).toMatchObject({ campaign: { id: ids.campaign, name: 'Night Drive push' }, currency: expect.any(String), as_of: expect.any(String) });
    const scorecard = await client.readResource({ uri: `crescendo://vendors/${ids.vendor}/scorecard` });
    expect(JSON.parse((scorecard.contents[0] as { text: string }).text)).toMatchObject({
      vendor_id: ids.vendor, vendor_name: 'Alpha Promo', placements: 1, currency: expect.any(String), as_of: expect.any(String),
    });
    const audited = await database.prisma.toolCall.findMany({ where: { organizationId: org.id, tool: { in: ['get_campaign', 'vendor_performance'] }, surface: 'MCP' } });
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses another organisation's campaign and unknown vendors", async () => {
    await expect(client.readResource({ uri: `crescendo://campaigns/${ids.otherCampaign}` })).rejects.toThrow(/not_found/);
    await expect(client.readResource({ uri: 'crescendo://vendors/01900000-0000-7000-8000-00000000beef/scorecard' })).rejects.toThrow(/not_found/);
  });

  it('completes campaign and vendor ids by name or id prefix', async () => {
    const complete = (uri: string, name: string, value: string) => client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } });
    expect((await complete(CAMPAIGN_TEMPLATE, 'campaign_id', 'night')).completion.values).toEqual([ids.campaign]);
    expect((await complete(CAMPAIGN_TEMPLATE, 'campaign_id', 'nova')).completion.values).toHaveLength(2);
    expect((await complete(CAMPAIGN_TEMPLATE, 'campaign_id', ids.campaign.slice(0, 30))).completion.values).toContain(ids.campaign);
    expect((await complete(CAMPAIGN_TEMPLATE, 'campaign_id', '')).completion.values).toHaveLength(2);
    expect((await complete(CAMPAIGN_TEMPLATE, 'campaign_id', 'other')).completion.values).toEqual([]);
    expect((await complete(SCORECARD_TEMPLATE, 'vendor_id', 'alpha')).completion.values).toEqual([ids.vendor]);
  });

  it('lists the prompts with their arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(['campaign_postmortem', 'vendor_audit', 'weekly_review']);
    expect(prompts.find((prompt) => prompt.name === 'vendor_audit')?.arguments).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'vendor_id', required: true })]));
    expect(prompts.find((prompt) => prompt.name === 'weekly_review')?.arguments).toEqual([expect.objectContaining({ name: 'as_of', required: false })]);
  });

  it('gets prompts that name the tools and the reporting rules', async () => {
    const text = (result: { messages: { role: string; content: { type: string } }[] }) => {
      expect(result.messages[0]!.role).toBe('user');
      return (result.messages[0]!.content as unknown as { text: string }).text;
    };
    const weekly = text(await client.getPrompt({ name: 'weekly_review', arguments: { as_of: '2026-03-20' } }));
    expect(weekly).toContain('list_campaigns {"status":"active","as_of":"2026-03-20"}');
    expect(weekly).toMatch(/campaign_alerts.*vendor_performance.*list_approvals/s);
    expect(weekly).toContain('"pending approval"');
    expect(weekly).toMatch(/currency/);
    expect(text(await client.getPrompt({ name: 'weekly_review' }))).toContain('as of today');
    const audit = text(await client.getPrompt({ name: 'vendor_audit', arguments: { vendor_id: ids.vendor } }));
    expect(audit).toContain(`vendor_id is ${ids.vendor}`);
    const postmortem = text(await client.getPrompt({ name: 'campaign_postmortem', arguments: { campaign_id: ids.campaign } }));
    expect(postmortem).toContain(`get_campaign {"campaign_id":"${ids.campaign}"}`);
    await expect(client.getPrompt({ name: 'weekly_review', arguments: { as_of: 'last week' } })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(client.getPrompt({ name: 'vendor_audit', arguments: {} })).rejects.toThrow();
  });

  it('completes prompt arguments through the list tools', async () => {
    const complete = (name: string, argument: string, value: string) => client.complete({ ref: { type: 'ref/prompt', name }, argument: { name: argument, value } });
    expect((await complete('vendor_audit', 'vendor_id', 'beta')).completion.values).toHaveLength(1);
    expect((await complete('campaign_postmortem', 'campaign_id', 'night')).completion.values).toEqual([ids.campaign]);
    expect((await complete('weekly_review', 'as_of', '2026')).completion.values).toEqual([]);
  });

  it('offers the resources and prompts whose tools the principal may call, whatever the listing', async () => {
    const offered = async (connected: Client) => ({
      resources: (await connected.listResources()).resources.map((resource) => resource.uri).sort(),
      templates: (await connected.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate).sort(),
      prompts: (await connected.listPrompts()).prompts.map((prompt) => prompt.name).sort(),
    });
    const everything = await offered(client);
    expect(everything.resources).toHaveLength(7); // glossary, pending approvals, metric catalogue, 2 campaigns, 2 scorecards (no saved reports)
    expect(everything.resources).toContain(PENDING_APPROVALS_URI);
    expect(everything.prompts).toEqual(['campaign_postmortem', 'vendor_audit', 'weekly_review']);
    // Toolsets only preload the tool list: a session listing the access tools still reads campaigns.
    const narrowed = await connect({ toolsets: ['access'] });
    expect(await offered(narrowed)).toEqual(everything);
    expect((await narrowed.readResource({ uri: `crescendo://campaigns/${ids.campaign}` })).contents).toHaveLength(1);
    // Every role may read, so a read-only VIEWER is offered them all too.
    expect(await offered(await connect({ principal: org.as('VIEWER'), readOnly: true }))).toEqual(everything);
    // A principal who may call none of the tools behind them gets the glossary and no prompts.
    const accessOnly = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(createCatalogue().list().filter((tool) => tool.area === 'access')) });
    expect(accessOnly.catalogue.get('get_campaign')).toBeUndefined();
    const bare = await connect({ runner: accessOnly });
    expect(await offered(bare)).toEqual({ resources: [GLOSSARY_URI], templates: [], prompts: [] });
    await expect(bare.readResource({ uri: `crescendo://campaigns/${ids.campaign}` })).rejects.toThrow();
  });
});
