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

  const postRaw = (body: Buffer | string, headers: Record<string, string>, tool = 'whoami') =>
    fetch(`${base}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${ownerToken}`, ...headers }, body });

  it('refuses a JSON body that is not valid UTF-8 with 400 naming the encoding, instead of storing U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"Broken '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await postRaw(body, { 'content-type': 'application/json' }, 'create_client');
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.message).toMatch(/UTF-8/);
    expect(await database.prisma.client.count({ where: { name: { startsWith: 'Broken' } } })).toBe(0);
  });

  it('answers 415 or 400, never 500, for bodies it cannot decode', async () => {
    const brotli = await postRaw('{}', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect([400, 415]).toContain(brotli.status);
    expect(await brotli.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const corruptGzip = await postRaw(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef]), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(corruptGzip.status).toBe(400);
    expect(await corruptGzip.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/gzip|compress|encod/i) } });
    const unknownEncoding = await postRaw('{}', { 'content-type': 'application/json', 'content-encoding': 'zstd-nonsense' });
    expect(unknownEncoding.status).toBe(415);
    const latin1 = await postRaw(Buffer.from('{"name":"caf\xe9"}', 'latin1'), { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
    expect(await latin1.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/UTF-8/) } });
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
