import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdPlatformError, type AccountRef, type AdConnector } from '../ad-connector.ts';
import { createTikTokAdsConnector, startFakeTikTokAds, tiktokAdsSettingsFrom, tiktokReportWindows, type FakeTikTokAds } from './index.ts';

const REDIRECT = 'https://crescendo.example.com/oauth/tiktok/callback';

describe('TikTok Ads connector against a loopback TikTok API for Business', () => {
  let fake: FakeTikTokAds;
  let slept: number[];
  let connector: AdConnector;
  const account: AccountRef = { externalId: '7300000000000000001', currency: 'EUR', timeZone: 'Europe/Paris' };

  beforeEach(async () => {
    fake = await startFakeTikTokAds({ maxPageSize: 2 });
    slept = [];
    connector = createTikTokAdsConnector({ apiUrl: fake.url, appId: fake.appId, secret: fake.secret, deps: { sleep: async (ms) => void slept.push(ms), retry: { baseDelayMs: 10 } } });
    fake.addAdvertiser({ id: '7300000000000000001', name: 'Label – FR', currency: 'EUR', timezone: 'Etc/GMT-1', displayTimezone: 'Europe/Paris' });
  });
  afterEach(() => fake.close());

  async function connect() {
    return connector.exchangeCode({ code: fake.issueCode(), redirectUri: REDIRECT });
  }

  const failureOf = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as AdPlatformError);

  it('sends people to the portal with the app id, the state and the redirect URI', () => {
    const url = new URL(connector.authorizationUrl({ state: 'signed-state-9', redirectUri: REDIRECT }));
    expect(url.origin + url.pathname).toBe(`${fake.url}/portal/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ app_id: fake.appId, state: 'signed-state-9', redirect_uri: REDIRECT });
  });

  it("signs in through the fake's portal: it redirects back with auth_code and the state, which the connector exchanges", async () => {
    const portal = await fetch(connector.authorizationUrl({ state: 'state-xyz', redirectUri: REDIRECT }), { redirect: 'manual' });
    expect(portal.status).toBe(302);
    const back = new URL(portal.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-xyz');
    const grant = await connector.exchangeCode({ code: back.searchParams.get('auth_code')!, redirectUri: REDIRECT });
    expect(fake.accessTokens.has(grant.accessToken)).toBe(true);
  });

  it('exchanges the auth code for a long-lived token named after the signed-in user; a used code and a refresh are refused', async () => {
    const grant = await connect();
    expect(grant).toMatchObject({ refreshToken: null, expiresAt: null, scopes: ['1', '2', '3', '4'], externalUserId: '7012345678901234567', displayName: 'Label Marketing' });
    expect(fake.accessTokens.has(grant.accessToken)).toBe(true);
    const exchange = fake.server.requestsTo('POST /open_api/v1.3/oauth2/access_token/')[0]!;
    expect(exchange.json).toMatchObject({ app_id: fake.appId, secret: fake.secret });
    expect(fake.server.requestsTo('GET /open_api/v1.3/user/info/')[0]!.headers['access-token']).toBe(grant.accessToken);

    const code = fake.issueCode();
    await connector.exchangeCode({ code, redirectUri: REDIRECT });
    const reused = await failureOf(connector.exchangeCode({ code, redirectUri: REDIRECT }));
    expect(reused).toBeInstanceOf(AdPlatformError);
    expect(reused.kind).toBe('rejected');
    expect(reused.details.code).toBe(40110);
    expect(reused.message).not.toContain(code);
    expect(reused.message).not.toContain(fake.secret);

    const refresh = await failureOf(connector.refresh('anything'));
    expect(refresh.kind).toBe('rejected');
    expect(fake.calls.accessToken).toBe(3);
  });

  it('lists the authorised advertisers with their currency and named time zone', async () => {
    fake.addAdvertiser({ id: '7300000000000000002', name: 'Label – US', currency: 'USD', timezone: 'Etc/GMT+5', displayTimezone: 'America/New_York' });
    const { accessToken } = await connect();
    expect(await connector.listAccounts(accessToken)).toEqual([
      { externalId: '7300000000000000001', name: 'Label – FR', currency: 'EUR', timeZone: 'Europe/Paris', parentExternalId: null, isManager: false },
      { externalId: '7300000000000000002', name: 'Label – US', currency: 'USD', timeZone: 'America/New_York', parentExternalId: null, isManager: false },
    ]);
    const info = fake.server.requestsTo('GET /open_api/v1.3/advertiser/info/')[0]!;
    expect(JSON.parse(info.query.get('advertiser_ids')!)).toEqual(['7300000000000000001', '7300000000000000002']);
  });

  it('reads every page of campaigns, with daily and lifetime budgets by budget mode', async () => {
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000001', campaign_name: 'Single launch', budget_mode: 'BUDGET_MODE_DAY', budget: 250.5 });
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000002', campaign_name: 'Tour', budget_mode: 'BUDGET_MODE_TOTAL', budget: 12000, operation_status: 'DISABLE', secondary_status: 'CAMPAIGN_STATUS_DISABLE', objective_type: 'TRAFFIC' });
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000003', campaign_name: 'Always on', budget_mode: 'BUDGET_MODE_INFINITE', budget: 0 });
    const { accessToken } = await connect();
    expect(await connector.listCampaigns(accessToken, account)).toEqual([
      { externalId: '1780000000000000001', name: 'Single launch', status: 'CAMPAIGN_STATUS_ENABLE', objective: 'VIDEO_VIEWS', dailyBudget: 250.5, lifetimeBudget: null },
      { externalId: '1780000000000000002', name: 'Tour', status: 'CAMPAIGN_STATUS_DISABLE', objective: 'TRAFFIC', dailyBudget: null, lifetimeBudget: 12000 },
      { externalId: '1780000000000000003', name: 'Always on', status: 'CAMPAIGN_STATUS_ENABLE', objective: 'VIDEO_VIEWS', dailyBudget: null, lifetimeBudget: null },
    ]);
    expect(fake.calls.campaignGet).toBe(2);
  });

  it('reads the daily report over two pages and two 30-day windows, figures parsed from strings exactly', async () => {
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000001', campaign_name: 'Single launch' });
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000002', campaign_name: 'Tour' });
    fake.addDay(account.externalId, {
      campaignId: '1780000000000000001', date: '2026-10-01', spend: '1234.56', impressions: '9876543210', clicks: '4321', conversion: '7', total_complete_payment_rate: '450.75',
      reach: '8000', frequency: '1.23', video_play_actions: '5000', video_views_p25: '4000', video_views_p50: '3000', video_views_p75: '2000', video_views_p100: '999',
    });
    fake.addDay(account.externalId, { campaignId: '1780000000000000002', date: '2026-10-01', spend: '0.10', impressions: '12', clicks: '1' });
    fake.addDay(account.externalId, { campaignId: '1780000000000000001', date: '2026-10-30', spend: '19.99', impressions: '300', clicks: '4', frequency: '1.00' });
    fake.addDay(account.externalId, { campaignId: '1780000000000000002', date: '2026-11-05', spend: '5.05', impressions: '77', clicks: '0', conversion: '1', total_complete_payment_rate: '9.99' });
    fake.addDay(account.externalId, { campaignId: '1780000000000000002', date: '2026-11-06', spend: '1.00', impressions: '5' });
    const { accessToken } = await connect();

    const rows = await connector.dailyMetrics(accessToken, account, { from: '2026-10-01', to: '2026-11-05' });
    const zeros = { conversions: 0, conversionValue: 0, reach: 0, frequency: 0, videoViews: 0, videoP25: 0, videoP50: 0, videoP75: 0, videoP100: 0 };
    expect(rows).toEqual([
      {
        campaignExternalId: '1780000000000000001', campaignName: 'Single launch', date: '2026-10-01', spend: 1234.56, impressions: 9876543210, clicks: 4321, conversions: 7, conversionValue: 450.75,
        reach: 8000, frequency: 1.23, videoViews: 5000, videoP25: 4000, videoP50: 3000, videoP75: 2000, videoP100: 999,
      },
      { campaignExternalId: '1780000000000000002', campaignName: 'Tour', date: '2026-10-01', spend: 0.1, impressions: 12, clicks: 1, ...zeros },
      { campaignExternalId: '1780000000000000001', campaignName: 'Single launch', date: '2026-10-30', spend: 19.99, impressions: 300, clicks: 4, ...zeros, frequency: 1 },
      { campaignExternalId: '1780000000000000002', campaignName: 'Tour', date: '2026-11-05', spend: 5.05, impressions: 77, clicks: 0, ...zeros, conversions: 1, conversionValue: 9.99 },
    ]);
    const reports = fake.server.requestsTo('GET /open_api/v1.3/report/integrated/get/');
    expect(reports.map((request) => [request.query.get('start_date'), request.query.get('end_date'), request.query.get('page')])).toEqual([
      ['2026-10-01', '2026-10-30', '1'],
      ['2026-10-01', '2026-10-30', '2'],
      ['2026-10-31', '2026-11-05', '1'],
    ]);
    expect(reports[0]!.query.get('data_level')).toBe('AUCTION_CAMPAIGN');
    expect(JSON.parse(reports[0]!.query.get('dimensions')!)).toEqual(['campaign_id', 'stat_time_day']);
    expect(reports[0]!.headers['access-token']).toBe(accessToken);
  });

  it('cuts ranges into windows of at most 30 days', () => {
    expect(tiktokReportWindows({ from: '2026-12-01', to: '2026-12-01' })).toEqual([{ from: '2026-12-01', to: '2026-12-01' }]);
    expect(tiktokReportWindows({ from: '2026-01-01', to: '2026-03-01' })).toEqual([
      { from: '2026-01-01', to: '2026-01-30' },
      { from: '2026-01-31', to: '2026-03-01' },
    ]);
    expect(() => tiktokReportWindows({ from: '2026-03-02', to: '2026-03-01' })).toThrow(/starts after it ends/);
  });

  it('retries code 40100 (too many requests) with back-off, and gives up as rate_limited after the attempts', async () => {
    fake.addCampaign(account.externalId, { campaign_id: '1780000000000000001', campaign_name: 'Single launch' });
    const { accessToken } = await connect();
    fake.rateLimitNext(2);
    expect((await connector.listCampaigns(accessToken, account)).map((campaign) => campaign.externalId)).toEqual(['1780000000000000001']);
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(5);
    expect(slept[1]).toBeGreaterThanOrEqual(10);
    expect(fake.calls.campaignGet).toBe(1);

    fake.rateLimitNext(10);
    const failure = await failureOf(connector.listCampaigns(accessToken, account));
    expect(failure.kind).toBe('rate_limited');
    expect(failure.details.code).toBe(40100);
    expect(slept).toHaveLength(2 + 3);
  });

  it('retries an advertiser failing on TikTok\'s side (code 51000), then says unavailable', async () => {
    fake.advertisers.get(account.externalId)!.failing = true;
    const { accessToken } = await connect();
    const failure = await failureOf(connector.dailyMetrics(accessToken, account, { from: '2026-11-01', to: '2026-11-02' }));
    expect(failure.kind).toBe('unavailable');
    expect(failure.details.code).toBe(51000);
    expect(slept).toHaveLength(3);
    expect(fake.calls.report).toBe(4);
  });

  it('says revoked (code 40105, token never echoed) once TikTok no longer accepts the token, without retrying', async () => {
    const { accessToken } = await connect();
    fake.revokeAll();
    const failure = await failureOf(connector.dailyMetrics(accessToken, account, { from: '2026-11-01', to: '2026-11-02' }));
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect(failure.kind).toBe('revoked');
    expect(failure.details.code).toBe(40105);
    expect(JSON.stringify({ ...failure, text: failure.message, stack: failure.stack })).not.toContain(accessToken);
    expect(slept).toEqual([]);
  });

  it('pauses a campaign (DISABLE) and sets its budget when the budget kind matches the campaign', async () => {
    const daily = fake.addCampaign(account.externalId, { campaign_id: '1780000000000000001', campaign_name: 'Single launch', budget_mode: 'BUDGET_MODE_DAY', budget: 100 });
    const lifetime = fake.addCampaign(account.externalId, { campaign_id: '1780000000000000002', campaign_name: 'Tour', budget_mode: 'BUDGET_MODE_TOTAL', budget: 5000 });
    const { accessToken } = await connect();

    await connector.pauseCampaign(accessToken, account, '1780000000000000001', 'approval-1');
    await connector.pauseCampaign(accessToken, account, '1780000000000000001', 'approval-1');
    expect(daily.operation_status).toBe('DISABLE');
    expect(fake.statusUpdates[0]).toEqual({ advertiser_id: account.externalId, campaign_ids: ['1780000000000000001'], operation_status: 'DISABLE' });

    await connector.setCampaignBudget(accessToken, account, '1780000000000000001', { daily: 150.504 }, 'approval-2');
    expect(daily.budget).toBe(150.5);
    await connector.setCampaignBudget(accessToken, account, '1780000000000000002', { lifetime: 8000 }, 'approval-3');
    expect(lifetime.budget).toBe(8000);
    expect(fake.budgetUpdates).toEqual([
      { advertiser_id: account.externalId, campaign_id: '1780000000000000001', budget: 150.5 },
      { advertiser_id: account.externalId, campaign_id: '1780000000000000002', budget: 8000 },
    ]);

    const wrongKind = await failureOf(connector.setCampaignBudget(accessToken, account, '1780000000000000002', { daily: 50 }, 'approval-4'));
    expect(wrongKind.kind).toBe('rejected');
    expect(wrongKind.message).toContain('lifetime budget');
    const missing = await failureOf(connector.setCampaignBudget(accessToken, account, '1780000000000000099', { daily: 50 }, 'approval-5'));
    expect(missing.kind).toBe('rejected');
    expect(fake.calls.campaignUpdate).toBe(2);
  });

  it('reads its settings from the environment values, null while a credential is missing', () => {
    expect(tiktokAdsSettingsFrom({ TIKTOK_ADS_APP_ID: 'app' })).toBeNull();
    expect(tiktokAdsSettingsFrom({ TIKTOK_ADS_APP_ID: 'app', TIKTOK_ADS_SECRET: 'secret' })).toEqual({ apiUrl: 'https://business-api.tiktok.com', appId: 'app', secret: 'secret' });
    expect(tiktokAdsSettingsFrom({ TIKTOK_ADS_APP_ID: 'app', TIKTOK_ADS_SECRET: 'secret', TIKTOK_ADS_API_URL: 'http://127.0.0.1:9/' })?.apiUrl).toBe('http://127.0.0.1:9');
  });
});
