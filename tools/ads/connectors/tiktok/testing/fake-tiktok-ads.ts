import { randomUUID } from 'node:crypto';
import { startFakeSocialServer, type FakeReply, type FakeRequest, type FakeSocialServer } from '../../../../content/connectors/testing/fake-social-server.ts';

/**
 * A loopback TikTok API for Business (v1.3) for tests: the sign-in page (redirects back with an
 * auth_code), `oauth2/access_token/`, `oauth2/advertiser/get/`, `user/info/`, `advertiser/info/`,
 * `campaign/get/` (pages, `filtering.campaign_ids`), `report/integrated/get/` (BASIC,
 * AUCTION_CAMPAIGN, daily rows, 30 days at most, pages) with figures as strings, and
 * `campaign/status/update/` and `campaign/update/`. Every answer is TikTok's envelope
 * `{code, message, request_id, data}` with HTTP 200, errors included. On demand: code 40100 (too
 * many requests), a revoked token (40105), a failing advertiser (51000). `maxPageSize` caps pages
 * below what the client asks for, so a test sees several pages without thousands of rows.
 */

export const FAKE_TIKTOK_APP_ID = '7100000000000000001';
export const FAKE_TIKTOK_SECRET = 'tiktok-app-secret-0123456789abcdef';

export interface FakeTikTokAdvertiser {
  id: string;
  name: string;
  currency: string;
  /** TikTok's GMT-offset zone (Etc/GMT-1) and the named one it displays (Europe/Paris). */
  timezone: string;
  displayTimezone: string;
  campaigns: FakeTikTokCampaign[];
  days: FakeTikTokDay[];
  /** Reports and campaigns answer 51000 (system error) while set. */
  failing: boolean;
}

export interface FakeTikTokCampaign {
  campaign_id: string;
  campaign_name: string;
  operation_status: 'ENABLE' | 'DISABLE';
  secondary_status: string;
  objective_type: string;
  budget_mode: 'BUDGET_MODE_DAY' | 'BUDGET_MODE_TOTAL' | 'BUDGET_MODE_INFINITE';
  budget: number;
}

/** One campaign-day as the report sends it: strings. */
export interface FakeTikTokDay {
  campaignId: string;
  date: string;
  spend: string;
  impressions: string;
  clicks: string;
  conversion: string;
  total_complete_payment_rate: string;
  reach: string;
  frequency: string;
  video_play_actions: string;
  video_views_p25: string;
  video_views_p50: string;
  video_views_p75: string;
  video_views_p100: string;
}

export interface FakeTikTokAdsOptions {
  /** The most rows a page holds whatever the client asks (TikTok allows 1,000); tests set 2. */
  maxPageSize?: number;
}

