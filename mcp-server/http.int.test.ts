import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../tools/testing/fixtures.ts';
import { mcpHttpRouter } from './http.ts';
import { textOf } from './test-client.ts';

describe('MCP over Streamable HTTP', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let server: Server;
  let baseUrl: string;
  let token: string;
  const clients: Client[] = [];

  const connect = async (path: string, headers: Record<string, string> = {}) => {
    const client = new Client({ name: 'crescendo-http-test', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}${path}`), { requestInit: { headers: { Authorization: `Bearer ${token}`, ...headers } } }));
    clients.push(client);
    return client;
  };

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
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it("lists the token role's tools and calls one as the token's member", async () => {
    const client = await connect('/mcp');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(runner.catalogue.list({ role: 'ANALYST' }).map((tool) => tool.name));
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ organization: { id: org.id }, role: 'ANALYST', surface: 'mcp', user: { email: 'analyst@mcp-http.test' } });
    const failed = await client.callTool({ name: 'get_campaign', arguments: { campaign_id: '01900000-0000-7000-8000-00000000beef' } });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toMatch(/^error \[not_found\]/);
  });

  it('read_only and toolsets (query or header) narrow the tools', async () => {
    const readOnly = await (await connect('/mcp?read_only=1')).listTools();
    expect(readOnly.tools).toHaveLength(runner.catalogue.list({ role: 'ANALYST', access: ['read'] }).length);
    const byQuery = await (await connect('/mcp?toolsets=access')).listTools();
    const byHeader = await (await connect('/mcp', { 'X-Crescendo-Toolsets': 'access' })).listTools();
    const expected = runner.catalogue.list({ role: 'ANALYST', areas: ['access'] }).map((tool) => tool.name);
    expect(byQuery.tools.map((tool) => tool.name)).toEqual(expected);
    expect(byHeader.tools.map((tool) => tool.name)).toEqual(expected);
  });

  it('refuses requests without a valid token, and unknown toolsets', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const anonymous = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers, body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="crescendo"/);
    const wrong = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { ...headers, Authorization: 'Bearer cre_nope' }, body });
    expect(wrong.status).toBe(401);
    const badToolset = await fetch(`${baseUrl}/mcp?toolsets=nope`, { method: 'POST', headers: { ...headers, Authorization: `Bearer ${token}` }, body });
    expect(badToolset.status).toBe(400);
    const get = await fetch(`${baseUrl}/mcp`, { headers: { Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
  });

  it('refuses browser origins that are not this host, loopback or allowed, with 403', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const post = (origin: string | undefined) => fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}`, ...(origin ? { Origin: origin } : {}) },
      body,
    });
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'https://app.crescendo.test.evil.example', 'http://dev.crescendo.test.evil:8080']) {
      const refused = await post(origin);
      expect(refused.status, origin).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('not allowed');
    }
    // Refused before the token is even looked at.
    const anonymous = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body });
    expect(anonymous.status).toBe(403);
    const get = await fetch(`${baseUrl}/mcp`, { headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' } });
    expect(get.status).toBe(403);
    for (const origin of [undefined, baseUrl, 'http://localhost:5173', 'http://127.0.0.1:9', 'https://app.crescendo.test', 'http://dev.crescendo.test:3000']) {
      expect((await post(origin)).status, origin).toBe(200);
    }
    // The SDK client sends no Origin, like any CLI or desktop client.
    expect((await (await connect('/mcp')).listTools()).tools.length).toBeGreaterThan(0);
  });
});
