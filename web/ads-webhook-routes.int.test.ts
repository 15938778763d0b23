import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { adsWebhookGoogleJob, adsWebhookMetaJob } from '../jobs/ads-webhooks/ads-webhook-jobs.ts';
import { JobCatalogue } from '../jobs/catalogue.ts';
import type { JobDeps } from '../jobs/define-job.ts';
import { recordingNotifier } from '../jobs/testing/recording-notifier.ts';
import { createCatalogue } from '../tools/index.ts';
import { silentLogger, type JobRequest } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { createTestOrganization } from '../tools/testing/fixtures.ts';
import { adsWebhookRoutes, GOOGLE_WEBHOOK_PATH, META_WEBHOOK_PATH, type AdsWebhookSecrets } from './ads-webhook-routes.ts';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-me-please';
const GOOGLE_TOKEN = 'google-push-token';

describe('ad platform webhooks: POST /api/webhooks/meta and /api/webhooks/google', () => {
  let database: Database;
  let server: Server;
  let base: string;
  let runner: ToolRunner;
  const routeQueue: JobRequest[] = [];
  const syncQueue: JobRequest[] = [];
  let failQueue = false;
  let secrets: AdsWebhookSecrets = { metaAppSecret: APP_SECRET, metaVerifyToken: VERIFY_TOKEN, googleToken: GOOGLE_TOKEN };
  const now = new Date('2026-12-10T03:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    // Tools called by the jobs queue their own work here (sync_ad_account queues ads.sync): nothing reaches a platform.
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs: { enqueue: async (job) => void syncQueue.push(job) }, now: () => now, log: silentLogger });
    const org = await createTestOrganization(database, 'ads-webhooks');
    const prisma = database.prisma;
    ids.org = org.id;
    ids.page = (await prisma.socialAccount.create({ data: { organizationId: org.id, platform: 'FACEBOOK', externalAccountId: '555', displayName: 'Label Page', accessTokenEncrypted: 'sealed', scopes: [] } })).id;
    // New York: 03:00 UTC on the 10th is still the 9th there.
    ids.meta = (await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'META', externalId: '1001', name: 'Acme US', currency: 'USD', timeZone: 'America/New_York' } })).id;
    ids.demo = (await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'META', externalId: '1002', name: 'Demo', currency: 'USD', timeZone: 'UTC', isDemo: true } })).id;
    ids.google = (await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'GOOGLE', externalId: '1234567890', name: 'Search', currency: 'EUR', timeZone: 'Europe/Paris' } })).id;
    const app = express();
    app.use(adsWebhookRoutes({
      prisma,
      jobs: { enqueue: async (job) => { if (failQueue) throw new Error('queue down'); routeQueue.push(job); } },
      log: silentLogger,
      secrets: () => secrets,
      now: () => now,
    }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const jobDeps = (): JobDeps => ({ prisma: database.prisma, runner, log: silentLogger, notifier: recordingNotifier(), jobs: { enqueue: async (job) => void syncQueue.push(job) }, now: () => now });
  const runQueued = async (job: JobRequest) => {
    const { job: definition, payload } = new JobCatalogue().prepare(job);
    return definition.run(jobDeps(), payload);
  };
  const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const postMeta = async (payload: unknown, headers: (body: string) => Record<string, string> = (body) => ({ 'x-hub-signature-256': sign(body) })) => {
    const body = JSON.stringify(payload);
    const response = await fetch(`${base}${META_WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers(body) }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  };
  const lead = (leadgenId: string, pageId = '555') => ({ object: 'page', entry: [{ id: pageId, time: 1765335600, changes: [{ field: 'leadgen', value: { leadgen_id: leadgenId, page_id: pageId, form_id: '77', ad_id: '88', created_time: 1765335600 } }] }] });

  it('answers Meta\'s subscription challenge only with the verify token', async () => {
    const get = (query: string) => fetch(`${base}${META_WEBHOOK_PATH}?${query}`);
    const ok = await get(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await get('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1');
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await get(`hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)).status).toBe(403);
  });

  it('refuses unsigned, badly signed and altered Meta events with 401, queueing nothing', async () => {
    const unsigned = await postMeta(lead('900'), () => ({}));
    expect([unsigned.status, unsigned.body.error?.code]).toEqual([401, 'unsigned']);
    const wrongSecret = await postMeta(lead('900'), (body) => ({ 'x-hub-signature-256': sign(body, 'another-secret') }));
    expect([wrongSecret.status, wrongSecret.body.error?.code]).toEqual([401, 'bad_signature']);
    const altered = await postMeta(lead('900'), () => ({ 'x-hub-signature-256': sign(JSON.stringify(lead('901'))) }));
    expect(altered.status).toBe(401);
    const garbage = await postMeta(lead('900'), () => ({ 'x-hub-signature-256': 'sha256=zz' }));
    expect(garbage.status).toBe(401);
    expect(routeQueue).toEqual([]);
    expect(await database.prisma.webhookReceipt.count({ where: { provider: 'meta' } })).toBe(0);
  });

  it('a signed lead is queued once and recorded as an Activity on the Page; a redelivery does nothing twice', async () => {
    const first = await postMeta(lead('4001'));
    expect(first).toMatchObject({ status: 200, body: { received: true, changes: 1, queued: 1, duplicates: 0 } });
    const again = await postMeta(lead('4001'));
    expect(again.body).toMatchObject({ changes: 1, queued: 0, duplicates: 1 });
    expect(routeQueue).toHaveLength(1);
    const job = routeQueue.shift()!;
    expect(job).toMatchObject({ name: 'ads.webhook.meta', payload: { organizationId: ids.org, lead: { leadgenId: '4001', formId: '77', adId: '88', socialAccountId: ids.page } } });
    expect(await runQueued(job)).toMatchObject({ recorded: true });
    // A retried job (the queue ran it again) finds the lead recorded.
    expect(await runQueued(job)).toMatchObject({ recorded: false });
    const activities = await database.prisma.activity.findMany({ where: { organizationId: ids.org, kind: 'meta_lead' } });
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ subjectType: 'social_account', subjectId: ids.page, data: { leadgen_id: '4001', form_id: '77', ad_id: '88', page_id: '555' } });
    expect(activities[0]!.occurredAt.toISOString()).toBe('2025-12-10T03:00:00.000Z');
    // A Page nobody connected, and an object Crescendo does not handle: acknowledged, said so, nothing queued.
    const unknown = await postMeta({ object: 'page', entry: [lead('4002', '999').entry[0], { id: '1', changes: [{ field: 'feed', value: {} }] }] });
    expect(unknown.body.ignored).toEqual(['leadgen: no organisation has the Facebook Page 999 connected', 'page.feed: not handled by Crescendo']);
    expect(routeQueue).toEqual([]);
  });

  it('an ad account notice queues a sync of that account for its local day; demo accounts are left alone', async () => {
    const notice = { object: 'ad_account', entry: [{ id: 'act_1001', time: 1765335600, changes: [{ field: 'in_process_ad_objects', value: { id: '123', status: 'ACTIVE' } }] }, { id: 'act_1002', time: 1765335600, changes: [{ field: 'in_process_ad_objects', value: {} }] }] };
    const response = await postMeta(notice);
    expect(response.body).toMatchObject({ changes: 2, queued: 1, ignored: ['in_process_ad_objects: no syncing Meta ad account 1002 is connected'] });
    const job = routeQueue.shift()!;
    // 1765335600 is 2025-12-10T03:00Z: the 9th in New York.
    expect(job.payload).toMatchObject({ sync: { adAccountId: ids.meta, day: '2025-12-09' } });
    expect(await runQueued(job)).toMatchObject({ queued: 'queued', day: '2025-12-09' });
    expect(syncQueue.shift()).toMatchObject({ name: 'ads.sync', payload: { organizationId: ids.org, adAccountId: ids.meta, from: '2025-12-09', to: '2025-12-09' } });
    expect((await postMeta(notice)).body).toMatchObject({ duplicates: 1, queued: 0 });
    expect(routeQueue).toEqual([]);
  });

  it('when the queue refuses, the claim is released so the retry is handled', async () => {
    failQueue = true;
    const refused = await postMeta(lead('4100'));
    expect([refused.status, refused.body.error?.code]).toEqual([503, 'unavailable']);
    failQueue = false;
    expect((await postMeta(lead('4100'))).body).toMatchObject({ queued: 1, duplicates: 0 });
    routeQueue.length = 0;
  });

  const push = (messageId: string, data: unknown) => JSON.stringify({ message: { data: Buffer.from(JSON.stringify(data)).toString('base64'), messageId, publishTime: '2026-12-10T03:00:00Z' }, subscription: 'projects/p/subscriptions/ads' });
  const postGoogle = async (body: string, auth: { query?: string; bearer?: string } = {}) => {
    const response = await fetch(`${base}${GOOGLE_WEBHOOK_PATH}${auth.query ? `?token=${auth.query}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}) }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
  };

  it('Google: refuses a push without the token or with another one; queues a sync of the named customer once per messageId', async () => {
    const body = push('m-1', { customer_id: '123-456-7890' });
    expect(await postGoogle(body)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await postGoogle(body, { query: 'wrong' })).toMatchObject({ status: 401, body: { error: { code: 'bad_token' } } });
    expect(await postGoogle(body, { bearer: 'google-push-token-but-longer' })).toMatchObject({ status: 401 });
    expect(routeQueue).toEqual([]);
    expect(await postGoogle(body, { query: GOOGLE_TOKEN })).toMatchObject({ status: 200, body: { received: true, queued: 1 } });
    expect(await postGoogle(body, { bearer: GOOGLE_TOKEN })).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(routeQueue).toHaveLength(1);
    const job = routeQueue.shift()!;
    // Published 03:00 UTC on the 10th: the 10th in Paris.
    expect(job).toMatchObject({ name: 'ads.webhook.google', payload: { adAccountId: ids.google, messageId: 'm-1', day: '2026-12-10' } });
    await runQueued(job);
    expect(syncQueue.shift()).toMatchObject({ name: 'ads.sync', payload: { adAccountId: ids.google, from: '2026-12-10', to: '2026-12-10' } });
    // A date in the message wins; an unknown customer is acknowledged (so Pub/Sub stops retrying) and ignored.
    await postGoogle(push('m-2', { customerId: '1234567890', date: '2026-12-08' }), { bearer: GOOGLE_TOKEN });
    expect(routeQueue.shift()?.payload).toMatchObject({ day: '2026-12-08' });
    expect((await postGoogle(push('m-3', { customer_id: '999' }), { bearer: GOOGLE_TOKEN })).body.ignored).toContain('999');
    expect(await postGoogle(JSON.stringify({ message: { data: 'not base64 json', messageId: 'm-4' } }), { bearer: GOOGLE_TOKEN })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
  });

  it('without configured secrets both routes refuse with 503 rather than accept unverified events', async () => {
    secrets = { metaAppSecret: undefined, metaVerifyToken: undefined, googleToken: undefined };
    expect((await postMeta(lead('5000'))).status).toBe(503);
    expect((await fetch(`${base}${META_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status).toBe(503);
    expect((await postGoogle(push('m-9', { customer_id: '1234567890' }), { bearer: 'anything' })).status).toBe(503);
    secrets = { metaAppSecret: APP_SECRET, metaVerifyToken: VERIFY_TOKEN, googleToken: GOOGLE_TOKEN };
    expect(adsWebhookMetaJob.name).toBe('ads.webhook.meta');
    expect(adsWebhookGoogleJob.name).toBe('ads.webhook.google');
  });
});
