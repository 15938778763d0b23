import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRef } from '../ad-connector.ts';
import { expectAdFailure, testAdsDeps } from '../testing/ads-test-kit.ts';
import { createMetaAdsConnector, type MetaAdsSettings } from './meta-connector.ts';
import { highestUsagePercent, throttleWaitMs } from './meta-graph.ts';
import { budgetFromMinor, budgetToMinor } from './meta-money.ts';
import { metaAdsConnectorFrom, metaAdsSettingsFrom } from './meta-settings.ts';
import { startFakeMetaAds, type FakeMetaAds, type FakeMetaAdsOptions } from './testing/fake-meta-ads.ts';

const NOW = new Date('2026-12-06T12:00:00Z');
const EUR: AccountRef = { externalId: '1001', currency: 'EUR', timeZone: 'Europe/Paris' };

describe('Meta Marketing API connector against the loopback fake', () => {
  let fake: FakeMetaAds | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function setup(options: FakeMetaAdsOptions = {}, settings: Partial<MetaAdsSettings> = {}) {
    fake = await startFakeMetaAds(options);
    const deps = testAdsDeps({ now: () => NOW });
    const connector = createMetaAdsConnector({ graphUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, deps, ...settings });
    return { fake, connector, deps };
  }

  it('builds the login dialog URL and exchanges the code for a long-lived token (~60 days), then re-exchanges it as the refresh', async () => {
    const { fake, connector } = await setup();
    const url = new URL(connector.authorizationUrl({ state: 'signed.state', redirectUri: 'https://crescendo.test/oauth/meta/callback' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v24.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: fake.appId,
      redirect_uri: 'https://crescendo.test/oauth/meta/callback',
      state: 'signed.state',
      response_type: 'code',
      scope: 'ads_read,ads_management,business_management',
    });

    const code = fake.authorize('https://crescendo.test/oauth/meta/callback');
    const grant = await connector.exchangeCode({ code, redirectUri: 'https://crescendo.test/oauth/meta/callback' });
    const tokenCalls = fake.server.requests.filter((request) => request.path === '/v24.0/oauth/access_token');
    expect(tokenCalls.map((request) => request.query.get('grant_type') ?? 'code')).toEqual(['code', 'fb_exchange_token']);
    expect(tokenCalls[0]!.query.get('code')).toBe(code);
    const shortLived = tokenCalls[1]!.query.get('fb_exchange_token');
    expect(grant.accessToken).not.toBe(shortLived);
    expect(grant.refreshToken).toBe(grant.accessToken);
    expect(grant.expiresAt?.toISOString()).toBe(new Date(NOW.getTime() + 5_183_944_000).toISOString());
    expect(grant.scopes).toEqual(['ads_read', 'ads_management', 'business_management', 'public_profile']);
    expect(grant).toMatchObject({ externalUserId: '10229876543210', displayName: 'Ana Marketer' });

    const again = await expectAdFailure(connector.exchangeCode({ code, redirectUri: 'https://crescendo.test/oauth/meta/callback' }), 'rejected', [code, fake.appSecret]);
    expect(again.message).toContain('This authorization code has been used');

    const renewed = await connector.refresh(grant.refreshToken!);
    expect(renewed.accessToken).not.toBe(grant.accessToken);
    expect(renewed.expiresAt?.getTime()).toBe(NOW.getTime() + 5_183_944_000);
    fake.revoke(renewed.accessToken);
    const gone = await expectAdFailure(connector.refresh(renewed.accessToken), 'revoked', [renewed.accessToken, fake.appSecret]);
    expect(gone.details.code).toBe(190);
    expect(gone.message).toMatch(/Connect the account again/);
  });

  it('signs every call carrying a token with appsecret_proof, and the fake refuses a wrong one', async () => {
    const { fake, connector } = await setup();
    await connector.listAccounts(fake.token);
    const call = fake.server.requests.at(-1)!;
    expect(call.query.get('appsecret_proof')).toBe(createHmac('sha256', fake.appSecret).update(fake.token).digest('hex'));
    const wrong = createMetaAdsConnector({ graphUrl: fake.url, appId: fake.appId, appSecret: 'not-the-secret', deps: testAdsDeps() });
    const refused = await expectAdFailure(wrong.listAccounts(fake.token), 'rejected', [fake.token, 'not-the-secret']);
    expect(refused.message).toContain('Invalid appsecret_proof');
  });

  it('lists ad accounts with their business as the manager above them', async () => {
    const { fake, connector } = await setup({
      accounts: [
        { id: '1001', name: 'Label EU', currency: 'EUR', timezone: 'Europe/Paris', business: { id: '880001', name: 'North Agency' } },
        { id: '1002', name: 'Label JP', currency: 'JPY', timezone: 'Asia/Tokyo', business: { id: '880001', name: 'North Agency' } },
        { id: '1003', name: 'Solo', currency: 'USD', timezone: 'America/New_York', business: null },
      ],
      pageSize: 2,
    });
    expect(await connector.listAccounts(fake.token)).toEqual([
      { externalId: '880001', name: 'North Agency', currency: 'EUR', timeZone: 'Europe/Paris', parentExternalId: null, isManager: true },
      { externalId: '1001', name: 'Label EU', currency: 'EUR', timeZone: 'Europe/Paris', parentExternalId: '880001', isManager: false },
      { externalId: '1002', name: 'Label JP', currency: 'JPY', timeZone: 'Asia/Tokyo', parentExternalId: '880001', isManager: false },
      { externalId: '1003', name: 'Solo', currency: 'USD', timeZone: 'America/New_York', parentExternalId: null, isManager: false },
    ]);
    expect(fake.calls('GET /me/adaccounts')).toBe(2);
  });

  it('pages campaigns and reads budgets from minor units (cents, and whole yen)', async () => {
    const { fake, connector } = await setup({
      accounts: [
        {
          id: '1001',
          currency: 'EUR',
          campaigns: [
            { id: '23851', name: 'Single launch', status: 'ACTIVE', effective_status: 'ACTIVE', objective: 'OUTCOME_AWARENESS', daily_budget: '7550' },
            { id: '23852', name: 'Tour', status: 'ACTIVE', effective_status: 'WITH_ISSUES', objective: 'OUTCOME_SALES', lifetime_budget: '1200000' },
            { id: '23853', name: 'Old', status: 'PAUSED', daily_budget: '0' },
          ],
        },
        { id: '1002', currency: 'JPY', campaigns: [{ id: '23861', name: 'Tokyo', status: 'ACTIVE', daily_budget: '5000' }] },
      ],
      pageSize: 2,
    });
    expect(await connector.listCampaigns(fake.token, EUR)).toEqual([
      { externalId: '23851', name: 'Single launch', status: 'ACTIVE', objective: 'OUTCOME_AWARENESS', dailyBudget: 75.5, lifetimeBudget: null },
      { externalId: '23852', name: 'Tour', status: 'WITH_ISSUES', objective: 'OUTCOME_SALES', dailyBudget: null, lifetimeBudget: 12000 },
      { externalId: '23853', name: 'Old', status: 'PAUSED', objective: null, dailyBudget: null, lifetimeBudget: null },
    ]);
    expect(fake.calls('GET /act_1001/campaigns')).toBe(2);
    const [tokyo] = await connector.listCampaigns(fake.token, { externalId: 'act_1002', currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(tokyo!.dailyBudget).toBe(5000);
  });

  it('reads daily insights over two pages, money and counts exactly, one purchase type counted once', async () => {
    const rows = [
      {
        campaign_id: '23851',
        campaign_name: 'Single launch',
        date_start: '2026-12-01',
        date_stop: '2026-12-01',
        spend: '1234.56',
        impressions: '250123',
        clicks: '4321',
        reach: '180000',
        frequency: '1.389572',
        actions: [
          { action_type: 'link_click', value: '4000' },
          { action_type: 'offsite_conversion.fb_pixel_purchase', value: '2' },
          { action_type: 'purchase', value: '3' },
          { action_type: 'omni_purchase', value: '3' },
        ],
        action_values: [
          { action_type: 'offsite_conversion.fb_pixel_purchase', value: '49.98' },
          { action_type: 'purchase', value: '74.97' },
          { action_type: 'omni_purchase', value: '74.97' },
        ],
        video_play_actions: [{ action_type: 'video_view', value: '90000' }],
        video_p25_watched_actions: [{ action_type: 'video_view', value: '45000' }],
        video_p50_watched_actions: [{ action_type: 'video_view', value: '30010' }],
        video_p75_watched_actions: [{ action_type: 'video_view', value: '20005' }],
        video_p100_watched_actions: [{ action_type: 'video_view', value: '12001' }],
      },
      { campaign_id: '23851', campaign_name: 'Single launch', date_start: '2026-12-02', date_stop: '2026-12-02', spend: '0.01', impressions: '3', clicks: '0', reach: '3', frequency: '1' },
      {
        campaign_id: '23852',
        campaign_name: 'Tour',
        date_start: '2026-12-01',
        date_stop: '2026-12-01',
        spend: '99.9',
        impressions: '10000',
        clicks: '120',
        actions: [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '4' }],
        action_values: [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '159.6' }],
      },
    ];
    const { fake, connector } = await setup({ accounts: [{ id: '1001', currency: 'EUR', rows }], pageSize: 2 });
    const metrics = await connector.dailyMetrics(fake.token, EUR, { from: '2026-12-01', to: '2026-12-02' });
    expect(metrics).toEqual([
      {
        campaignExternalId: '23851',
        campaignName: 'Single launch',
        date: '2026-12-01',
        spend: 1234.56,
        impressions: 250123,
        clicks: 4321,
        conversions: 3,
        conversionValue: 74.97,
        reach: 180000,
        frequency: 1.3896,
        videoViews: 90000,
        videoP25: 45000,
        videoP50: 30010,
        videoP75: 20005,
        videoP100: 12001,
      },
      { campaignExternalId: '23851', campaignName: 'Single launch', date: '2026-12-02', spend: 0.01, impressions: 3, clicks: 0, conversions: 0, conversionValue: 0, reach: 3, frequency: 1, videoViews: null, videoP25: null, videoP50: null, videoP75: null, videoP100: null },
      { campaignExternalId: '23852', campaignName: 'Tour', date: '2026-12-01', spend: 99.9, impressions: 10000, clicks: 120, conversions: 4, conversionValue: 159.6, reach: null, frequency: null, videoViews: null, videoP25: null, videoP50: null, videoP75: null, videoP100: null },
    ]);
    const pages = fake.server.requests.filter((request) => request.path === '/v24.0/act_1001/insights');
    expect(pages).toHaveLength(2);
    expect(pages[0]!.query.get('after')).toBeNull();
    expect(pages[1]!.query.get('after')).toBeTruthy();
    expect(Object.fromEntries(['level', 'time_increment', 'time_range'].map((name) => [name, pages[0]!.query.get(name)]))).toEqual({
      level: 'campaign',
      time_increment: '1',
      time_range: '{"since":"2026-12-01","until":"2026-12-02"}',
    });
    expect(pages[0]!.query.get('fields')!.split(',')).toEqual(expect.arrayContaining(['spend', 'actions', 'action_values', 'video_p100_watched_actions', 'video_play_actions', 'reach', 'frequency']));
  });

  it('keeps the spend of archived and deleted campaigns (Meta leaves them out of account insights unless filtered in)', async () => {
    const row = (campaign_id: string, spend: string) => ({ campaign_id, campaign_name: campaign_id, date_start: '2026-11-20', date_stop: '2026-11-20', spend, impressions: '10', clicks: '1' });
    const { fake, connector } = await setup({
      accounts: [
        {
          id: '1001',
          campaigns: [
            { id: '31', name: 'Live', status: 'ACTIVE', effective_status: 'ACTIVE' },
            { id: '32', name: 'Gone', status: 'DELETED', effective_status: 'DELETED' },
            { id: '33', name: 'Shelved', status: 'ARCHIVED', effective_status: 'ARCHIVED' },
          ],
          rows: [row('31', '10.00'), row('32', '20.00'), row('33', '30.00')],
        },
      ],
    });
    const metrics = await connector.dailyMetrics(fake.token, EUR, { from: '2026-11-20', to: '2026-11-20' });
    expect(metrics.map((metric) => [metric.campaignExternalId, metric.spend])).toEqual([
      ['31', 10],
      ['32', 20],
      ['33', 30],
    ]);
    const asked = fake.server.requests.at(-1)!;
    expect(asked.query.get('use_unified_attribution_setting')).toBe('true');
    const unfiltered = new URL(`${fake.url}/v24.0/act_1001/insights`);
    for (const [name, value] of asked.query) if (name !== 'filtering') unfiltered.searchParams.set(name, value);
    const plain = (await (await fetch(unfiltered)).json()) as { data: Array<{ campaign_id: string }> };
    expect(plain.data.map((entry) => entry.campaign_id)).toEqual(['31']);
  });

  it('a row Meta sends in a shape Crescendo cannot read fails the call naming the field', async () => {
    const { fake, connector } = await setup({ accounts: [{ id: '1001', rows: [{ campaign_id: '23851', date_start: '2026-12-01', date_stop: '2026-12-01', spend: 'lots' }] }] });
    const failure = await expectAdFailure(connector.dailyMetrics(fake.token, EUR, { from: '2026-12-01', to: '2026-12-01' }), 'rejected', [fake.token]);
    expect(failure.message).toContain('campaign 23851 on 2026-12-01: spend');
  });

  it('runs a range longer than 31 days as an async report run: POST, polls until Job Completed, pages its insights', async () => {
    const { fake, connector, deps } = await setup({ accounts: [{ id: '1001', name: 'Label EU', campaigns: 4 }], asyncPolls: 2, pageSize: 100 });
    const range = { from: '2026-09-01', to: '2026-11-29' };
    const metrics = await connector.dailyMetrics(fake.token, EUR, range);
    expect(metrics).toHaveLength(fake.rowCount('1001', range.from, range.to));
    expect(metrics.length).toBeGreaterThan(300);
    expect(new Set(metrics.map((row) => row.date)).size).toBe(90);
    expect(fake.calls('POST /act_1001/insights')).toBe(1);
    expect(fake.calls('GET /act_1001/insights')).toBe(0);
    expect(fake.calls(/^GET \/60000\d+$/)).toBe(3);
    expect(fake.calls(/^GET \/60000\d+\/insights$/)).toBe(Math.ceil((90 * 4) / 100));
    expect(deps.slept).toEqual([1, 1]);
    const day = metrics.find((row) => row.date === '2026-10-15' && row.campaignExternalId.endsWith('0000002'));
    expect(day?.campaignName).toBe('Label EU · Campaign 3');

    const short = await connector.dailyMetrics(fake.token, EUR, { from: '2026-11-01', to: '2026-11-30' });
    expect(fake.calls('GET /act_1001/insights')).toBe(2);
    expect(short).toHaveLength(fake.rowCount('1001', '2026-11-01', '2026-11-30'));
  });

  it('falls back to a report run when Meta asks for less data on a short range', async () => {
    const { fake, connector } = await setup({ accounts: [{ id: '1001', campaigns: 50 }], syncRowLimit: 100 });
    const metrics = await connector.dailyMetrics(fake.token, EUR, { from: '2026-11-01', to: '2026-11-07' });
    expect(metrics).toHaveLength(fake.rowCount('1001', '2026-11-01', '2026-11-07'));
    expect(fake.calls('GET /act_1001/insights')).toBe(1);
    expect(fake.calls('POST /act_1001/insights')).toBe(1);
  });

  it('a report run that never completes is reported unavailable after the polls', async () => {
    const { fake, connector } = await setup({ accounts: [{ id: '1001', campaigns: 2 }], asyncPolls: 50 });
    const failure = await expectAdFailure(connector.dailyMetrics(fake.token, EUR, { from: '2026-08-01', to: '2026-11-30' }), 'unavailable', [fake.token]);
    expect(failure.message).toMatch(/still "Job Running" \(\d+ %\) after 10 polls/);
  });

  it('backs off when throttled (x-business-use-case-usage, 80004; 429 with retry-after) and retries; a long wait is reported rate_limited', async () => {
    const { fake, connector, deps } = await setup({ accounts: [{ id: '1001', campaigns: 2 }] });
    fake.rateLimitNext({ regainMinutes: 1, match: 'GET /act_1001/campaigns' });
    fake.server.scriptNext(/GET \/v24\.0\/act_1001\/campaigns/, { status: 429, headers: { 'retry-after': '2' }, body: '' });
    expect(await connector.listCampaigns(fake.token, EUR)).toHaveLength(2);
    expect(deps.slept).toEqual([2_000, 60_000]);
    expect(fake.calls('GET /act_1001/campaigns')).toBe(3);

    deps.slept.length = 0;
    fake.rateLimitNext({ regainMinutes: 30, match: 'GET /act_1001/insights' });
    const throttled = await expectAdFailure(connector.dailyMetrics(fake.token, EUR, { from: '2026-11-01', to: '2026-11-02' }), 'rate_limited', [fake.token]);
    expect(throttled.details).toMatchObject({ retryAfterMs: 1_800_000, code: 80004, status: 400 });
    expect(throttled.message).toContain('Try again in 30 min');
    expect(deps.slept).toEqual([]);

    fake.server.scriptNext(/GET \/v24\.0\/act_1001\/campaigns/, ...Array.from({ length: 4 }, () => ({ status: 503, body: '<html>Service Unavailable</html>' })));
    const down = await expectAdFailure(connector.listCampaigns(fake.token, EUR), 'unavailable', [fake.token]);
    expect(down.details.status).toBe(503);
    expect(deps.slept).toHaveLength(3);
  });

  it('times out a silent Graph API after the retries and says so', async () => {
    fake = await startFakeMetaAds();
    const slow = createMetaAdsConnector({ graphUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, deps: testAdsDeps({ timeoutMs: 50 }) });
    fake.server.scriptNext(/GET \/v24\.0\/me\/adaccounts/, ...Array.from({ length: 4 }, () => ({ status: 200, body: { data: [] }, delayMs: 150 })));
    const failure = await expectAdFailure(slow.listAccounts(fake.token), 'unavailable', [fake.token]);
    expect(failure.message).toBe('Meta is not answering GET me/adaccounts (no answer within 50 ms); try again later.');
  });

  it('reads the wait from the business use case header (minutes) or the ad account header (seconds), ignoring junk', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(throttleWaitMs(headers({ 'x-business-use-case-usage': JSON.stringify({ '880001': [{ type: 'ads_management', call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: 7 }], '880002': [{ type: 'ads_insights', call_count: 3, estimated_time_to_regain_access: 0 }] }) }))).toBe(420_000);
    expect(throttleWaitMs(headers({ 'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 95 }) }))).toBe(95_000);
    expect(throttleWaitMs(headers({ 'x-business-use-case-usage': 'not json' }))).toBeUndefined();
    expect(throttleWaitMs(headers({}))).toBeUndefined();
    expect(highestUsagePercent(headers({ 'x-business-use-case-usage': JSON.stringify({ '1': [{ call_count: 12, total_cputime: 91, total_time: 30 }] }) }))).toBe(91);
  });

  it('slows paging down as the usage header nears 100 %', async () => {
    const { fake, connector, deps } = await setup({ accounts: [{ id: '1001', campaigns: 3 }], pageSize: 2 });
    fake.usagePercent = 95;
    await connector.dailyMetrics(fake.token, EUR, { from: '2026-11-01', to: '2026-11-02' });
    const pages = fake.calls('GET /act_1001/insights');
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(deps.slept).toEqual(Array.from({ length: pages - 1 }, () => 30_000));
  });

  it('a revoked token is AdPlatformError revoked, with no token in it', async () => {
    const { fake, connector } = await setup();
    fake.revoke(fake.token);
    const failure = await expectAdFailure(connector.dailyMetrics(fake.token, EUR, { from: '2026-11-01', to: '2026-11-02' }), 'revoked', [fake.token, fake.appSecret]);
    expect(failure.message).toContain('session has been invalidated');
    expect(failure.details).toMatchObject({ code: 190, status: 400 });
  });

  it('pauses a campaign and sets budgets in minor units, one call each; refuses a budget finer than the currency', async () => {
    const { fake, connector } = await setup({ accounts: [{ id: '1001', campaigns: 2 }, { id: '1002', currency: 'JPY', campaigns: 1 }] });
    const [first] = await connector.listCampaigns(fake.token, EUR);
    await connector.pauseCampaign(fake.token, EUR, first!.externalId, 'approval-1');
    expect(fake.calls(`POST /${first!.externalId}`)).toBe(1);
    expect(fake.campaign(first!.externalId)?.status).toBe('PAUSED');
    await connector.setCampaignBudget(fake.token, EUR, first!.externalId, { daily: 75.5 }, 'approval-2');
    const [yen] = await connector.listCampaigns(fake.token, { externalId: '1002', currency: 'JPY', timeZone: 'Asia/Tokyo' });
    await connector.setCampaignBudget(fake.token, { externalId: '1002', currency: 'JPY', timeZone: 'Asia/Tokyo' }, yen!.externalId, { lifetime: 120_000 }, 'approval-3');
    expect(fake.updates).toEqual([
      { campaignId: first!.externalId, fields: { status: 'PAUSED' } },
      { campaignId: first!.externalId, fields: { daily_budget: '7550' } },
      { campaignId: yen!.externalId, fields: { lifetime_budget: '120000' } },
    ]);
    expect((await connector.listCampaigns(fake.token, EUR))[0]).toMatchObject({ status: 'PAUSED', dailyBudget: 75.5 });

    await expectAdFailure(connector.setCampaignBudget(fake.token, EUR, first!.externalId, { daily: 10.555 }, 'approval-4'), 'rejected', [fake.token]);
    await expectAdFailure(connector.setCampaignBudget(fake.token, EUR, first!.externalId, {}, 'approval-5'), 'rejected', [fake.token]);
    await expectAdFailure(connector.pauseCampaign(fake.token, EUR, '../me', 'approval-6'), 'rejected', [fake.token]);
    const missing = await expectAdFailure(connector.pauseCampaign(fake.token, EUR, '999999', 'approval-7'), 'rejected', [fake.token]);
    expect(missing.message).toContain("Object with ID '999999' does not exist");
    expect(fake.updates).toHaveLength(3);
  });

  it('serves 1,000 campaigns x 90 days through async report runs', async () => {
    const { fake, connector } = await setup({ accounts: [{ id: '1001', campaigns: 1_000, gaps: false }], asyncPolls: 1 });
    const started = performance.now();
    const metrics = await connector.dailyMetrics(fake.token, EUR, { from: '2026-09-01', to: '2026-11-29' });
    const seconds = (performance.now() - started) / 1000;
    expect(metrics).toHaveLength(90_000);
    expect(fake.rowCount('1001', '2026-09-01', '2026-11-29')).toBe(90_000);
    expect(new Set(metrics.map((row) => `${row.campaignExternalId}|${row.date}`)).size).toBe(90_000);
    expect(seconds).toBeLessThan(45);
  }, 90_000);
});

describe('Meta money and settings', () => {
  it('converts budgets with Meta currency offsets', () => {
    expect(budgetFromMinor('1050', 'EUR')).toBe(10.5);
    expect(budgetFromMinor('99', 'USD')).toBe(0.99);
    expect(budgetFromMinor('5000', 'JPY')).toBe(5000);
    expect(budgetFromMinor('250000', 'KRW')).toBe(250000);
    expect(budgetFromMinor(undefined, 'EUR')).toBeNull();
    expect(() => budgetFromMinor('10.5', 'EUR')).toThrow(/whole number of minor units/);
    expect(budgetToMinor(0.29, 'EUR')).toBe('29');
    expect(budgetToMinor(1234.56, 'GBP')).toBe('123456');
    expect(budgetToMinor(3000, 'HUF')).toBe('3000');
    expect(() => budgetToMinor(12.5, 'JPY')).toThrow(/whole amounts/);
    expect(() => budgetToMinor(-1, 'EUR')).toThrow(/positive/);
  });

  it('reads META_* with FACEBOOK_* as the fallback, and names what is missing', () => {
    expect(metaAdsSettingsFrom({ FACEBOOK_APP_ID: 'fb-id', FACEBOOK_APP_SECRET: 'fb-secret' })).toEqual({ graphUrl: 'https://graph.facebook.com', appId: 'fb-id', appSecret: 'fb-secret' });
    expect(metaAdsSettingsFrom({ META_APP_ID: 'm-id', META_APP_SECRET: 'm-secret', FACEBOOK_APP_ID: 'fb-id', META_GRAPH_URL: 'http://127.0.0.1:9/v23.0/' })).toEqual({ graphUrl: 'http://127.0.0.1:9/v23.0', appId: 'm-id', appSecret: 'm-secret' });
    expect(() => metaAdsConnectorFrom(metaAdsSettingsFrom({ META_APP_ID: 'x' }))).toThrow(/set META_APP_SECRET \(or FACEBOOK_APP_SECRET\)/);
    const connector = metaAdsConnectorFrom(metaAdsSettingsFrom({ META_APP_ID: 'x', META_APP_SECRET: 'y', META_GRAPH_URL: 'http://127.0.0.1:9/v23.0' }));
    expect(connector.authorizationUrl({ state: 's', redirectUri: 'https://c.test/cb' })).toContain('https://www.facebook.com/v23.0/dialog/oauth?');
  });
});
