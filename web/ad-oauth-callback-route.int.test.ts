import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { InProcessJobQueue } from '../jobs/in-process-queue.ts';
import { adsSettingsFrom, configureAds } from '../tools/ads/ads-settings.ts';
import { testAdsDeps } from '../tools/ads/connectors/testing/ads-test-kit.ts';
import { startFakeTikTokAds, type FakeTikTokAds } from '../tools/ads/connectors/tiktok/index.ts';
import { createCatalogue } from '../tools/index.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { caller } from '../tools/testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

const KEY = randomBytes(32).toString('base64');

describe('GET /oauth/:platform/callback (ad platforms)', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let tiktok: FakeTikTokAds;
  let org: TestOrganization;
  let server: Server;
  let baseUrl: string;
  const configure = (values: Record<string, string> = {}) =>
    configureAds({
      ...adsSettingsFrom({ CRESCENDO_ENCRYPTION_KEY: KEY, TIKTOK_ADS_APP_ID: tiktok.appId, TIKTOK_ADS_SECRET: tiktok.secret, TIKTOK_ADS_API_URL: tiktok.url, ...values }, { publicUrl: baseUrl }),
      deps: testAdsDeps(),
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, log: silentLogger });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger });
    tiktok = await startFakeTikTokAds();
    org = await createTestOrganization(database, 'ad-callback');
    server = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    configure();
  });
  afterAll(async () => {
    await jobs.drain();
    await new Promise((resolve) => server.close(resolve));
    await tiktok.close();
    configureAds(adsSettingsFrom({}));
    await database.close();
  });

  async function link(): Promise<string> {
    const { authorization_url } = await caller(runner, () => org.as('OWNER')).ok<{ authorization_url: string }>('connect_ad_account', { platform: 'tiktok' });
    return new URL(authorization_url).searchParams.get('state')!;
  }
  const open = (platform: string, query: Record<string, string>) => fetch(`${baseUrl}/oauth/${platform}/callback?${new URLSearchParams(query)}`, { redirect: 'manual' });

  it('connects TikTok advertisers from the auth_code TikTok sends back, then syncs them', async () => {
    tiktok.addAdvertiser({ id: '7001', name: 'Label TikTok', currency: 'USD', timezone: 'Etc/GMT+5', displayTimezone: 'America/New_York' });
    tiktok.addCampaign('7001', { campaign_id: '1801', campaign_name: 'Dance challenge' });
    const today = new Date().toISOString().slice(0, 10);
    tiktok.addDay('7001', { campaignId: '1801', date: today, spend: '12.5' });
    const response = await open('tiktok', { state: await link(), auth_code: tiktok.issueCode(), code: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ads?connected=tiktok&accounts=1');
    await jobs.drain();
    const account = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, platform: 'TIKTOK' } });
    expect(account).toMatchObject({ externalId: '7001', name: 'Label TikTok', lastSyncOutcome: 'SUCCEEDED' });
    const [token] = [...tiktok.accessTokens];
    const connection = await database.prisma.adConnection.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(connection.accessTokenEncrypted).not.toContain(token);
  });

  it('refuses with a short page and the reason: unknown platform, bad or reused state, declined, bad code, no key', async () => {
    expect((await open('snapchat', { state: 'x', code: 'y' })).status).toBe(404);
    const tampered = await open('tiktok', { state: 'abc.def', code: 'y' });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('integrity check');

    const declined = await open('tiktok', { state: await link(), error: 'access_denied', error_description: 'The user cancelled' });
    expect(declined.status).toBe(400);
    expect(await declined.text()).toContain('The user cancelled');

    const badCode = await open('tiktok', { state: await link(), auth_code: 'not-a-code' });
    expect(badCode.status).toBe(502);
    const page = await badCode.text();
    expect(page).toContain('was not stored');
    for (const token of tiktok.accessTokens) expect(page).not.toContain(token);

    const state = await link();
    configure({ CRESCENDO_ENCRYPTION_KEY: '' });
    const noKey = await open('tiktok', { state, auth_code: tiktok.issueCode() });
    expect(noKey.status).toBe(503);
    expect(await noKey.text()).toContain('CRESCENDO_ENCRYPTION_KEY');
    configure();
  });

  it('refuses a state whose person left the organisation', async () => {
    const member = await org.member('leaver@ad-callback.test', 'MANAGER');
    const { authorization_url } = await caller(runner, () => member).ok<{ authorization_url: string }>('connect_ad_account', { platform: 'tiktok' });
    await database.prisma.membership.delete({ where: { organizationId_userId: { organizationId: org.id, userId: member.userId! } } });
    const response = await open('tiktok', { state: new URL(authorization_url).searchParams.get('state')!, auth_code: tiktok.issueCode() });
    expect(response.status).toBe(403);
  });
});
