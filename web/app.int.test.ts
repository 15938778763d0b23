import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization, createTestRunner } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

describe('HTTP API', () => {
  let database: Database;
  let server: Server;
  let base: string;
  let ownerToken: string;
  let viewerToken: string;
  let otherOrgToken: string;
  let approvalOfThisOrg: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const { runner } = createTestRunner(database);
    const org = await createTestOrganization(database, 'http');
    const other = await createTestOrganization(database, 'http-other');
    ownerToken = (await createApiToken(database.prisma, { organizationId: org.id, email: 'owner@http.test', role: 'OWNER' })).token;
    viewerToken = (await createApiToken(database.prisma, { organizationId: org.id, email: 'viewer@http.test', role: 'VIEWER' })).token;
    otherOrgToken = (await createApiToken(database.prisma, { organizationId: other.id, email: 'owner@http-other.test', role: 'OWNER' })).token;
    approvalOfThisOrg = (await database.prisma.approvalRequest.create({
      data: { organizationId: org.id, action: 'whoami', payload: {}, preview: 'p', requestedById: org.ownerId, requestedVia: 'CLI' },
    })).id;
    server = buildWebApp({ database, runner, log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const post = (path: string, token: string | null, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  it('serves /health without a token', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: database.kind });
  });

  it('answers 401 with WWW-Authenticate without a valid token', async () => {
    const missing = await post('/api/tools/whoami', null, '{}');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm="crescendo"/);
    const wrong = await post('/api/tools/whoami', 'cre_not-a-real-token', '{}');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/invalid_token/);
  });

  it('runs a tool as the token\'s organisation, user and role', async () => {
    const response = await post('/api/tools/whoami', viewerToken, '{}');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ organization: { slug: 'http' }, user: { email: 'viewer@http.test' }, role: 'VIEWER', surface: 'http' });
  });

  it('maps typed errors onto HTTP statuses', async () => {
    const invalid = await post('/api/tools/list_approvals', ownerToken, '{"status":"maybe"}');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'status' }] } });
    const forbidden = await post('/api/tools/decide_approval', viewerToken, '{"approval_id":"x","decision":"approve"}');
    expect(forbidden.status).toBe(403);
    const unknown = await post('/api/tools/no_such_tool', ownerToken, '{}');
    expect(unknown.status).toBe(404);
    const badJson = await post('/api/tools/whoami', ownerToken, '{bad');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('lists only the tools the role may call, with JSON Schemas', async () => {
    const viewer = (await (await fetch(`${base}/api/tools`, { headers: { authorization: `Bearer ${viewerToken}` } })).json()) as { tools: Array<{ name: string; input_schema: { type: string } }> };
    const owner = (await (await fetch(`${base}/api/tools`, { headers: { authorization: `Bearer ${ownerToken}` } })).json()) as { tools: Array<{ name: string }> };
    expect(viewer.tools.map((tool) => tool.name)).not.toContain('decide_approval');
    expect(owner.tools.map((tool) => tool.name)).toContain('decide_approval');
    expect(viewer.tools.find((tool) => tool.name === 'whoami')?.input_schema.type).toBe('object');
  });

  it('a token of another organisation cannot reach this one\'s approvals', async () => {
    const listed = await fetch(`${base}/api/approvals?status=any`, { headers: { authorization: `Bearer ${otherOrgToken}` } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).not.toContain(approvalOfThisOrg);
    const decide = await post(`/api/approvals/${approvalOfThisOrg}/approve`, otherOrgToken, '{}');
    expect(decide.status).toBe(404);
    const row = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalOfThisOrg } });
    expect(row.status).toBe('PENDING');
  });
});