export interface FakeTikTokAds {
  url: string;
  server: FakeSocialServer;
  appId: string;
  secret: string;
  advertisers: Map<string, FakeTikTokAdvertiser>;
  addAdvertiser(advertiser: { id: string; name: string; currency?: string; timezone?: string; displayTimezone?: string }): FakeTikTokAdvertiser;
  addCampaign(advertiserId: string, campaign: Partial<FakeTikTokCampaign> & { campaign_id: string; campaign_name: string }): FakeTikTokCampaign;
  addDay(advertiserId: string, day: Partial<FakeTikTokDay> & { campaignId: string; date: string }): FakeTikTokDay;
  /** `campaigns` x `days` of deterministic figures from `from`. */
  generate(advertiserId: string, options: { campaigns: number; days: number; from: string }): void;
  issueCode(): string;
  /** Every access token issued so far stops working (40105). */
  revokeAll(): void;
  /** The next `count` API calls answer code 40100. */
  rateLimitNext(count?: number): void;
  accessTokens: Set<string>;
  statusUpdates: Array<{ advertiser_id: string; campaign_ids: string[]; operation_status: string }>;
  budgetUpdates: Array<{ advertiser_id: string; campaign_id: string; budget: number }>;
  calls: { accessToken: number; userInfo: number; advertiserGet: number; advertiserInfo: number; campaignGet: number; report: number; statusUpdate: number; campaignUpdate: number };
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const PREFIX = '/open_api/v1.3/';

export async function startFakeTikTokAds(options: FakeTikTokAdsOptions = {}): Promise<FakeTikTokAds> {
  const maxPageSize = options.maxPageSize ?? 1000;
  const advertisers: FakeTikTokAds['advertisers'] = new Map();
  const codes = new Set<string>();
  const accessTokens = new Set<string>();
  const statusUpdates: FakeTikTokAds['statusUpdates'] = [];
  const budgetUpdates: FakeTikTokAds['budgetUpdates'] = [];
  const calls = { accessToken: 0, userInfo: 0, advertiserGet: 0, advertiserInfo: 0, campaignGet: 0, report: 0, statusUpdate: 0, campaignUpdate: 0 };
  let rateLimited = 0;
  let reportCache: { key: string; days: FakeTikTokDay[] } | undefined;

  const envelope = (code: number, message: string, data: unknown = {}): FakeReply => ({ status: 200, body: { code, message, request_id: randomUUID().replace(/-/g, ''), data } });
  const ok = (data: unknown) => envelope(0, 'OK', data);
  const jsonParam = <T>(request: FakeRequest, name: string): T | undefined => {
    const raw = request.query.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  };
  /** One page of `items`, each turned into its answer shape by `toJson` (only the page's, so large reports stay quick). */
  const paged = <T>(request: FakeRequest, items: T[], defaultSize: number, toJson: (item: T) => unknown = (item) => item) => {
    const page = Math.max(1, Number(request.query.get('page') ?? 1));
    const asked = Number(request.query.get('page_size') ?? defaultSize);
    const size = Math.min(asked, maxPageSize);
    return {
      list: items.slice((page - 1) * size, page * size).map(toJson),
      page_info: { page, page_size: size, total_number: items.length, total_page: Math.max(1, Math.ceil(items.length / size)) },
    };
  };
  const advertiserOf = (id: string | null | undefined): FakeTikTokAdvertiser | FakeReply => {
    const advertiser = advertisers.get(String(id ?? ''));
    if (!advertiser) return envelope(40001, `No permission to operate advertiser ${String(id ?? '')}.`);
    if (advertiser.failing) return envelope(51000, 'System error, please try again later.');
    return advertiser;
  };
  const isReply = (value: unknown): value is FakeReply => typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

  const route = (request: FakeRequest): FakeReply | undefined => {
    const { method, path } = request;
    if (method === 'GET' && path === '/portal/auth') {
      if (request.query.get('app_id') !== FAKE_TIKTOK_APP_ID) return { status: 400, body: 'invalid app_id' };
      const redirect = new URL(request.query.get('redirect_uri') ?? '');
      redirect.searchParams.set('auth_code', fake.issueCode());
      redirect.searchParams.set('code', redirect.searchParams.get('auth_code')!);
      redirect.searchParams.set('state', request.query.get('state') ?? '');
      return { status: 302, headers: { location: redirect.toString() } };
    }
    if (!path.startsWith(PREFIX)) return undefined;
    const endpoint = path.slice(PREFIX.length);
    if (method === 'POST' && endpoint === 'oauth2/access_token/') {
      calls.accessToken++;
      const body = request.json ?? {};
      if (body.app_id !== FAKE_TIKTOK_APP_ID || body.secret !== FAKE_TIKTOK_SECRET) return envelope(40001, 'The app_id or secret is invalid.');
      if (!codes.delete(String(body.auth_code ?? ''))) return envelope(40110, 'Invalid auth_code: it has expired or been used.');
      const token = `act.${randomUUID().replace(/-/g, '')}`;
      accessTokens.add(token);
      return ok({ access_token: token, advertiser_ids: [...advertisers.keys()], scope: [1, 2, 3, 4] });
    }
    if (rateLimited > 0) {
      rateLimited--;
      return envelope(40100, 'Requests made too frequently. Please try again later.');
    }
    const token = String(request.headers['access-token'] ?? '');
    if (!token) return envelope(40104, 'Access token is null, please check.');
    if (!accessTokens.has(token)) return envelope(40105, 'The access token is invalid or has been revoked.');

    if (method === 'GET' && endpoint === 'user/info/') {
      calls.userInfo++;
      return ok({ core_user_id: '7012345678901234567', display_name: 'Label Marketing', email: 'marketing@example.com', avatar_url: null, create_time: 1700000000 });
    }
    if (method === 'GET' && endpoint === 'oauth2/advertiser/get/') {
      calls.advertiserGet++;
      if (request.query.get('app_id') !== FAKE_TIKTOK_APP_ID || request.query.get('secret') !== FAKE_TIKTOK_SECRET) return envelope(40001, 'The app_id or secret is invalid.');
      return ok({ list: [...advertisers.values()].map((advertiser) => ({ advertiser_id: advertiser.id, advertiser_name: advertiser.name })) });
    }
    if (method === 'GET' && endpoint === 'advertiser/info/') {
      calls.advertiserInfo++;
      const ids = jsonParam<string[]>(request, 'advertiser_ids');
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) return envelope(40002, 'advertiser_ids: Length must be between 1 and 100.');
      const list = ids.flatMap((id) => {
        const advertiser = advertisers.get(String(id));
        return advertiser
          ? [{ advertiser_id: advertiser.id, name: advertiser.name, currency: advertiser.currency, timezone: advertiser.timezone, display_timezone: advertiser.displayTimezone, status: 'STATUS_ENABLE', company: 'Example Records' }]
          : [];
      });
      return ok({ list });
    }
    if (method === 'GET' && endpoint === 'campaign/get/') {
      calls.campaignGet++;
      const advertiser = advertiserOf(request.query.get('advertiser_id'));
      if (isReply(advertiser)) return advertiser;
      const filter = jsonParam<{ campaign_ids?: string[] }>(request, 'filtering');
      const campaigns = advertiser.campaigns.filter((campaign) => !filter?.campaign_ids || filter.campaign_ids.includes(campaign.campaign_id));
      const asked = Number(request.query.get('page_size') ?? 10);
      if (asked > 1000) return envelope(40002, 'page_size: Must be between 1 and 1000.');
      return ok(paged(request, campaigns.map((campaign) => ({ ...campaign, advertiser_id: advertiser.id })), 10));
    }
    if (method === 'GET' && endpoint === 'report/integrated/get/') {
      calls.report++;
      const advertiser = advertiserOf(request.query.get('advertiser_id'));
      if (isReply(advertiser)) return advertiser;
      if (request.query.get('report_type') !== 'BASIC' || request.query.get('data_level') !== 'AUCTION_CAMPAIGN') return envelope(40002, 'This fake answers BASIC reports at AUCTION_CAMPAIGN level only.');
      const dimensions = jsonParam<string[]>(request, 'dimensions');
      if (!dimensions?.includes('campaign_id') || !dimensions.includes('stat_time_day')) return envelope(40002, 'dimensions: campaign_id and stat_time_day are expected.');
      const metrics = jsonParam<string[]>(request, 'metrics') ?? ['spend', 'impressions'];
      const from = request.query.get('start_date') ?? '';
      const to = request.query.get('end_date') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return envelope(40002, 'start_date and end_date must be YYYY-MM-DD, start first.');
      if ((Date.parse(to) - Date.parse(from)) / DAY_MS > 29) return envelope(40002, 'The time span cannot exceed 30 days when stat_time_day is a dimension.');
      const asked = Number(request.query.get('page_size') ?? 10);
      if (asked > 1000) return envelope(40002, 'page_size: Must be between 1 and 1000.');
      const names = new Map(advertiser.campaigns.map((campaign) => [campaign.campaign_id, campaign.campaign_name]));
      // The window's rows, kept between the pages of one report so thousands of rows page quickly.
      const key = `${advertiser.id}|${from}|${to}|${advertiser.days.length}`;
      if (reportCache?.key !== key) reportCache = { key, days: advertiser.days.filter((day) => day.date >= from && day.date <= to) };
      const days = reportCache.days;
      return ok(
        paged(request, days, 10, (day) => {
          const values: Record<string, string> = { ...(day as unknown as Record<string, string>), campaign_name: names.get(day.campaignId) ?? '' };
          return {
            dimensions: { campaign_id: day.campaignId, stat_time_day: `${day.date} 00:00:00` },
            metrics: Object.fromEntries(metrics.map((metric) => [metric, values[metric] ?? '0'])),
          };
        }),
      );
    }
    if (method === 'POST' && endpoint === 'campaign/status/update/') {
      calls.statusUpdate++;
      const body = (request.json ?? {}) as { advertiser_id?: string; campaign_ids?: string[]; operation_status?: string };
      const advertiser = advertiserOf(body.advertiser_id);
      if (isReply(advertiser)) return advertiser;
      if (!['ENABLE', 'DISABLE', 'DELETE'].includes(String(body.operation_status))) return envelope(40002, 'operation_status: Not a valid choice.');
      const found = advertiser.campaigns.filter((campaign) => body.campaign_ids?.includes(campaign.campaign_id));
      if (found.length === 0) return envelope(40002, 'campaign_ids: campaign not found.');
      for (const campaign of found) {
        campaign.operation_status = body.operation_status as 'ENABLE' | 'DISABLE';
        campaign.secondary_status = body.operation_status === 'DISABLE' ? 'CAMPAIGN_STATUS_DISABLE' : 'CAMPAIGN_STATUS_ENABLE';
      }
      statusUpdates.push({ advertiser_id: advertiser.id, campaign_ids: body.campaign_ids!, operation_status: body.operation_status! });
      return ok({ campaign_ids: found.map((campaign) => campaign.campaign_id), status: body.operation_status });
    }
    if (method === 'POST' && endpoint === 'campaign/update/') {
      calls.campaignUpdate++;
      const body = (request.json ?? {}) as { advertiser_id?: string; campaign_id?: string; budget?: number };
      const advertiser = advertiserOf(body.advertiser_id);
      if (isReply(advertiser)) return advertiser;
      const campaign = advertiser.campaigns.find((candidate) => candidate.campaign_id === body.campaign_id);
      if (!campaign) return envelope(40002, 'campaign_id: campaign not found.');
      if (typeof body.budget !== 'number' || body.budget <= 0) return envelope(40002, 'budget: must be a positive number.');
      if (campaign.budget_mode === 'BUDGET_MODE_INFINITE') return envelope(40002, 'The campaign has no budget to update (BUDGET_MODE_INFINITE).');
      campaign.budget = body.budget;
      budgetUpdates.push({ advertiser_id: advertiser.id, campaign_id: campaign.campaign_id, budget: body.budget });
      return ok({ campaign_id: campaign.campaign_id, budget: campaign.budget, budget_mode: campaign.budget_mode });
    }
    return undefined;
  };

