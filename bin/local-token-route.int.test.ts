import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { verifyApiToken } from '../tools/access/api-tokens.ts';
import { createTestOrganization, type TestOrganization } from '../tools/testing/fixtures.ts';
import { LOCAL_TOKEN_PATH } from './local-credential.ts';
import { LOCAL_TOKEN_NAME, localTokenRoute } from './local-token-route.ts';

describe('the local credential exchange', () => {
  let database: Database;
  let org: TestOrganization;
  let server: Server;
  let url: string;
  const secret = 'a-local-secret-of-enough-length-0123456789';
  const exchange = (body: object, credential = secret) =>
    fetch(`${url}${LOCAL_TOKEN_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'local-cred');
    await org.member('analyst@local-cred.test', 'ANALYST');
    const app = express().use(await localTokenRoute(database.prisma, secret));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it('refuses a wrong credential', async () => {
    const refused = await exchange({ org: org.slug }, 'not-the-secret');
    expect(refused.status).toBe(401);
  });

  it('issues a token of exactly the member and role asked, reused for the same ask', async () => {
    const first = (await (await exchange({ org: org.slug, role: 'VIEWER' })).json()) as { token: string };
    expect(await verifyApiToken(database.prisma, first.token)).toMatchObject({ organizationId: org.id, userId: org.ownerId, role: 'VIEWER' });
    const again = (await (await exchange({ org: org.slug, role: 'viewer' })).json()) as { token: string };
    expect(again.token).toBe(first.token);
    const analyst = (await (await exchange({ org: org.slug, as: 'analyst@local-cred.test' })).json()) as { token: string };
    expect(await verifyApiToken(database.prisma, analyst.token)).toMatchObject({ role: 'ANALYST' });
    const row = await database.prisma.apiToken.findFirstOrThrow({ where: { name: LOCAL_TOKEN_NAME, userId: org.ownerId } });
    expect(row.expiresAt).not.toBeNull();
  });

  it('never above the member’s own role, and names the flag that was wrong', async () => {
    const raised = await exchange({ org: org.slug, as: 'analyst@local-cred.test', role: 'OWNER' });
    expect(raised.status).toBe(400);
    expect(await raised.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/^--role: analyst@local-cred.test is a ANALYST/) } });
    const unknown = await exchange({ org: 'nowhere' });
    expect((await unknown.json()) as object).toMatchObject({ error: { message: expect.stringMatching(/^--org: no organisation/) } });
  });

  it('revokes the previous run’s tokens when a server starts', async () => {
    const before = (await (await exchange({ org: org.slug, role: 'ANALYST' })).json()) as { token: string };
    await localTokenRoute(database.prisma, 'another-run-secret-0123456789-abcdefgh');
    expect(await verifyApiToken(database.prisma, before.token)).toBeNull();
  });
});
