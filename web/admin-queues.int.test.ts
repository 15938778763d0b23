import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { BullmqJobQueue } from '../jobs/bullmq/bullmq-job-queue.ts';
import { TEST_REDIS_URL, testRedisTarget } from '../jobs/testing/test-redis.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization, createTestRunner } from '../tools/testing/fixtures.ts';
import { buildWebApp, type WebAppDeps } from './app.ts';

/** /admin/queues: OWNER and ADMIN only, by bearer token or the cookie POST /admin/session sets. */
describe('the job dashboard', () => {
  let database: Database;
  let tokens: Record<'admin' | 'viewer' | 'manager', string>;
  const servers: Server[] = [];

  async function serve(adminQueues: WebAppDeps['adminQueues']): Promise<string> {
    const { runner } = createTestRunner(database);
    const server = buildWebApp({ database, runner, log: silentLogger, version: 'test', adminQueues }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await openTestDatabase();
    const org = await createTestOrganization(database, 'admin-queues');
    const token = async (role: 'ADMIN' | 'VIEWER' | 'MANAGER') => (await createApiToken(database.prisma, { organizationId: org.id, email: `${role.toLowerCase()}@aq.test`, role })).token;
    tokens = { admin: await token('ADMIN'), viewer: await token('VIEWER'), manager: await token('MANAGER') };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await database.close();
  });

  it('in the embedded mode it says the dashboard needs Redis, and shows the in-process state', async () => {
    const base = await serve({ queue: null, inProcess: () => ({ active: 1, failures: [] }) });
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base}/admin/queues`, { headers: bearer(tokens.manager) })).status).toBe(401);
    const response = await fetch(`${base}/admin/queues`, { headers: bearer(tokens.admin) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: 'in-process', active: 1, message: expect.stringMatching(/needs Redis/) });
  });

  describe.skipIf(!TEST_REDIS_URL)('with Redis', () => {
    const redis = TEST_REDIS_URL ? testRedisTarget('board') : (undefined as never);
    let queue: BullmqJobQueue;
    let base: string;

    beforeAll(async () => {
      queue = new BullmqJobQueue(redis);
      base = await serve({ queue: queue.queue });
    });
    afterAll(async () => {
      await queue?.close();
      await redis?.cleanup();
    });

    it('refuses anyone but OWNER and ADMIN', async () => {
      expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
      expect((await fetch(`${base}/admin/queues`, { headers: bearer(tokens.viewer) })).status).toBe(401);
      expect((await fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(tokens.manager) })).status).toBe(401);
    });

    it('serves Bull Board to an admin bearer token', async () => {
      const page = await fetch(`${base}/admin/queues`, { headers: bearer(tokens.admin) });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      const queues = await fetch(`${base}/admin/queues/api/queues`, { headers: bearer(tokens.admin) });
      expect(((await queues.json()) as { queues: Array<{ name: string }> }).queues.map((entry) => entry.name)).toEqual(['crescendo']);
    });

    it('a browser gets a signed, HttpOnly, SameSite=Strict cookie from POST /admin/session; a forged one is refused', async () => {
      const session = await fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(tokens.admin) });
      expect(session.status).toBe(200);
      const cookie = session.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^crescendo_admin=.+; Max-Age=1800; Path=\/admin; Expires=.+; HttpOnly; SameSite=Strict$/);
      const value = cookie.split(';')[0]!;
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie: value } })).status).toBe(200);
      const forged = value.replace(/\.([A-Z]+)\./, '.OWNER.').replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie: forged } })).status).toBe(401);
    });
  });
});
