import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { executeApproval } from '../../approvals/execute-approval.ts';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { createCatalogue } from '../../index.ts';
import { silentLogger } from '../../registry/context.ts';
import { ToolRunner, type Principal } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { adsSettingsFrom, configureAds, registerAdConnector } from '../ads-settings.ts';
import { createMetaAdsConnector, startFakeMetaAds, type FakeMetaAds } from '../connectors/meta/index.ts';
import { testAdsDeps } from '../connectors/testing/ads-test-kit.ts';
import { connectionSealContext } from '../sync/account-access.ts';

const KEY = randomBytes(32).toString('base64');
const CAMPAIGN = '23850000001';
interface Pending { approval_id: string; status: string; preview: string }

describe('pause_ad_campaign and set_ad_budget: approval tools that call the platform once', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let meta: FakeMetaAds;
  let org: TestOrganization;
  let requester: Principal;
  let asRequester: ReturnType<typeof caller>;
  let asApprover: ReturnType<typeof caller>;
  const clock = { now: new Date('2026-12-10T10:00:00Z') };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = new InProcessJobQueue({ retryDelayMs: () => 0 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs, now: () => clock.now, log: silentLogger });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger, now: () => clock.now });
    meta = await startFakeMetaAds({
      accounts: [{ id: '1001', name: 'Acme EU', currency: 'EUR', timezone: 'Europe/Paris', campaigns: [{ id: CAMPAIGN, name: 'Black Friday', status: 'ACTIVE', daily_budget: '5000' }] }],
    });
    configureAds({ ...adsSettingsFrom({ CRESCENDO_ENCRYPTION_KEY: KEY, META_APP_ID: meta.appId, META_APP_SECRET: meta.appSecret, META_GRAPH_URL: meta.url }), deps: testAdsDeps({ now: () => clock.now }) });
    registerAdConnector('meta', (settings) => createMetaAdsConnector({ graphUrl: settings.meta.graphUrl, appId: settings.meta.appId!, appSecret: settings.meta.appSecret!, deps: settings.deps }));
    org = await createTestOrganization(database, 'ads-actions');
    requester = await org.member('sam@ads-actions.test', 'CAMPAIGN_MANAGER', 'WEB');
    asRequester = caller(runner, () => requester);
    asApprover = caller(runner, () => org.as('MANAGER', { surface: 'WEB' }));
    const prisma = database.prisma;
    const connection = await prisma.adConnection.create({ data: { organizationId: org.id, platform: 'META', externalUserId: '10229876543210', displayName: 'Ana Marketer', accessTokenEncrypted: 'pending', scopes: ['ads_management'] } });
    await prisma.adConnection.update({ where: { id: connection.id }, data: { accessTokenEncrypted: createTokenCipher(KEY).encrypt(meta.token, connectionSealContext(connection.id)) } });
    const account = await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'META', externalId: '1001', name: 'Acme EU', currency: 'EUR', timeZone: 'Europe/Paris', connectionId: connection.id } });
    const campaign = await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: account.id, externalId: CAMPAIGN, name: 'Black Friday', status: 'ACTIVE', dailyBudget: 50 } });
    const demo = await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'TIKTOK', externalId: '7000', name: 'Demo TikTok', currency: 'USD', timeZone: 'America/New_York', isDemo: true } });
    const demoCampaign = await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: demo.id, externalId: 'd1', name: 'Demo launch', status: 'ENABLE', dailyBudget: 20 } });
    Object.assign(ids, { account: account.id, campaign: campaign.id, demoCampaign: demoCampaign.id });
    const metric = (date: string, spend: number) => ({ organizationId: org.id, adAccountId: account.id, adCampaignId: campaign.id, date: new Date(`${date}T00:00:00Z`), spend, currency: 'EUR', source: 'meta', syncedAt: clock.now });
    await prisma.campaignMetric.createMany({ data: [metric('2026-11-30', 500), metric('2026-12-08', 45), metric('2026-12-09', 61.5), metric('2026-12-10', 12.25)] });
  });
  afterAll(async () => {
    await jobs.drain();
    await meta.close();
    configureAds(adsSettingsFrom({}));
    await database.close();
  });

  const pauses = () => meta.calls(`POST /${CAMPAIGN}`);

  it('files a request showing status, budget and spend; approved, the platform is called once even with three executors at once', async () => {
    const pending = await asRequester.ok<Pending>('pause_ad_campaign', { ad_campaign_id: ids.campaign, reason: 'Over its daily limit' });
    expect(pending.status).toBe('pending');
    // Yesterday (the 9th in Paris) 61.50; this month 45 + 61.50 + 12.25 (November's 500 is not counted).
    expect(pending.preview).toBe('Pause Meta campaign “Black Friday” in ad account “Acme EU” (now active; daily budget 50.00 EUR). It spent 61.50 EUR yesterday and 118.75 EUR this month. Reason: Over its daily limit.');
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(request.fingerprint).toEqual({ 'Platform status': 'active', 'Daily budget': '50.00 EUR', 'Lifetime budget': 'none' });
    expect((request.summary as { headline: string }).headline).toBe('Pause “Black Friday” on Meta');
    expect(pauses()).toBe(0);

    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    const outcomes = await Promise.all([
      jobs.drain(),
      executeApproval(database.prisma, runner, pending.approval_id, org.id),
      executeApproval(database.prisma, runner, pending.approval_id, org.id),
    ]);
    expect(pauses()).toBe(1);
    expect(meta.updates).toEqual([{ campaignId: CAMPAIGN, fields: expect.objectContaining({ status: 'PAUSED' }) }]);
    expect(meta.campaign(CAMPAIGN)?.status).toBe('PAUSED');
    // Whichever executor won the claim ran it; the others found it no longer approved.
    const direct = outcomes.slice(1).map((outcome) => (outcome as { status: string }).status);
    expect(direct.filter((status) => status === 'executed').length).toBeLessThanOrEqual(1);
    expect(direct.filter((status) => status !== 'executed').every((status) => status === 'skipped')).toBe(true);
    const done = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(done.status).toBe('EXECUTED');
    expect(done.result).toEqual({ ad_campaign_id: ids.campaign, campaign_name: 'Black Friday', platform: 'meta', previous_status: 'active', status: 'paused', platform_called: true, note: null });
    expect((await database.prisma.adCampaign.findUniqueOrThrow({ where: { id: ids.campaign } })).status).toBe('PAUSED');
    // The token never reached the request, its result or the audit rows.
    const rows = JSON.stringify([done, await database.prisma.toolCall.findMany({ where: { organizationId: org.id } })]);
    expect(rows).not.toContain(meta.token);
  });

  it('a budget whose campaign changed after approval goes back to pending and calls nothing', async () => {
    const pending = await asRequester.ok<Pending>('set_ad_budget', { ad_campaign_id: ids.campaign, daily_budget: 80 });
    expect(pending.preview).toBe('Set the daily budget of Meta campaign “Black Friday” in ad account “Acme EU” from 50.00 EUR to 80.00 EUR. It spent 61.50 EUR yesterday and 118.75 EUR this month.');
    // A sync brings a new budget set on Meta itself before the decision runs.
    await database.prisma.adCampaign.update({ where: { id: ids.campaign }, data: { dailyBudget: 60 } });
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    const request = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(request.status).toBe('PENDING');
    expect(request.changeNote).toBe('Changed after it was approved: Daily budget: 50.00 EUR → 60.00 EUR.');
    expect(meta.updates).toHaveLength(1);

    // Approved again on the facts as they are (a new decision, a minute later): the budget goes to Meta in minor units, once.
    clock.now = new Date(clock.now.getTime() + 60_000);
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    expect(meta.updates).toHaveLength(2);
    expect(meta.updates[1]).toEqual({ campaignId: CAMPAIGN, fields: expect.objectContaining({ daily_budget: '8000' }) });
    expect(Number((await database.prisma.adCampaign.findUniqueOrThrow({ where: { id: ids.campaign } })).dailyBudget)).toBe(80);
    const done = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(done.result).toMatchObject({ kind: 'daily', previous_budget: 60, budget: 80, currency: 'EUR', platform_called: true });
  });

  it('a demo account is changed in Crescendo only; inputs are checked', async () => {
    const pending = await asRequester.ok<Pending>('set_ad_budget', { ad_campaign_id: ids.demoCampaign, lifetime_budget: 1500 });
    expect(pending.preview).toContain('Demo TikTok is a demo account: the change is recorded in Crescendo only and no platform is called.');
    await asApprover.ok('decide_approval', { approval_id: pending.approval_id, decision: 'approve' });
    await jobs.drain();
    const done = await database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: pending.approval_id } });
    expect(done.status).toBe('EXECUTED');
    expect(done.result).toMatchObject({ kind: 'lifetime', previous_budget: null, budget: 1500, currency: 'USD', platform_called: false });
    expect(Number((await database.prisma.adCampaign.findUniqueOrThrow({ where: { id: ids.demoCampaign } })).lifetimeBudget)).toBe(1500);
    const paused = await asRequester.ok<Pending>('pause_ad_campaign', { ad_campaign_id: ids.demoCampaign });
    await asApprover.ok('decide_approval', { approval_id: paused.approval_id, decision: 'approve' });
    await jobs.drain();
    expect((await database.prisma.adCampaign.findUniqueOrThrow({ where: { id: ids.demoCampaign } })).status).toBe('DISABLE');
    expect(meta.updates).toHaveLength(2);

    const both = await asRequester.fails('set_ad_budget', { ad_campaign_id: ids.campaign, daily_budget: 10, lifetime_budget: 100 });
    expect(both.code).toBe('invalid_input');
    expect(both.issues?.[0]).toMatchObject({ path: 'daily_budget', message: 'give exactly one of daily_budget or lifetime_budget' });
    expect((await asRequester.fails('set_ad_budget', { ad_campaign_id: ids.campaign })).issues?.[0]?.path).toBe('daily_budget');
    expect((await asRequester.fails('set_ad_budget', { ad_campaign_id: ids.campaign, daily_budget: 10.005 })).issues?.[0]?.path).toBe('daily_budget');
    expect((await asRequester.fails('pause_ad_campaign', { ad_campaign_id: '01900000-0000-7000-8000-000000000009' })).code).toBe('not_found');
  });
});
