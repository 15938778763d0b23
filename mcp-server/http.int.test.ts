import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResourceUpdatedNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { CORE_TOOLS, DISCOVERY_TOOLS } from '../tools/catalogue/toolsets.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../tools/testing/fixtures.ts';
import { mcpHttpRouter } from './http.ts';
import { PENDING_APPROVALS_URI } from './resources.ts';
import { textOf } from './test-client.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

describe('MCP over Streamable HTTP', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let server: Server;
  let baseUrl: string;
  /** An ANALYST of org; most tests run as this token. */
  let token: string;
  const clients: Client[] = [];

  const names = (tools: { name: string }[]) => tools.map((tool) => tool.name);
  const usable = (options: Parameters<ToolRunner['catalogue']['list']>[0] = {}) =>
    names(runner.catalogue.list({ role: 'ANALYST', surface: 'MCP', ...options }));
  const defaultList = () => usable().filter((name) => CORE_TOOLS.includes(name) || (DISCOVERY_TOOLS as readonly string[]).includes(name));

  /**
   * A real SDK client over HTTP, which opens a session with initialize. Resolves once the session's
   * notification stream (GET) is open: a notification sent before it would have nowhere to go.
   */
  const connect = async (path = '/mcp', options: { bearer?: string; headers?: Record<string, string> } = {}) => {
    let streamOpened!: () => void;
    const streamOpen = new Promise<void>((resolve) => {
      streamOpened = resolve;
    });
    const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}${path}`), {
      requestInit: { headers: { Authorization: `Bearer ${options.bearer ?? token}`, ...options.headers } },
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (init?.method === 'GET' && response.ok) streamOpened();
        return response;
      },
    });
    const client = new Client({ name: 'crescendo-http-test', version: '0.0.0' });
    await client.connect(transport);
    clients.push(client);
    await streamOpen;
    return { client, transport, sessionId: transport.sessionId! };
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  const toolsList = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };

  beforeAll(async () => {
    database = await openTestDatabase();
    runner = createTestRunner(database).runner;
    org = await createTestOrganization(database, 'mcp-http');
    token = (await createApiToken(database.prisma, { organizationId: org.id, email: 'analyst@mcp-http.test', role: 'ANALYST' })).token;
    const app = express();
    app.use(express.json());
    app.use(mcpHttpRouter({ prisma: database.prisma, runner, version: 'test', allowedOrigins: ['https://app.crescendo.test', 'http://dev.crescendo.test:*'] }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it('lists the core and the three discovery tools by default, and calls one as the token\'s member', async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    expect(names(tools).sort()).toEqual(defaultList().sort());
    expect(names(tools)).toEqual(expect.arrayContaining([...DISCOVERY_TOOLS, 'whoami']));
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ organization: { id: org.id }, role: 'ANALYST', surface: 'mcp', user: { email: 'analyst@mcp-http.test' } });
    const failed = await client.callTool({ name: 'get_campaign', arguments: { campaign_id: '01900000-0000-7000-8000-00000000beef' } });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toMatch(/^error \[not_found\]/);
  });

  it('?toolsets=all lists every tool the role may use, never decide_approval; read_only and toolsets (query or header) shape the list', async () => {
    const all = names((await (await connect('/mcp?toolsets=all')).client.listTools()).tools);
    expect(all).toEqual(usable());
    expect(all.length).toBeGreaterThan(defaultList().length);
    expect(all).not.toContain('decide_approval');
    const readOnly = names((await (await connect('/mcp?toolsets=all&read_only=1')).client.listTools()).tools);
    expect(readOnly).toEqual(usable({ access: ['read'] }));
    const byHeader = names((await (await connect('/mcp', { headers: { 'X-Crescendo-Toolsets': 'all' } })).client.listTools()).tools);
    expect(byHeader).toEqual(all);
    const access = [...new Set([...defaultList(), ...usable({ areas: ['access'] })])].sort();
    expect(names((await (await connect('/mcp?toolsets=access')).client.listTools()).tools).sort()).toEqual(access);
    expect(names((await (await connect('/mcp', { headers: { 'X-Crescendo-Toolsets': 'access' } })).client.listTools()).tools).sort()).toEqual(access);
  });

  it('enable_toolset sends tools/list_changed on the session stream and the list then holds the area', async () => {
    const { client } = await connect();
    let changes = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes++;
    });
    const before = names((await client.listTools()).tools);
    expect(before).not.toContain('calculate_attribution');
    const enabled = await client.callTool({ name: 'enable_toolset', arguments: { toolset: 'attribution' } });
    expect(enabled.isError, textOf(enabled)).toBeFalsy();
    await expect.poll(() => changes, { timeout: 5_000 }).toBe(1);
    const after = names((await client.listTools()).tools);
    const area = names(runner.catalogue.list({ role: 'ANALYST', surface: 'MCP', areas: ['attribution'] }));
    expect(area.length).toBeGreaterThan(0);
    for (const name of [...before, ...area]) expect(after).toContain(name);
    expect(names((enabled.structuredContent as { tools: { name: string }[] }).tools)).toEqual(expect.arrayContaining(area));
  });

  it('a tool the role may use runs when called by name before it is listed, in a session or without one', async () => {
    const { client } = await connect();
    expect(names((await client.listTools()).tools)).not.toContain('list_vendors');
    const listed = await client.callTool({ name: 'list_vendors', arguments: {} });
    expect(listed.isError, textOf(listed)).toBeFalsy();
    expect((listed.structuredContent as { rows: unknown[] }).rows).toBeInstanceOf(Array);
    // No session: one request, a default server, and still the permission decides.
    const stateless = await post({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_vendors', arguments: {} } });
    expect(stateless.status).toBe(200);
    expect(stateless.headers.get('mcp-session-id')).toBeNull();
    const body = (await stateless.json()) as { result: { isError?: boolean; structuredContent: { rows: unknown[] } } };
    expect(body.result.isError).toBeFalsy();
    expect(body.result.structuredContent.rows).toBeInstanceOf(Array);
    // A write the ANALYST may not do is refused whether listed or not.
    const refused = await client.callTool({ name: 'create_vendor', arguments: { name: 'Nope', cost_per_1k_streams: 1 } });
    expect(textOf(refused)).toMatch(/^error \[forbidden\]/);
  });

  it('reports progress over HTTP when the call sends a progressToken, in a session or without one', async () => {
    const { client } = await connect();
    const progress: { progress: number; total?: number }[] = [];
    const result = await client.callTool({ name: 'calculate_attribution', arguments: { model: 'markov' } }, undefined, { onprogress: (update) => progress.push(update) });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ progress: 2, total: 2 });
    // Without a session the answer becomes a stream only when progress is asked for.
    const call = (meta: object) => post({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'calculate_attribution', arguments: { model: 'markov' }, ...meta } });
    const streamed = await call({ _meta: { progressToken: 'p-1' } });
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await streamed.text()).split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)) as { method?: string; id?: number; params?: { progressToken?: string } });
    expect(events.filter((event) => event.method === 'notifications/progress').length).toBeGreaterThanOrEqual(2);
    expect(events.every((event) => event.method !== 'notifications/progress' || event.params?.progressToken === 'p-1')).toBe(true);
    expect(events.at(-1)).toMatchObject({ id: 3, result: { structuredContent: expect.any(Object) } });
    const plain = await call({});
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await plain.json()).toMatchObject({ id: 3, result: { structuredContent: expect.any(Object) } });
  });

  it("a session answers only its own organisation, user and role; unknown sessions are 404; DELETE ends one", async () => {
    const { client, transport, sessionId } = await connect();
    const other = await createTestOrganization(database, 'mcp-http-other');
    const otherOrg = (await createApiToken(database.prisma, { organizationId: other.id, email: 'owner@mcp-http-other.test', role: 'OWNER' })).token;
    // The same member with a narrower token is another principal.
    const otherRole = (await createApiToken(database.prisma, { organizationId: org.id, email: 'analyst@mcp-http.test', role: 'VIEWER' })).token;
    const inSession = (bearer: string, id = sessionId) =>
      post(toolsList, { Authorization: `Bearer ${bearer}`, 'Mcp-Session-Id': id, 'Mcp-Protocol-Version': transport.protocolVersion ?? '2025-06-18' });

    expect((await inSession(token)).status).toBe(200);
    for (const bearer of [otherOrg, otherRole]) {
      const refused = await inSession(bearer);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Session not found/);
    }
    expect((await fetch(`${baseUrl}/mcp`, { headers: { Authorization: `Bearer ${otherOrg}`, 'Mcp-Session-Id': sessionId, Accept: 'text/event-stream' } })).status).toBe(404);
    expect((await inSession(token, 'not-a-session')).status).toBe(404);
    expect((await inSession(token, crypto.randomUUID())).status).toBe(404);
    // The session still works for its own principal after those attempts.
    expect((await client.callTool({ name: 'whoami', arguments: {} })).isError).toBeFalsy();

    await transport.terminateSession();
    expect((await inSession(token)).status).toBe(404);
  });

  it('refuses requests without a valid token, and unknown toolsets', async () => {
    const anonymous = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(toolsList) });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="crescendo"/);
    expect((await post(toolsList, { Authorization: 'Bearer cre_nope' })).status).toBe(401);
    const badToolset = await fetch(`${baseUrl}/mcp?toolsets=nope`, { method: 'POST', headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` }, body: JSON.stringify(toolsList) });
    expect(badToolset.status).toBe(400);
    const get = await fetch(`${baseUrl}/mcp`, { headers: { Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
  });

  it('refuses browser origins that are not loopback, the public URL or allowed, with 403', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'https://app.crescendo.test.evil.example', 'http://dev.crescendo.test.evil:8080']) {
      const refused = await post(toolsList, { Origin: origin });
      expect(refused.status, origin).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('not allowed');
    }
    // Refused before the token is even looked at.
    expect((await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: JSON.stringify(toolsList) })).status).toBe(403);
    expect((await fetch(`${baseUrl}/mcp`, { headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' } })).status).toBe(403);
    for (const origin of [undefined, baseUrl, 'http://localhost:5173', 'http://127.0.0.1:9', 'https://app.crescendo.test', 'http://dev.crescendo.test:3000']) {
      expect((await post(toolsList, origin ? { Origin: origin } : {})).status, origin).toBe(200);
    }
    // The SDK client sends no Origin, like any CLI or desktop client.
    expect((await (await connect()).client.listTools()).tools.length).toBeGreaterThan(0);
  });

  it('refuses a DNS-rebinding request: a foreign Origin whose Host header matches it is still 403', async () => {
    const { port } = server.address() as AddressInfo;
    // fetch() will not send a chosen Host header; a rebound browser page does, so go through node:http.
    const rebound = (origin: string, host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify(toolsList);
        const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}`, Origin: origin, Host: host, 'Content-Length': Buffer.byteLength(body) } }, (incoming) => {
          let text = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (chunk: string) => (text += chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const attack = await rebound('http://evil.example:3000', 'evil.example:3000');
    expect(attack.status).toBe(403);
    expect(attack.body).toContain('not allowed');
    expect((await rebound('http://evil.example', 'evil.example')).status).toBe(403);
    // The same request from a loopback page passes: the guard looked at the Origin, not the Host.
    expect((await rebound(`http://localhost:${port}`, `localhost:${port}`)).status).toBe(200);
  });

  it('a subscribed session hears notifications/resources/updated when another client files an approval', async () => {
    const { client } = await connect();
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updates.push(notification.params.uri);
    });
    expect((await client.listResources()).resources.map((resource) => resource.uri)).toContain(PENDING_APPROVALS_URI);
    await client.subscribeResource({ uri: PENDING_APPROVALS_URI });
    await expect(client.subscribeResource({ uri: 'crescendo://glossary' })).rejects.toThrow(/Only crescendo:\/\/approvals\/pending/);

    const vendor = await runner.call('create_vendor', { name: 'Gamma Promo', cost_per_1k_streams: 2 }, org.as('OWNER', { surface: 'CLI' }));
    if (!vendor.ok) expect.fail(vendor.error.message);
    const managerToken = (await createApiToken(database.prisma, { organizationId: org.id, email: 'cm@mcp-http.test', role: 'CAMPAIGN_MANAGER' })).token;
    const { client: manager } = await connect('/mcp', { bearer: managerToken });
    const filed = await manager.callTool({ name: 'pay_vendor', arguments: { vendor_id: (vendor.output as { id: string }).id, amount: 120, reference: 'INV-7' } });
    expect(filed.isError, textOf(filed)).toBeFalsy();
    expect(filed.structuredContent).toMatchObject({ status: 'pending', approval_id: expect.any(String) });

    // The session polls every 2 s.
    await expect.poll(() => updates, { timeout: 10_000, interval: 100 }).toContain(PENDING_APPROVALS_URI);
    const pending = await client.readResource({ uri: PENDING_APPROVALS_URI });
    expect((pending.contents[0] as { text: string }).text).toContain((filed.structuredContent as { approval_id: string }).approval_id);
    await client.unsubscribeResource({ uri: PENDING_APPROVALS_URI });
  }, 30_000);
});
