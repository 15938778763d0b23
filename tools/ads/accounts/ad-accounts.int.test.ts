import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { adSyncSweepJob } from '../../../jobs/ads/ad-sync-jobs.ts';
import type { JobDeps } from '../../../jobs/define-job.ts';
import { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { buildWebApp } from '../../../web/app.ts';
import { todayIn } from '../../common/format.ts';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { createCatalogue } from '../../index.ts';
import { silentLogger, type JobRequest } from '../../registry/context.ts';
import { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { adsSettingsFrom, configureAds } from '../ads-settings.ts';
import { FAKE_GOOGLE_CLIENT_ID, FAKE_GOOGLE_CLIENT_SECRET, FAKE_GOOGLE_DEVELOPER_TOKEN, startFakeGoogleAds, type FakeGoogleAds } from '../connectors/google/index.ts';
import { startFakeMetaAds, type FakeMetaAds } from '../connectors/meta/index.ts';
import { testAdsDeps } from '../connectors/testing/ads-test-kit.ts';
import { connectionSealContext } from '../sync/account-access.ts';

interface AccountRowOut { ad_account_id: string; name: string; external_id: string; status: string; parent: { ad_account_id: string } | null; child_accounts: number; last_sync: { outcome: string; rows: number | null; error: string | null } | null; spend: { yesterday: number; month_to_date: number } }
interface SyncOut { status: string; from: string; to: string; run: { outcome: string; rows: number; error: string | null; error_kind: string | null } | null }

const KEY = randomBytes(32).toString('base64');
const MINUTE = 60_000;

describe('ad accounts: connect, tokens, sync', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let google: FakeGoogleAds;
  let meta: FakeMetaAds;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let server: Server;
  let baseUrl: string;
  const clock = { now: new Date() };
  const configure = (values: Record<string, string | undefined> = {}) =>
    configureAds({
      ...adsSettingsFrom(
        {
          CRESCENDO_ENCRYPTION_KEY: KEY,
          GOOGLE_ADS_CLIENT_ID: FAKE_GOOGLE_CLIENT_ID,
          GOOGLE_ADS_CLIENT_SECRET: FAKE_GOOGLE_CLIENT_SECRET,
          GOOGLE_ADS_DEVELOPER_TOKEN: FAKE_GOOGLE_DEVELOPER_TOKEN,
          GOOGLE_ADS_API_URL: google.url,
          GOOGLE_OAUTH_URL: google.url,
          META_APP_ID: meta.appId,
          META_APP_SECRET: meta.appSecret,
          META_GRAPH_URL: meta.url,
          ...values,
        },
        { publicUrl: baseUrl },
      ),
      deps: testAdsDeps({ now: () => clock.now }),
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => clock.now, log: silentLogger });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now });
    google = await startFakeGoogleAds({ batchSize: 3 });
    meta = await startFakeMetaAds({ accounts: [{ id: '777', name: 'Label Meta', currency: 'EUR', timezone: 'Europe/Paris', campaigns: 2 }] });
    org = await createTestOrganization(database, 'ads-a');
    other = await createTestOrganization(database, 'ads-b');
    owner = caller(runner, () => org.as('OWNER'));
    const app = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    configure();
  });
  afterAll(async () => {
    await jobs.drain();
    await new Promise((resolve) => server.close(resolve));
    await google.close();
    await meta.close();
    configureAds(adsSettingsFrom({}));
    await database.close();
  });

  /**
   * Days count from New York's date, the westernmost account's: a day that has begun there has begun
   * for every account, whatever the UTC hour (a UTC date is still tomorrow in New York until 05:00).
   */
  const localDay = (offsetDays: number) => new Date(todayIn('America/New_York', clock.now).getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  /** What the browser does: open the platform's page (simulated by the fake's code), then follow the redirect to our callback. */
  async function completeSignIn(platform: 'google' | 'meta', authorizationUrl: string, code: string) {
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const response = await fetch(`${baseUrl}/oauth/${platform}/callback?state=${encodeURIComponent(state)}&code=${encodeURIComponent(code)}`, { redirect: 'manual' });
    await jobs.drain();
    return { response, state, body: response.status === 303 ? '' : await response.text() };
  }

  it('connect_ad_account refuses, naming the variables, until the app credentials and the encryption key are set', async () => {
    configure({ GOOGLE_ADS_DEVELOPER_TOKEN: '', CRESCENDO_ENCRYPTION_KEY: '' });
    const error = await owner.fails('connect_ad_account', { platform: 'google' });
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('GOOGLE_ADS_DEVELOPER_TOKEN');
    expect(error.message).toContain('CRESCENDO_ENCRYPTION_KEY');
    expect(error.message).not.toContain('GOOGLE_ADS_CLIENT_ID');
    configure();
    expect((await owner.fails('connect_ad_account', { platform: 'snapchat' })).code).toBe('unavailable');
  });

  it('a full Google OAuth code exchange stores the grant sealed, the hierarchy, and runs the first 30-day sync', async () => {
    google.addCustomer({ id: '1110001111', name: 'Agency MCC', manager: true, accessible: true, currency: 'USD', timeZone: 'America/New_York' });
    google.addCustomer({ id: '2220002222', name: 'Label US', parentId: '1110001111', currency: 'USD', timeZone: 'America/New_York', accessible: false });
    google.addCustomer({ id: '3330003333', name: 'Label UK', parentId: '1110001111', currency: 'GBP', timeZone: 'Europe/London', accessible: false });
    google.addCampaign('2220002222', { id: '91', name: 'Single launch', dailyBudgetMicros: '50000000' });
    google.addCampaign('2220002222', { id: '92', name: 'Album pre-save', dailyBudgetMicros: '20000000' });
    google.addCampaign('3330003333', { id: '93', name: 'UK tour' });
    for (let day = -5; day <= 0; day++) {
      google.addDay('2220002222', { campaignId: '91', date: localDay(day), costMicros: '10000000', impressions: '1000', clicks: '10', conversions: 1, conversionsValue: 30 });
      google.addDay('2220002222', { campaignId: '92', date: localDay(day), costMicros: '5000000', impressions: '500', clicks: '5', conversions: 0, conversionsValue: 0 });
      google.addDay('3330003333', { campaignId: '93', date: localDay(day), costMicros: '7000000', impressions: '700', clicks: '7', conversions: 0, conversionsValue: 0 });
    }

    const link = await owner.ok<{ authorization_url: string; redirect_uri: string }>('connect_ad_account', { platform: 'google' });
    expect(link.redirect_uri).toBe(`${baseUrl}/oauth/google/callback`);
    expect(link.authorization_url.startsWith(google.url)).toBe(true);
    const { response, state } = await completeSignIn('google', link.authorization_url, google.issueCode());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ads?connected=google&accounts=3');

    // Replaying the same link is refused.
    const replay = await fetch(`${baseUrl}/oauth/google/callback?state=${encodeURIComponent(state)}&code=x`, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');

    const connection = await database.prisma.adConnection.findFirstOrThrow({ where: { organizationId: org.id, platform: 'GOOGLE' } });
    const [accessToken] = [...google.accessTokens];
    const [refreshToken] = [...google.refreshTokens];
    expect(connection.accessTokenEncrypted).not.toContain(accessToken);
    expect(connection.refreshTokenEncrypted).not.toContain(refreshToken);
    // Readable with the key, unreadable without it or with another.
    expect(createTokenCipher(KEY).decrypt(connection.accessTokenEncrypted, connectionSealContext(connection.id))).toBe(accessToken);
    expect(() => createTokenCipher(randomBytes(32).toString('base64')).decrypt(connection.accessTokenEncrypted, connectionSealContext(connection.id))).toThrow();
    expect(() => createTokenCipher(undefined).decrypt(connection.accessTokenEncrypted, connectionSealContext(connection.id))).toThrow(/CRESCENDO_ENCRYPTION_KEY/);

    const list = await owner.ok<{ rows: AccountRowOut[] }>('list_ad_accounts', { platform: 'google' });
    const byName = new Map(list.rows.map((row) => [row.name, row]));
    expect([...byName.keys()].sort()).toEqual(['Agency MCC', 'Label UK', 'Label US']);
    const mcc = byName.get('Agency MCC')!;
    expect(mcc.child_accounts).toBe(2);
    expect(byName.get('Label US')!.parent?.ad_account_id).toBe(mcc.ad_account_id);
    // The first sync ran for the client accounts (not the manager): 30 days, 6 days of data.
    expect(byName.get('Label US')!.last_sync).toMatchObject({ outcome: 'succeeded', rows: 12 });
    expect(byName.get('Label UK')!.last_sync).toMatchObject({ outcome: 'succeeded', rows: 6 });
    expect(mcc.last_sync).toBeNull();
    const run = await database.prisma.adSyncRun.findFirstOrThrow({ where: { adAccountId: byName.get('Label US')!.ad_account_id } });
    expect((run.rangeTo.getTime() - run.rangeFrom.getTime()) / 86_400_000).toBe(29);
    const spend = await database.prisma.marketingSpend.findMany({ where: { organizationId: org.id, channel: 'google' } });
    expect(spend).toHaveLength(18);
    expect(spend.every((row) => row.source === 'google' && row.dedupeKey.startsWith('ads:'))).toBe(true);
    expect(spend.find((row) => row.campaign === 'Single launch')).toMatchObject({ currency: 'USD', impressions: 1000, clicks: 10 });
    expect(Number(spend.find((row) => row.campaign === 'Single launch')!.amount)).toBe(10);

    const detail = await owner.ok<{ campaigns: Array<{ name: string; daily_budget: number | null; spend_30d: number }>; recent_syncs: Array<{ outcome: string; rows: number }> }>('get_ad_account', { ad_account_id: byName.get('Label US')!.ad_account_id });
    expect(detail.campaigns.map((campaign) => [campaign.name, campaign.daily_budget, campaign.spend_30d])).toEqual([
      ['Single launch', 50, 60],
      ['Album pre-save', 20, 30],
    ]);
    expect(detail.recent_syncs[0]).toMatchObject({ outcome: 'succeeded', rows: 12 });
  });

  it('re-syncing a day replaces it in CampaignMetric and MarketingSpend, never adds to it', async () => {
    const account = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, externalId: '2220002222' } });
    const day = localDay(-1);
    const customer = google.customers.get('2220002222')!;
    customer.days.find((row) => row.campaignId === '91' && row.date === day)!.costMicros = '42500000';
    const result = await owner.ok<SyncOut>('sync_ad_account', { ad_account_id: account.id, from: localDay(-2), to: localDay(0), wait: true });
    expect(result).toMatchObject({ status: 'synced', run: { outcome: 'succeeded', rows: 6 } });
    const metrics = await database.prisma.campaignMetric.findMany({ where: { adAccountId: account.id, date: new Date(`${day}T00:00:00Z`) }, include: { adCampaign: true } });
    expect(metrics.map((row) => [row.adCampaign.name, Number(row.spend)]).sort()).toEqual([
      ['Album pre-save', 5],
      ['Single launch', 42.5],
    ]);
    const spend = await database.prisma.marketingSpend.findMany({ where: { organizationId: org.id, date: new Date(`${day}T00:00:00Z`), campaign: 'Single launch' } });
    expect(spend.map((row) => Number(row.amount))).toEqual([42.5]);
    expect(await database.prisma.campaignMetric.count({ where: { adAccountId: account.id } })).toBe(12);
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id, channel: 'google' } })).toBe(18);
  });

  it('refreshes a token that expires within 10 minutes, once, and the new one is used', async () => {
    const account = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, externalId: '3330003333' } });
    const before = await database.prisma.adConnection.findFirstOrThrow({ where: { organizationId: org.id, platform: 'GOOGLE' } });
    const tokenCalls = google.calls.token;
    clock.now = new Date(before.tokenExpiresAt!.getTime() - 5 * MINUTE);
    const result = await owner.ok<SyncOut>('sync_ad_account', { ad_account_id: account.id, wait: true });
    expect(result.run?.outcome).toBe('succeeded');
    expect(google.calls.token).toBe(tokenCalls + 1);
    const after = await database.prisma.adConnection.findFirstOrThrow({ where: { id: before.id } });
    expect(after.accessTokenEncrypted).not.toBe(before.accessTokenEncrypted);
    expect(after.tokenExpiresAt!.getTime()).toBeGreaterThan(before.tokenExpiresAt!.getTime());
    // Still fresh (the connector dates expiry from the real clock): no second refresh.
    clock.now = new Date();
    await owner.ok('sync_ad_account', { ad_account_id: account.id, wait: true });
    expect(google.calls.token).toBe(tokenCalls + 1);
  });

  it('one account failing does not stop another; the sweep syncs accounts by their own time zone', async () => {
    const us = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, externalId: '2220002222' } });
    const uk = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, externalId: '3330003333' } });
    // A UTC day after every sync this file ran, in every zone (London's date can be a day past UTC's in summer).
    const sweepDay = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    // 07:30 in London is 02:30 in New York: only the London account is due at its 06:00.
    clock.now = new Date(`${sweepDay}T07:30:00Z`);
    const queued: JobRequest[] = [];
    const deps = { prisma: database.prisma, runner, log: silentLogger, now: () => clock.now, jobs: { enqueue: async (job: JobRequest) => void queued.push(job) } } as unknown as JobDeps;
    await adSyncSweepJob.run(deps, { organizationId: org.id, hour: 'x' });
    expect(queued.map((job) => job.payload.adAccountId)).toEqual([uk.id]);
    // 11:30 UTC: both are past 06:00 local.
    clock.now = new Date(`${sweepDay}T11:30:00Z`);
    queued.length = 0;
    await adSyncSweepJob.run(deps, { organizationId: org.id, hour: 'y' });
    expect(queued.map((job) => job.payload.adAccountId).sort()).toEqual([us.id, uk.id].sort());

    // Demo stand-ins are never called, whatever their hour.
    await database.prisma.adAccount.create({ data: { organizationId: org.id, platform: 'GOOGLE', externalId: 'demo-1', name: 'Demo', currency: 'USD', timeZone: 'UTC', isDemo: true, connectionId: us.connectionId } });
    queued.length = 0;
    await adSyncSweepJob.run(deps, { organizationId: org.id, hour: 'y2' });
    expect(queued.map((job) => job.payload.adAccountId).sort()).toEqual([us.id, uk.id].sort());

    google.customers.get('2220002222')!.failing = true;
    for (const job of queued) await jobs.enqueue(job);
    await jobs.drain();
    google.customers.get('2220002222')!.failing = false;
    const [usAfter, ukAfter] = await Promise.all([database.prisma.adAccount.findUniqueOrThrow({ where: { id: us.id } }), database.prisma.adAccount.findUniqueOrThrow({ where: { id: uk.id } })]);
    expect(usAfter.lastSyncOutcome).toBe('FAILED');
    expect(usAfter.lastSyncError).toBeTruthy();
    expect(ukAfter.lastSyncOutcome).toBe('SUCCEEDED');
    // Synced today: the next sweep leaves both alone.
    queued.length = 0;
    await adSyncSweepJob.run(deps, { organizationId: org.id, hour: 'z' });
    expect(queued).toEqual([]);
    const status = await owner.ok<{ attention: Array<{ ad_account_id: string; problem: string }>; runs: Array<{ outcome: string }> }>('sync_status', { limit: 50 });
    expect(status.attention.map((entry) => [entry.ad_account_id, entry.problem])).toEqual([[us.id, 'last_sync_failed']]);
  });

  it('a revoked grant marks the connection and its accounts NEEDS_REAUTH, and no token appears in rows, errors or outputs', async () => {
    const us = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, externalId: '2220002222' } });
    const tokens = [...google.accessTokens, ...google.refreshTokens];
    google.revokeAll();
    const connection = await database.prisma.adConnection.findFirstOrThrow({ where: { organizationId: org.id, platform: 'GOOGLE' } });
    clock.now = new Date(connection.tokenExpiresAt!.getTime() - MINUTE);
    const result = await owner.ok<SyncOut>('sync_ad_account', { ad_account_id: us.id, wait: true });
    expect(result).toMatchObject({ status: 'failed', run: { outcome: 'failed', error_kind: 'needs_reauth' } });
    expect(result.run!.error).toContain('connect_ad_account');
    const after = await database.prisma.adConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.status).toBe('NEEDS_REAUTH');
    const accounts = await database.prisma.adAccount.findMany({ where: { connectionId: connection.id, isDemo: false } });
    expect(accounts.map((account) => account.status)).toEqual(accounts.map(() => 'NEEDS_REAUTH'));
    const status = await owner.ok<{ attention: Array<{ problem: string }> }>('sync_status', {});
    expect(status.attention[0]!.problem).toBe('needs_reauth');
    const list = await owner.ok<{ rows: AccountRowOut[]; needs_reauth: number }>('list_ad_accounts', {});
    expect(list.needs_reauth).toBe(3);
    expect(list.rows[0]!.status).toBe('needs_reauth');

    const calls = await database.prisma.toolCall.findMany({ where: { organizationId: org.id } });
    const activities = await database.prisma.activity.findMany({ where: { organizationId: org.id } });
    const runs = await database.prisma.adSyncRun.findMany({ where: { organizationId: org.id } });
    const everything = JSON.stringify({ calls, activities, runs, accounts, after: { ...after, accessTokenEncrypted: '', refreshTokenEncrypted: '' }, result, status, list });
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(tokens.length).toBeGreaterThan(1);
  });

  it('Meta: code exchange through the callback, then a sync; another organisation sees none of it', async () => {
    clock.now = new Date();
    const link = await owner.ok<{ authorization_url: string }>('connect_ad_account', { platform: 'meta' });
    const { response } = await completeSignIn('meta', link.authorization_url, meta.authorize(`${baseUrl}/oauth/meta/callback`));
    expect(response.status).toBe(303);
    const account = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, platform: 'META' } });
    expect(account).toMatchObject({ externalId: '777', currency: 'EUR', timeZone: 'Europe/Paris', lastSyncOutcome: 'SUCCEEDED' });
    const run = await database.prisma.adSyncRun.findFirstOrThrow({ where: { adAccountId: account.id } });
    const rows = meta.rowCount('777', run.rangeFrom.toISOString().slice(0, 10), run.rangeTo.toISOString().slice(0, 10));
    expect(rows).toBeGreaterThan(0);
    expect(await database.prisma.campaignMetric.count({ where: { adAccountId: account.id } })).toBe(rows);
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id, channel: 'meta', source: 'meta' } })).toBe(rows);

    const stranger = caller(runner, () => other.as('OWNER'));
    expect((await stranger.fails('get_ad_account', { ad_account_id: account.id })).code).toBe('not_found');
    expect((await stranger.fails('sync_ad_account', { ad_account_id: account.id, wait: true })).code).toBe('not_found');
    expect((await stranger.ok<{ rows: unknown[] }>('list_ad_accounts', {})).rows).toEqual([]);

    // Two syncs at once near expiry: one refresh (the connection's row is locked for it), both succeed.
    const connection = await database.prisma.adConnection.findFirstOrThrow({ where: { organizationId: org.id, platform: 'META' } });
    clock.now = new Date(connection.tokenExpiresAt!.getTime() - 5 * MINUTE);
    const exchanges = meta.calls(/GET \/oauth\/access_token/);
    const both = await Promise.all([0, 1].map(() => owner.ok<SyncOut>('sync_ad_account', { ad_account_id: account.id, from: localDay(-3), to: localDay(-1), wait: true })));
    expect(both.map((result) => result.run?.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(meta.calls(/GET \/oauth\/access_token/)).toBe(exchanges + 1);
    clock.now = new Date();

    // Throttled past what the connector waits out: the sync job records the failure and tries again with back-off.
    meta.rateLimitNext({ regainMinutes: 90, count: 1 });
    const runsBefore = await database.prisma.adSyncRun.count({ where: { adAccountId: account.id } });
    await jobs.enqueue({ name: 'ads.sync', payload: { organizationId: org.id, adAccountId: account.id, trigger: 'manual', from: localDay(-2), to: localDay(-1) } });
    await jobs.drain();
    const retried = await database.prisma.adSyncRun.findMany({ where: { adAccountId: account.id }, orderBy: { id: 'asc' }, skip: runsBefore });
    expect(retried.map((run) => run.outcome)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(retried[0]!.error).toMatch(/rate|limit|throttl/i);
    const jobRuns = await database.prisma.jobRun.findMany({ where: { organizationId: org.id, job: 'ads.sync' }, orderBy: { startedAt: 'desc' }, take: 2 });
    expect(jobRuns.map((run) => run.status).sort()).toEqual(['RETRYING', 'SUCCEEDED']);

    // A state made for Meta cannot be redeemed at the Google callback.
    const second = await owner.ok<{ authorization_url: string }>('connect_ad_account', { platform: 'meta' });
    const state = new URL(second.authorization_url).searchParams.get('state')!;
    const crossed = await fetch(`${baseUrl}/oauth/google/callback?state=${encodeURIComponent(state)}&code=x`, { redirect: 'manual' });
    expect(crossed.status).toBe(400);
  });

  it('update_ad_account and assign_ad_account change limits, pause, and link to a creator campaign with clear errors', async () => {
    const account = await database.prisma.adAccount.findFirstOrThrow({ where: { organizationId: org.id, platform: 'META' } });
    const updated = await owner.ok<{ limits: { daily_budget: number; monthly_budget: number | null }; sync_hour: number; status: string }>('update_ad_account', { ad_account_id: account.id, daily_budget_limit: 250, sync_hour: 8, paused: true });
    expect(updated).toMatchObject({ limits: { daily_budget: 250, monthly_budget: null }, sync_hour: 8, status: 'paused' });
    expect((await owner.fails('sync_ad_account', { ad_account_id: account.id })).message).toContain('paused');
    expect((await owner.ok<{ status: string }>('update_ad_account', { ad_account_id: account.id, paused: false })).status).toBe('active');
    expect((await owner.fails('update_ad_account', { ad_account_id: account.id })).code).toBe('invalid_input');

    const campaign = await database.prisma.campaign.create({ data: { organizationId: org.id, name: 'Summer single', objective: 'AWARENESS', currency: 'EUR' } });
    const whole = await owner.ok<{ scope: string; creator_campaign: { name: string } }>('assign_ad_account', { ad_account_id: account.id, creator_campaign_id: campaign.id });
    expect(whole).toMatchObject({ scope: 'account', creator_campaign: { name: 'Summer single' } });
    const adCampaigns = await database.prisma.adCampaign.findMany({ where: { adAccountId: account.id } });
    const some = await owner.ok<{ scope: string; ad_campaigns: unknown[] }>('assign_ad_account', { ad_account_id: account.id, creator_campaign_id: campaign.id, ad_campaign_ids: [adCampaigns[0]!.id] });
    expect(some.ad_campaigns).toHaveLength(1);
    const googleCampaign = await database.prisma.adCampaign.findFirstOrThrow({ where: { organizationId: org.id, name: 'UK tour' } });
    const wrong = await owner.fails('assign_ad_account', { ad_account_id: account.id, creator_campaign_id: campaign.id, ad_campaign_ids: [googleCampaign.id] });
    expect(wrong.message).toContain('ad_campaign_ids[0]');
    expect(wrong.message).toContain('another ad account');
    const foreign = await database.prisma.campaign.create({ data: { organizationId: other.id, name: 'Not yours', objective: 'AWARENESS', currency: 'EUR' } });
    expect((await owner.fails('assign_ad_account', { ad_account_id: account.id, creator_campaign_id: foreign.id })).code).toBe('not_found');
  });

  it('find_tools finds the account tools from a marketer\'s words', async () => {
    const names = async (query: string) => (await owner.ok<{ tools: Array<{ name: string }> }>('find_tools', { query, area: 'ads' })).tools.map((tool) => tool.name);
    expect(await names('connect my facebook ads account')).toContain('connect_ad_account');
    expect(await names('why did the google ads sync fail')).toContain('sync_status');
    expect(await names('refresh ad spend now')).toContain('sync_ad_account');
    expect(await names('set a monthly budget limit alert on an ad account')).toContain('update_ad_account');
  });
});
