import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { configurePhyllo, phylloSettingsFrom } from '../tools/creators/phyllo/phyllo-settings.ts';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_WEBHOOK_SECRET, startFakePhyllo, type FakePhyllo } from '../tools/creators/phyllo/testing/fake-phyllo.ts';
import { signPhylloBody } from '../tools/creators/phyllo/webhook-signature.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization, createTestRunner } from '../tools/testing/fixtures.ts';
import { phylloWebhookRoute, PHYLLO_WEBHOOK_PATH } from './phyllo-webhook-route.ts';

/** The route on its own, with a movable clock: the freshness window's edges and the claim's release. */
describe('POST /api/webhooks/phyllo', () => {
  let database: Database;
  let fake: FakePhyllo;
  let server: Server;
  let url: string;
  let userId: string;
  let creatorId: string;
  let drain: () => Promise<void>;
  const clock = { now: new Date('2026-12-10T10:00:00Z') };
  const settings = (clientSecret = FAKE_CLIENT_SECRET) =>
    configurePhyllo({ ...phylloSettingsFrom({ PHYLLO_CLIENT_ID: FAKE_CLIENT_ID, PHYLLO_CLIENT_SECRET: clientSecret, PHYLLO_API_URL: fake.url, PHYLLO_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET }), deps: { sleep: async () => {} } });

  beforeAll(async () => {
    database = await openTestDatabase();
    fake = await startFakePhyllo();
    settings();
    const { runner, jobs } = createTestRunner(database, [], () => clock.now);
    drain = () => jobs.drain();
    const org = await createTestOrganization(database, 'phyllo-route');
    userId = 'phyllo-user-route';
    const contact = await database.prisma.contact.create({ data: { organizationId: org.id, name: 'Route Creator' } });
    creatorId = (await database.prisma.creator.create({ data: { organizationId: org.id, contactId: contact.id, handle: 'route.creator', phylloUserId: userId } })).id;
    const app = express();
    app.use(phylloWebhookRoute({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PHYLLO_WEBHOOK_PATH}`;
  });
  afterAll(async () => {
    await drain();
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
    configurePhyllo(phylloSettingsFrom({}));
    await database.close();
  });

  const post = async (delivery: { body: string; headers: Record<string, string> }) => {
    const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const body = (await response.json()) as { error?: { code: string; message: string }; [key: string]: unknown };
    await drain();
    return { status: response.status, body };
  };
  const ago = (ms: number) => new Date(clock.now.getTime() - ms);

  it('accepts an event up to 5 minutes old and refuses one a second older, or one dated in the future', async () => {
    const account = fake.connect(userId, 'tiktok', 'route.creator');
    expect(await post(fake.webhook('PROFILES.UPDATED', { account_id: account.id, user_id: userId }, { at: ago(5 * 60_000) }))).toMatchObject({ status: 200, body: { status: 'queued' } });
    expect(await post(fake.webhook('PROFILES.UPDATED', { account_id: account.id, user_id: userId }, { at: ago(5 * 60_000 + 1_000) }))).toMatchObject({ status: 401, body: { error: { code: 'stale' } } });
    expect(await post(fake.webhook('PROFILES.UPDATED', { account_id: account.id, user_id: userId }, { at: ago(-10 * 60_000) }))).toMatchObject({ status: 401, body: { error: { code: 'stale' } } });
    const withoutTime = JSON.stringify({ id: 'no-time', event: 'PROFILES.UPDATED', data: { user_id: userId } });
    const signed = fake.webhook('PROFILES.UPDATED', {});
    expect(await post({ body: withoutTime, headers: { ...signed.headers, 'webhook-signature': signPhylloBody(FAKE_WEBHOOK_SECRET, withoutTime) } })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_body', message: expect.stringContaining('last_updated_time') } },
    });
  });

  it('acknowledges events it does not act on; a delivery the sync could not take is released, so Phyllo’s retry is handled', async () => {
    expect(await post(fake.webhook('INCOME.TRANSACTIONS.ADDED' as never, { user_id: userId }, { at: clock.now }))).toMatchObject({ status: 200, body: { ignored: expect.stringContaining('INCOME.TRANSACTIONS.ADDED') } });

    configurePhyllo(phylloSettingsFrom({ PHYLLO_API_URL: fake.url, PHYLLO_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET }));
    const delivery = fake.webhook('CONTENTS.ADDED', { user_id: userId, account_id: 'acc' }, { at: clock.now });
    const first = await post(delivery);
    expect(first).toMatchObject({ status: 503, body: { error: { code: 'unavailable', message: expect.stringContaining('PHYLLO_CLIENT_ID') } } });
    expect(await database.prisma.webhookReceipt.count({ where: { eventId: delivery.id } })).toBe(0);
    settings();
    expect(await post(delivery)).toMatchObject({ status: 200, body: { status: 'queued' } });
    expect(await post(delivery)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await database.prisma.creatorPlatform.count({ where: { creatorId, connection: 'CONNECTED' } })).toBe(1);
  });
});
