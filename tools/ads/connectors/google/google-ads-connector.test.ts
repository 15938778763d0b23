import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdPlatformError, type AccountRef, type AdConnector } from '../ad-connector.ts';
import { createGoogleAdsConnector, googleAdsSettingsFrom, startFakeGoogleAds, type FakeGoogleAds } from './index.ts';

const REDIRECT = 'https://crescendo.example.com/oauth/google/callback';

describe('Google Ads connector against a loopback Google', () => {
  let fake: FakeGoogleAds;
  let slept: number[];
  let connector: AdConnector;

  beforeEach(async () => {
    fake = await startFakeGoogleAds({ batchSize: 2 });
    slept = [];
    connector = createGoogleAdsConnector({
      apiUrl: fake.url,
      oauthUrl: fake.url,
      tokenUrl: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      developerToken: fake.developerToken,
      deps: { sleep: async (ms) => void slept.push(ms), retry: { baseDelayMs: 10 } },
    });
  });
  afterEach(() => fake.close());

  async function connect() {
    return connector.exchangeCode({ code: fake.issueCode(), redirectUri: REDIRECT });
  }

  it('builds the consent URL with offline access, forced consent, the adwords scope and the state', () => {
    const url = new URL(connector.authorizationUrl({ state: 'signed-state-123', redirectUri: REDIRECT }));
    expect(url.origin + url.pathname).toBe(`${fake.url}/o/oauth2/v2/auth`);
    expect(url.searchParams.get('client_id')).toBe(fake.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('scope')!.split(' ')).toContain('https://www.googleapis.com/auth/adwords');
    expect(url.searchParams.get('state')).toBe('signed-state-123');
  });

  it('exchanges the code for tokens (who granted them from the id token), refreshes, and says revoked once the grant is gone', async () => {
    const before = Date.now();
    const grant = await connect();
    expect(grant.accessToken).toMatch(/^ya29\./);
    expect(grant.refreshToken).toMatch(/^1\/\//);
    expect(grant.externalUserId).toBe('109876543210987654321');
    expect(grant.displayName).toBe('ads.manager@example.com');
    expect(grant.scopes).toContain('https://www.googleapis.com/auth/adwords');
    expect(grant.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 3_598_000);
    const exchange = fake.server.requestsTo('POST /token')[0]!;
    expect(exchange.form!.get('grant_type')).toBe('authorization_code');
    expect(exchange.form!.get('redirect_uri')).toBe(REDIRECT);

    // A code works once.
    const code = fake.issueCode();
    await connector.exchangeCode({ code, redirectUri: REDIRECT });
    const reused = await connector.exchangeCode({ code, redirectUri: REDIRECT }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(AdPlatformError);
    expect((reused as AdPlatformError).message).not.toContain(code);

    const refreshed = await connector.refresh(grant.refreshToken!);
    expect(refreshed.accessToken).not.toBe(grant.accessToken);
    expect(fake.accessTokens.has(refreshed.accessToken)).toBe(true);
    expect(refreshed.refreshToken).toBe(grant.refreshToken);
    expect(fake.server.requestsTo('POST /token').at(-1)!.form!.get('grant_type')).toBe('refresh_token');

    fake.revokeAll();
    const failure = await connector.refresh(grant.refreshToken!).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect((failure as AdPlatformError).kind).toBe('revoked');
    expect((failure as AdPlatformError).details.code).toBe('invalid_grant');
    expect((failure as AdPlatformError).message).not.toContain(grant.refreshToken!);
    expect((failure as AdPlatformError).message).not.toContain(fake.clientSecret);
  });

  it("signs in through the fake's consent page: it redirects back with a code and the state, which the connector exchanges", async () => {
    const consent = await fetch(connector.authorizationUrl({ state: 'state-abc', redirectUri: REDIRECT }), { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-abc');
    const grant = await connector.exchangeCode({ code: back.searchParams.get('code')!, redirectUri: REDIRECT });
    expect(fake.accessTokens.has(grant.accessToken)).toBe(true);
  });

  it('lists the accounts with the manager hierarchy (two levels down, through login-customer-id), leaving out cancelled ones', async () => {
    fake.addCustomer({ id: '1112223333', name: 'Agency MCC', manager: true, currency: 'USD', timeZone: 'America/New_York' });
    fake.addCustomer({ id: '4445556666', name: 'Label Europe', manager: true, parentId: '1112223333', currency: 'EUR', timeZone: 'Europe/Paris' });
    fake.addCustomer({ id: '7778889999', name: 'Artist – Paris', parentId: '4445556666', currency: 'EUR', timeZone: 'Europe/Paris' });
    fake.addCustomer({ id: '1231231234', name: 'Tour US', parentId: '1112223333' });
    fake.addCustomer({ id: '9990001111', name: 'Old account', parentId: '1112223333', status: 'CANCELED' });
    fake.addCustomer({ id: '5550001111', name: 'Direct client', currency: 'GBP', timeZone: 'Europe/London' });
    // Listed by listAccessibleCustomers but closed: Google refuses queries on it; the others still come.
    fake.addCustomer({ id: '8880001111', name: 'Closed direct account', status: 'CLOSED' });
    const { accessToken } = await connect();

    const accounts = await connector.listAccounts(accessToken);
    const byId = new Map(accounts.map((account) => [account.externalId, account]));
    expect([...byId.keys()].sort()).toEqual(['1112223333', '1231231234', '4445556666', '5550001111', '7778889999']);
    expect(byId.get('1112223333')).toEqual({ externalId: '1112223333', name: 'Agency MCC', currency: 'USD', timeZone: 'America/New_York', parentExternalId: null, isManager: true });
    expect(byId.get('4445556666')).toMatchObject({ parentExternalId: '1112223333', isManager: true, currency: 'EUR' });
    expect(byId.get('7778889999')).toEqual({ externalId: '7778889999', name: 'Artist – Paris', currency: 'EUR', timeZone: 'Europe/Paris', parentExternalId: '4445556666', isManager: false });
    expect(byId.get('1231231234')).toMatchObject({ parentExternalId: '1112223333', isManager: false });
    expect(byId.get('5550001111')).toMatchObject({ parentExternalId: null, currency: 'GBP' });
    // The sub-manager was queried with the top manager as login-customer-id.
    const subManagerQuery = fake.server.requestsTo('POST /v26/customers/4445556666/googleAds:searchStream')[0]!;
    expect(subManagerQuery.headers['login-customer-id']).toBe('1112223333');
    expect(subManagerQuery.headers['developer-token']).toBe(fake.developerToken);
  });

  it('reads campaigns with their budgets (micros to money)', async () => {
    fake.addCustomer({ id: '1112223333', name: 'Agency MCC', manager: true });
    fake.addCustomer({ id: '7778889999', name: 'Artist', parentId: '1112223333', currency: 'EUR' });
    fake.addCampaign('7778889999', { id: '21000000001', name: 'Single – YouTube', channel: 'VIDEO', dailyBudgetMicros: '125500000' });
    fake.addCampaign('7778889999', { id: '21000000002', name: 'Search brand', status: 'PAUSED', dailyBudgetMicros: '10000' });
    fake.addCampaign('7778889999', { id: '21000000003', name: 'Gone', status: 'REMOVED' });
    const { accessToken } = await connect();
    const account: AccountRef = { externalId: '7778889999', loginExternalId: '1112223333', currency: 'EUR', timeZone: 'Europe/Paris' };

    const campaigns = await connector.listCampaigns(accessToken, account);
    expect(campaigns).toEqual([
      { externalId: '21000000001', name: 'Single – YouTube', status: 'ENABLED', objective: 'VIDEO', dailyBudget: 125.5, lifetimeBudget: null },
      { externalId: '21000000002', name: 'Search brand', status: 'PAUSED', objective: 'SEARCH', dailyBudget: 0.01, lifetimeBudget: null },
    ]);

    // Without the manager as login-customer-id, Google refuses: a clear rejection, not a retry.
    const refused = await connector.listCampaigns(accessToken, { ...account, loginExternalId: null }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdPlatformError);
    expect((refused as AdPlatformError).kind).toBe('rejected');
    expect((refused as AdPlatformError).details.code).toBe('USER_PERMISSION_DENIED');
    expect(slept).toEqual([]);
  });

  it('reads daily metrics over several stream batches: micros, int64 strings, fractional conversions, and quartile rates turned into counts', async () => {
    fake.addCustomer({ id: '7778889999', name: 'Artist', currency: 'EUR', timeZone: 'Europe/Paris' });
    fake.addCampaign('7778889999', { id: '21000000001', name: 'Single – YouTube', channel: 'VIDEO' });
    fake.addCampaign('7778889999', { id: '21000000002', name: 'Search brand' });
    fake.addDay('7778889999', {
      campaignId: '21000000001', date: '2026-11-30', costMicros: '12345670000', impressions: '9007199254', clicks: '311', conversions: 2.5, conversionsValue: 149.99,
      videoViews: '4021', p25Rate: 0.625, p50Rate: 0.5, p75Rate: 0.375, p100Rate: 0.25,
    });
    fake.addDay('7778889999', { campaignId: '21000000001', date: '2026-12-01', costMicros: '990000', impressions: '1000', clicks: '7', videoViews: '333', p25Rate: 0.4567, p50Rate: 0.3, p75Rate: 0.2, p100Rate: 0.1 });
    fake.addDay('7778889999', { campaignId: '21000000002', date: '2026-11-30', costMicros: '70000000', impressions: '2400', clicks: '96', conversions: 3, conversionsValue: 30 });
    // Zero spend, zero everything: Google leaves every metric out.
    fake.addDay('7778889999', { campaignId: '21000000002', date: '2026-12-01' });
    fake.addDay('7778889999', { campaignId: '21000000002', date: '2026-12-02', costMicros: '1000000', impressions: '10' });
    const { accessToken } = await connect();
    const account: AccountRef = { externalId: '777-888-9999', currency: 'EUR', timeZone: 'Europe/Paris' };

    const rows = await connector.dailyMetrics(accessToken, account, { from: '2026-11-30', to: '2026-12-01' });
    const stream = fake.server.requestsTo('POST /v26/customers/7778889999/googleAds:searchStream').at(-1)!;
    expect(String(stream.json!.query)).toContain("segments.date BETWEEN '2026-11-30' AND '2026-12-01'");
    expect(String(stream.json!.query)).toContain('metrics.video_trueview_views');
    expect(rows).toEqual([
      {
        campaignExternalId: '21000000001', campaignName: 'Single – YouTube', date: '2026-11-30', spend: 12345.67, impressions: 9007199254, clicks: 311, conversions: 2.5, conversionValue: 149.99,
        reach: null, frequency: null, videoViews: 4021, videoP25: 5629499534, videoP50: 4503599627, videoP75: 3377699720, videoP100: 2251799814,
      },
      {
        campaignExternalId: '21000000001', campaignName: 'Single – YouTube', date: '2026-12-01', spend: 0.99, impressions: 1000, clicks: 7, conversions: 0, conversionValue: 0,
        reach: null, frequency: null, videoViews: 333, videoP25: 457, videoP50: 300, videoP75: 200, videoP100: 100,
      },
      {
        campaignExternalId: '21000000002', campaignName: 'Search brand', date: '2026-11-30', spend: 70, impressions: 2400, clicks: 96, conversions: 3, conversionValue: 30,
        reach: null, frequency: null, videoViews: null, videoP25: null, videoP50: null, videoP75: null, videoP100: null,
      },
      {
        campaignExternalId: '21000000002', campaignName: 'Search brand', date: '2026-12-01', spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 0,
        reach: null, frequency: null, videoViews: null, videoP25: null, videoP50: null, videoP75: null, videoP100: null,
      },
    ]);
    // Four rows in batches of two: the answer was a two-batch stream.
    expect(fake.calls.searchStream).toBe(1);

    const empty = await connector.dailyMetrics(accessToken, account, { from: '2025-01-01', to: '2025-01-31' });
    expect(empty).toEqual([]);
  });

  it('waits out RESOURCE_EXHAUSTED for the retryDelay Google gives, then reads; gives up as rate_limited past the attempts', async () => {
    fake.addCustomer({ id: '7778889999', name: 'Artist' });
    fake.addCampaign('7778889999', { id: '21000000001', name: 'Single' });
    const { accessToken } = await connect();
    const account: AccountRef = { externalId: '7778889999', currency: 'USD', timeZone: 'America/New_York' };

    fake.rateLimitNext(2, 3);
    const campaigns = await connector.listCampaigns(accessToken, account);
    expect(campaigns.map((campaign) => campaign.externalId)).toEqual(['21000000001']);
    expect(slept).toEqual([3000, 3000]);
    expect(fake.calls.searchStream).toBe(3);

    fake.rateLimitNext(10, 2);
    const failure = await connector.listCampaigns(accessToken, account).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect((failure as AdPlatformError).kind).toBe('rate_limited');
    expect((failure as AdPlatformError).details).toMatchObject({ status: 429, code: 'RESOURCE_EXHAUSTED', retryAfterMs: 2000 });
    expect(fake.calls.searchStream).toBe(3 + 4);
  });

  it('does not sleep through a long retryDelay: rate_limited at once with the wait, for the job to reschedule', async () => {
    fake.addCustomer({ id: '7778889999', name: 'Artist' });
    const { accessToken } = await connect();
    fake.rateLimitNext(1, 900);
    const failure = await connector.listCampaigns(accessToken, { externalId: '7778889999', currency: 'USD', timeZone: 'UTC' }).then(() => expect.fail('expected a failure'), (error: unknown) => error as AdPlatformError);
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect(failure.kind).toBe('rate_limited');
    expect(failure.details.retryAfterMs).toBe(900_000);
    expect(slept).toEqual([]);
  });

  it('retries a customer failing on Google\'s side, then says unavailable', async () => {
    fake.addCustomer({ id: '7778889999', name: 'Artist' }).failing = true;
    const { accessToken } = await connect();
    const failure = await connector.dailyMetrics(accessToken, { externalId: '7778889999', currency: 'USD', timeZone: 'UTC' }, { from: '2026-11-01', to: '2026-11-30' }).then(() => expect.fail('expected a failure'), (error: unknown) => error as AdPlatformError);
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect(failure.kind).toBe('unavailable');
    expect(failure.details.status).toBe(500);
    expect(slept).toHaveLength(3);
    expect(fake.calls.searchStream).toBe(4);
  });

  it('says revoked (never echoing the token) when Google no longer accepts the access token', async () => {
    fake.addCustomer({ id: '7778889999', name: 'Artist' });
    const { accessToken } = await connect();
    fake.revokeAll();
    const failure = await connector.listAccounts(accessToken).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdPlatformError);
    expect((failure as AdPlatformError).kind).toBe('revoked');
    expect((failure as AdPlatformError).details.status).toBe(401);
    expect(JSON.stringify({ message: (failure as Error).message, ...(failure as object) })).not.toContain(accessToken);
    expect(slept).toEqual([]);
  });

  it('pauses a campaign and sets its daily budget in micros (rounded to the cent) on its own budget', async () => {
    fake.addCustomer({ id: '1112223333', name: 'MCC', manager: true });
    fake.addCustomer({ id: '7778889999', name: 'Artist', parentId: '1112223333' });
    const campaign = fake.addCampaign('7778889999', { id: '21000000001', name: 'Single', dailyBudgetMicros: '50000000' });
    fake.addCampaign('7778889999', { id: '21000000002', name: 'Shared', sharedBudget: true });
    const { accessToken } = await connect();
    const account: AccountRef = { externalId: '7778889999', loginExternalId: '1112223333', currency: 'USD', timeZone: 'America/New_York' };

    await connector.pauseCampaign(accessToken, account, '21000000001', 'approval-1');
    await connector.pauseCampaign(accessToken, account, '21000000001', 'approval-1');
    expect(campaign.status).toBe('PAUSED');
    expect(fake.mutations[0]).toEqual({
      customerId: '7778889999',
      service: 'campaigns',
      operation: { update: { resourceName: 'customers/7778889999/campaigns/21000000001', status: 'PAUSED' }, updateMask: 'status' },
    });
    expect(fake.server.requestsTo('POST /v26/customers/7778889999/campaigns:mutate')[0]!.headers['login-customer-id']).toBe('1112223333');

    await connector.setCampaignBudget(accessToken, account, '21000000001', { daily: 80.456 }, 'approval-2');
    expect(campaign.budget.amountMicros).toBe('80460000');
    expect(fake.mutations.at(-1)).toEqual({
      customerId: '7778889999',
      service: 'campaignBudgets',
      operation: { update: { resourceName: campaign.budget.resourceName, amountMicros: '80460000' }, updateMask: 'amount_micros' },
    });

    const shared = await connector.setCampaignBudget(accessToken, account, '21000000002', { daily: 20 }, 'approval-3').catch((error: unknown) => error);
    expect((shared as AdPlatformError).kind).toBe('rejected');
    expect((shared as AdPlatformError).message).toContain('shared');
    const negative = await connector.setCampaignBudget(accessToken, account, '21000000001', { daily: -5 }, 'approval-4').catch((error: unknown) => error);
    expect((negative as AdPlatformError).kind).toBe('rejected');
    expect(fake.calls.mutate).toBe(3);
  });

  it('reads its settings from the environment values, null while a credential is missing', () => {
    expect(googleAdsSettingsFrom({ GOOGLE_ADS_CLIENT_ID: 'id', GOOGLE_ADS_CLIENT_SECRET: 'secret' })).toBeNull();
    expect(googleAdsSettingsFrom({ GOOGLE_ADS_CLIENT_ID: 'id', GOOGLE_ADS_CLIENT_SECRET: 'secret', GOOGLE_ADS_DEVELOPER_TOKEN: 'dev' })).toEqual({
      apiUrl: 'https://googleads.googleapis.com',
      oauthUrl: 'https://accounts.google.com',
      tokenUrl: 'https://oauth2.googleapis.com',
      clientId: 'id',
      clientSecret: 'secret',
      developerToken: 'dev',
    });
    expect(
      googleAdsSettingsFrom({ GOOGLE_ADS_CLIENT_ID: 'id', GOOGLE_ADS_CLIENT_SECRET: 'secret', GOOGLE_ADS_DEVELOPER_TOKEN: 'dev', GOOGLE_OAUTH_URL: 'http://127.0.0.1:9/', GOOGLE_ADS_API_URL: 'http://127.0.0.1:9' }),
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:9', oauthUrl: 'http://127.0.0.1:9', tokenUrl: 'http://127.0.0.1:9' });
  });
});
