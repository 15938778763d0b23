import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { BullmqJobQueue } from '../jobs/bullmq/bullmq-job-queue.ts';
import { startJobWorker } from '../jobs/bullmq/job-worker.ts';
import { recordingNotifier } from '../jobs/testing/recording-notifier.ts';
import { TEST_REDIS_URL, testRedisTarget, waitFor } from '../jobs/testing/test-redis.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../tools/testing/fixtures.ts';
import { buildWebApp, type WebAppDeps } from './app.ts';

const OPERATOR_TOKEN = 'op_'.padEnd(40, 'x');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * /admin/queues is the operator's: only CRESCENDO_OPERATOR_TOKEN (bearer, or the cookie POST
 * /admin/session sets with it) opens it; no organisation role does, whatever its rank.
 */
describe('the job dashboard', () => {
  let database: Database;
  let orgA: TestOrganization;
  let tokens: Record<'ownerA' | 'adminA' | 'ownerB', string>;
  const servers: Server[] = [];

  async function serve(adminQueues: WebAppDeps['adminQueues']): Promise<string> {
    const { runner } = createTestRunner(database);
    const server = buildWebApp({ database, runner, log: silentLogger, version: 'test', adminQueues }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const openSession = async (base: string, token: string) => fetch(`${base}/admin/session`, { method: 'POST', headers: bearer(token) });
  const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgA = await createTestOrganization(database, 'queues-a');
    const orgB = await createTestOrganization(database, 'queues-b');
    const token = async (organizationId: string, email: string, role: 'OWNER' | 'ADMIN') => (await createApiToken(database.prisma, { organizationId, email, role })).token;
    tokens = { ownerA: await token(orgA.id, 'owner@queues-a.test', 'OWNER'), adminA: await token(orgA.id, 'admin@queues-a.test', 'ADMIN'), ownerB: await token(orgB.id, 'owner@queues-b.test', 'OWNER') };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await database.close();
  });

  it('is off without CRESCENDO_OPERATOR_TOKEN, and says how to turn it on', async () => {
    const base = await serve({ queue: null, inProcess: () => ({ active: 0, failures: [] }) });
    for (const response of [await fetch(`${base}/admin/queues`, { headers: bearer(tokens.ownerA) }), await openSession(base, tokens.ownerA)]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringMatching(/CRESCENDO_OPERATOR_TOKEN.*list_jobs/s) } });
    }
  });

  it('in the embedded mode it opens to the operator token only, and says the dashboard needs Redis', async () => {
    const base = await serve({ queue: null, operatorToken: OPERATOR_TOKEN, inProcess: () => ({ active: 1, failures: [] }) });
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    for (const token of [tokens.ownerA, tokens.adminA, tokens.ownerB]) expect((await fetch(`${base}/admin/queues`, { headers: bearer(token) })).status).toBe(401);
    expect((await fetch(`${base}/admin/queues`, { headers: bearer(`${OPERATOR_TOKEN}y`) })).status).toBe(401);
    const response = await fetch(`${base}/admin/queues`, { headers: bearer(OPERATOR_TOKEN) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: 'in-process', active: 1, message: expect.stringMatching(/needs Redis/) });
  });

  it('a malformed session cookie is refused with 401, not a 500', async () => {
    const base = await serve({ queue: null, operatorToken: OPERATOR_TOKEN });
    const response = await fetch(`${base}/admin/queues`, { headers: { cookie: 'crescendo_admin=%E0%A4%A' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('a session cookie stops working as soon as the operator token changes', async () => {
    const secret = randomBytes(32);
    const before = await serve({ queue: null, operatorToken: OPERATOR_TOKEN, secret });
    const session = await openSession(before, OPERATOR_TOKEN);
    expect(session.status).toBe(200);
    const cookie = cookieOf(session);
    expect((await fetch(`${before}/admin/queues`, { headers: { cookie } })).status).toBe(200);
    const rotated = await serve({ queue: null, operatorToken: 'op_'.padEnd(40, 'z'), secret });
    expect((await fetch(`${rotated}/admin/queues`, { headers: { cookie } })).status).toBe(401);
  });

  describe.skipIf(!TEST_REDIS_URL)('with Redis, two organisations and the operator', () => {
    const redis = TEST_REDIS_URL ? testRedisTarget('board') : (undefined as never);
    let queue: BullmqJobQueue;
    let base: string;

    beforeAll(async () => {
      queue = new BullmqJobQueue(redis);
      await queue.enqueue({ name: 'digest.daily', payload: { organizationId: orgA.id, date: '2026-01-05' } });
      base = await serve({ queue: queue.queue, operatorToken: OPERATOR_TOKEN });
    });
    afterAll(async () => {
      await queue?.close();
      await redis?.cleanup();
    });

    it("organisation B's owner can neither open a session, see A's jobs, nor pause the queue", async () => {
      expect((await openSession(base, tokens.ownerB)).status).toBe(401);
      const listed = await fetch(`${base}/admin/queues/api/queues`, { headers: bearer(tokens.ownerB) });
      expect(listed.status).toBe(401);
      expect(await listed.text()).not.toContain(orgA.id);
      const pause = await fetch(`${base}/admin/queues/api/queues/crescendo/pause`, { method: 'PUT', headers: bearer(tokens.ownerB) });
      expect(pause.status).toBe(401);
      expect(await queue.queue.isPaused()).toBe(false);
      // Nor can A's own owner or admin: the dashboard spans every organisation.
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers: bearer(tokens.ownerA) })).status).toBe(401);
      expect((await openSession(base, tokens.adminA)).status).toBe(401);
    });

    it('the operator sees every queue and can pause and resume it, by bearer token or session cookie', async () => {
      const page = await fetch(`${base}/admin/queues`, { headers: bearer(OPERATOR_TOKEN) });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      const session = await openSession(base, OPERATOR_TOKEN);
      expect(session.status).toBe(200);
      expect(session.headers.get('set-cookie')).toMatch(/^crescendo_admin=.+; Max-Age=1800; Path=\/admin; Expires=.+; HttpOnly; SameSite=Strict$/);
      const cookie = cookieOf(session);
      const queues = await fetch(`${base}/admin/queues/api/queues?activeQueue=crescendo&status=waiting`, { headers: { cookie } });
      expect(queues.status).toBe(200);
      const body = (await queues.json()) as { queues: Array<{ name: string }> };
      expect(body.queues.map((entry) => entry.name)).toEqual(['crescendo']);
      expect(JSON.stringify(body)).toContain(orgA.id);
      expect((await fetch(`${base}/admin/queues/api/queues/crescendo/pause`, { method: 'PUT', headers: { cookie } })).status).toBe(200);
      expect(await queue.queue.isPaused()).toBe(true);
      expect((await fetch(`${base}/admin/queues/api/queues/crescendo/resume`, { method: 'PUT', headers: bearer(OPERATOR_TOKEN) })).status).toBe(200);
      expect(await queue.queue.isPaused()).toBe(false);
    });

    it("each organisation sees its own jobs through list_jobs once a worker ran them, never the other's", async () => {
      const { runner } = createTestRunner(database);
      const worker = await startJobWorker({ redis, deps: { prisma: database.prisma, runner, log: silentLogger, notifier: recordingNotifier(), now: () => new Date() }, schedules: false });
      try {
        await waitFor('the digest of A to run', async () => (await database.prisma.jobRun.count({ where: { organizationId: orgA.id, finishedAt: { not: null } } })) > 0);
      } finally {
        await worker.close();
      }
      const listJobs = async (token: string) => {
        const response = await fetch(`${base}/api/tools/list_jobs`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{}' });
        expect(response.status).toBe(200);
        return (await response.json()) as { rows: Array<{ job: string; key: string | null; runner: string; status: string }> };
      };
      const ofA = await listJobs(tokens.ownerA);
      expect(ofA.rows).toEqual([expect.objectContaining({ job: 'digest.daily', key: `digest.daily.${orgA.id}.2026-01-05`, runner: 'redis', status: 'succeeded' })]);
      const ofB = await listJobs(tokens.ownerB);
      expect(ofB.rows).toEqual([]);
      expect(JSON.stringify(ofB)).not.toContain(orgA.id);
    });

    it('a forged cookie is refused', async () => {
      const cookie = cookieOf(await openSession(base, OPERATOR_TOKEN));
      const forged = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie: forged } })).status).toBe(401);
    });
  });
});