  const server = await startFakeSocialServer([route]);
  const fake: FakeTikTokAds = {
    url: server.url,
    server,
    appId: FAKE_TIKTOK_APP_ID,
    secret: FAKE_TIKTOK_SECRET,
    advertisers,
    accessTokens,
    statusUpdates,
    budgetUpdates,
    calls,
    addAdvertiser(input) {
      const advertiser: FakeTikTokAdvertiser = {
        id: input.id,
        name: input.name,
        currency: input.currency ?? 'USD',
        timezone: input.timezone ?? 'Etc/GMT+5',
        displayTimezone: input.displayTimezone ?? 'America/New_York',
        campaigns: [],
        days: [],
        failing: false,
      };
      advertisers.set(advertiser.id, advertiser);
      return advertiser;
    },
    addCampaign(advertiserId, input) {
      const campaign: FakeTikTokCampaign = {
        operation_status: 'ENABLE',
        secondary_status: 'CAMPAIGN_STATUS_ENABLE',
        objective_type: 'VIDEO_VIEWS',
        budget_mode: 'BUDGET_MODE_DAY',
        budget: 100,
        ...input,
      };
      advertisers.get(advertiserId)!.campaigns.push(campaign);
      return campaign;
    },
    addDay(advertiserId, input) {
      const day: FakeTikTokDay = {
        spend: '0.00', impressions: '0', clicks: '0', conversion: '0', total_complete_payment_rate: '0.00', reach: '0', frequency: '0.00',
        video_play_actions: '0', video_views_p25: '0', video_views_p50: '0', video_views_p75: '0', video_views_p100: '0',
        ...input,
      };
      advertisers.get(advertiserId)!.days.push(day);
      return day;
    },
    generate(advertiserId, { campaigns, days, from }) {
      const start = Date.parse(`${from}T00:00:00Z`);
      for (let c = 0; c < campaigns; c++) {
        const campaign = fake.addCampaign(advertiserId, { campaign_id: String(1_780_000_000_000_000_000n + BigInt(c)), campaign_name: `Generated TikTok campaign ${c + 1}` });
        for (let d = 0; d < days; d++) {
          const impressions = 2_000 + ((c * 31 + d * 17) % 800);
          const plays = Math.floor(impressions * 0.6);
          fake.addDay(advertiserId, {
            campaignId: campaign.campaign_id,
            date: new Date(start + d * DAY_MS).toISOString().slice(0, 10),
            spend: ((3_000 + ((c * 7 + d * 3) % 900)) / 100).toFixed(2),
            impressions: String(impressions),
            clicks: String(Math.floor(impressions / 50)),
            conversion: String((c + d) % 3),
            total_complete_payment_rate: (((c + d) % 3) * 9.99).toFixed(2),
            reach: String(Math.floor(impressions * 0.8)),
            frequency: '1.25',
            video_play_actions: String(plays),
            video_views_p25: String(Math.floor(plays * 0.5)),
            video_views_p50: String(Math.floor(plays * 0.3)),
            video_views_p75: String(Math.floor(plays * 0.2)),
            video_views_p100: String(Math.floor(plays * 0.1)),
          });
        }
      }
    },
    issueCode() {
      const code = `auth-${randomUUID().replace(/-/g, '')}`;
      codes.add(code);
      return code;
    },
    revokeAll() {
      accessTokens.clear();
    },
    rateLimitNext(count = 1) {
      rateLimited = count;
    },
    close: () => server.close(),
  };
  return fake;
}
