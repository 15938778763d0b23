import {
  AdPlatformError,
  type AccountRef,
  type AdConnector,
  type AdGrant,
  type AdTokens,
  type DailyCampaignMetrics,
  type DateRange,
  type DiscoveredAdAccount,
  type ExternalAdCampaign,
} from '../ad-connector.ts';
import { tiktokRequest, type TikTokAdsDeps, type TikTokCall, type TikTokConnection } from './tiktok-ads-http.ts';

/**
 * TikTok API for Business v1.3 (https://business-api.tiktok.com/portal/docs):
 *
 * - Authorisation: the advertiser signs in at `/portal/auth?app_id&state&redirect_uri`; TikTok
 *   redirects back with `auth_code`, exchanged at POST `oauth2/access_token/` {app_id, secret,
 *   auth_code} for a long-lived access token (no expiry, no refresh token) and the advertiser ids it
 *   reaches. The token travels in the `Access-Token` header.
 * - Accounts: `oauth2/advertiser/get/` (the authorised advertisers), `advertiser/info/` (currency,
 *   time zone), 100 ids a call. TikTok has no manager hierarchy here: every advertiser is a leaf.
 * - Campaigns: `campaign/get/`, page by page (`page_info.total_page`), 1,000 a page.
 * - Metrics: `report/integrated/get/` (BASIC report, AUCTION_CAMPAIGN, dimensions campaign_id and
 *   stat_time_day), every page, in windows of 30 days (TikTok's longest range for daily rows).
 *   Figures arrive as strings; money in the advertiser's currency. Conversion value is TikTok's
 *   `total_complete_payment_rate`, which despite its name is the total value of complete-payment
 *   events; quartiles are counts already (`video_views_p25`..`p100`); video views are
 *   `video_play_actions`.
 * - Pause: `campaign/status/update/` (operation_status DISABLE; disabling a disabled campaign
 *   succeeds). Budget: `campaign/update/` with `budget`, when the campaign's budget mode is the
 *   kind being set (a daily budget on BUDGET_MODE_DAY, a lifetime one on BUDGET_MODE_TOTAL).
 */

export const TIKTOK_ADS_DEFAULT_API_URL = 'https://business-api.tiktok.com';

export interface TikTokAdsConnectorSettings {
  /** TIKTOK_ADS_API_URL: the API root (the sign-in page lives on the same host, at /portal/auth). */
  apiUrl: string;
  appId: string;
  secret: string;
  deps?: TikTokAdsDeps;
}

const REPORT_METRICS = [
  'campaign_name',
  'spend',
  'impressions',
  'clicks',
  'conversion',
  'total_complete_payment_rate',
  'reach',
  'frequency',
  'video_play_actions',
  'video_views_p25',
  'video_views_p50',
  'video_views_p75',
  'video_views_p100',
] as const;

/** TikTok's largest report page and campaign page. */
const REPORT_PAGE_SIZE = 1000;
const CAMPAIGN_PAGE_SIZE = 1000;
/** Daily rows cover at most 30 days a request. */
const REPORT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export function createTikTokAdsConnector(settings: TikTokAdsConnectorSettings): AdConnector {
  const connection: TikTokConnection = { apiUrl: settings.apiUrl, deps: settings.deps ?? {}, secrets: [settings.secret] };
  const call = <Data>(request: TikTokCall, extraSecrets: string[] = []) => tiktokRequest<Data>({ ...connection, secrets: [...connection.secrets, ...extraSecrets] }, request);

  async function campaignPages(accessToken: string, advertiserId: string, filtering?: Record<string, unknown>): Promise<TikTokCampaign[]> {
    const campaigns: TikTokCampaign[] = [];
    for (let page = 1; ; page++) {
      const data = await call<TikTokPage<TikTokCampaign>>({
        method: 'GET',
        path: 'campaign/get/',
        accessToken,
        query: { advertiser_id: advertiserId, page, page_size: CAMPAIGN_PAGE_SIZE, ...(filtering ? { filtering } : {}) },
        what: `the campaigns of advertiser ${advertiserId} (page ${page})`,
      });
      campaigns.push(...(data.list ?? []));
      if (page >= Number(data.page_info?.total_page ?? 1)) break;
    }
    return campaigns;
  }

  return {
    platform: 'tiktok',

    authorizationUrl({ state, redirectUri }) {
      const url = new URL('/portal/auth', settings.apiUrl);
      url.search = new URLSearchParams({ app_id: settings.appId, state, redirect_uri: redirectUri }).toString();
      return url.toString();
    },

    async exchangeCode({ code }): Promise<AdGrant> {
      const data = await call<{ access_token?: string; advertiser_ids?: string[]; scope?: Array<number | string> }>(
        { method: 'POST', path: 'oauth2/access_token/', body: { app_id: settings.appId, secret: settings.secret, auth_code: code }, what: 'the sign-in code exchange' },
        [code],
      );
      if (!data.access_token) throw new AdPlatformError('tiktok', 'unavailable', 'TikTok answered the sign-in code exchange without an access token.');
      const tokens: AdTokens = { accessToken: data.access_token, refreshToken: null, expiresAt: null, scopes: (data.scope ?? []).map(String) };
      let user: { core_user_id?: string; display_name?: string; email?: string } = {};
      try {
        user = await call({ method: 'GET', path: 'user/info/', accessToken: tokens.accessToken, what: "the signed-in user's profile" });
      } catch (error) {
        // The grant stands without the profile (an app without the user scope): name it by its advertisers.
        if (!(error instanceof AdPlatformError && error.kind === 'rejected')) throw error;
      }
      const advertisers = (data.advertiser_ids ?? []).map(String).sort();
      const externalUserId = user.core_user_id ? String(user.core_user_id) : `advertisers:${advertisers.join(',')}`;
      return { ...tokens, externalUserId, displayName: user.display_name || user.email || `TikTok advertiser${advertisers.length === 1 ? '' : 's'} ${advertisers.join(', ')}` };
    },

    async refresh(): Promise<AdTokens> {
      throw new AdPlatformError('tiktok', 'rejected', 'TikTok for Business access tokens do not expire and have no refresh token; when TikTok stops accepting one, connect the account again.');
    },

    async listAccounts(accessToken): Promise<DiscoveredAdAccount[]> {
      const authorised = await call<{ list?: Array<{ advertiser_id: string | number; advertiser_name?: string }> }>({
        method: 'GET',
        path: 'oauth2/advertiser/get/',
        accessToken,
        query: { app_id: settings.appId, secret: settings.secret },
        what: 'the authorised advertisers',
      });
      const names = new Map((authorised.list ?? []).map((item) => [String(item.advertiser_id), item.advertiser_name ?? null]));
      const ids = [...names.keys()];
      const accounts: DiscoveredAdAccount[] = [];
      for (let start = 0; start < ids.length; start += 100) {
        const batch = ids.slice(start, start + 100);
        const info = await call<{ list?: TikTokAdvertiser[] }>({
          method: 'GET',
          path: 'advertiser/info/',
          accessToken,
          query: { advertiser_ids: batch, fields: ['advertiser_id', 'name', 'currency', 'timezone', 'display_timezone', 'status'] },
          what: 'the advertisers’ details',
        });
        for (const advertiser of info.list ?? []) {
          const id = String(advertiser.advertiser_id);
          accounts.push({
            externalId: id,
            name: advertiser.name || names.get(id) || `TikTok advertiser ${id}`,
            currency: advertiser.currency ?? 'USD',
            timeZone: advertiser.display_timezone || advertiser.timezone || 'UTC',
            parentExternalId: null,
            isManager: false,
          });
        }
      }
      return accounts;
    },

    async listCampaigns(accessToken, account): Promise<ExternalAdCampaign[]> {
      const campaigns = await campaignPages(accessToken, advertiserId(account));
      return campaigns.map((campaign) => ({
        externalId: String(campaign.campaign_id),
        name: campaign.campaign_name ?? `Campaign ${campaign.campaign_id}`,
        status: campaign.secondary_status || campaign.operation_status || 'UNKNOWN',
        objective: campaign.objective_type ?? null,
        dailyBudget: campaign.budget_mode === 'BUDGET_MODE_DAY' && Number(campaign.budget) > 0 ? Number(campaign.budget) : null,
        lifetimeBudget: campaign.budget_mode === 'BUDGET_MODE_TOTAL' && Number(campaign.budget) > 0 ? Number(campaign.budget) : null,
      }));
    },

    async dailyMetrics(accessToken, account, range): Promise<DailyCampaignMetrics[]> {
      const id = advertiserId(account);
      const rows: DailyCampaignMetrics[] = [];
      for (const window of windows(range)) {
        for (let page = 1; ; page++) {
          const data = await call<TikTokPage<TikTokReportRow>>({
            method: 'GET',
            path: 'report/integrated/get/',
            accessToken,
            query: {
              advertiser_id: id,
              report_type: 'BASIC',
              service_type: 'AUCTION',
              data_level: 'AUCTION_CAMPAIGN',
              dimensions: ['campaign_id', 'stat_time_day'],
              metrics: REPORT_METRICS,
              start_date: window.from,
              end_date: window.to,
              page,
              page_size: REPORT_PAGE_SIZE,
            },
            what: `the daily report of advertiser ${id} (${window.from} to ${window.to}, page ${page})`,
          });
          for (const row of data.list ?? []) rows.push(toDailyMetrics(row));
          if (page >= Number(data.page_info?.total_page ?? 1)) break;
        }
      }
      return rows;
    },

    async pauseCampaign(accessToken, account, campaignExternalId): Promise<void> {
      const id = advertiserId(account);
      await call({
        method: 'POST',
        path: 'campaign/status/update/',
        accessToken,
        body: { advertiser_id: id, campaign_ids: [campaignId(campaignExternalId)], operation_status: 'DISABLE' },
        what: `pausing campaign ${campaignExternalId}`,
      });
    },

    async setCampaignBudget(accessToken, account, campaignExternalId, budget): Promise<void> {
      const id = advertiserId(account);
      const campaign = campaignId(campaignExternalId);
      if ((budget.daily === undefined) === (budget.lifetime === undefined)) {
        throw new AdPlatformError('tiktok', 'rejected', 'Give either a daily or a lifetime budget: a TikTok campaign has one budget, of the kind set when it was created.');
      }
      const amount = (budget.daily ?? budget.lifetime)!;
      if (!Number.isFinite(amount) || amount <= 0) throw new AdPlatformError('tiktok', 'rejected', `A budget must be a positive amount, not ${amount}.`);
      const [found] = await campaignPages(accessToken, id, { campaign_ids: [campaign] });
      if (!found) throw new AdPlatformError('tiktok', 'rejected', `TikTok has no campaign ${campaign} in advertiser ${id}.`);
      const wanted = budget.daily !== undefined ? 'BUDGET_MODE_DAY' : 'BUDGET_MODE_TOTAL';
      if (found.budget_mode !== wanted) {
        const has = found.budget_mode === 'BUDGET_MODE_INFINITE' ? 'no campaign budget (its ad groups carry the budgets)' : found.budget_mode === 'BUDGET_MODE_DAY' ? 'a daily budget' : 'a lifetime budget';
        throw new AdPlatformError('tiktok', 'rejected', `Campaign ${campaign} has ${has}; TikTok does not change a campaign's budget kind, so set ${found.budget_mode === 'BUDGET_MODE_TOTAL' ? 'a lifetime' : 'a daily'} budget instead or change it in TikTok Ads Manager.`);
      }
      await call({
        method: 'POST',
        path: 'campaign/update/',
        accessToken,
        body: { advertiser_id: id, campaign_id: campaign, budget: Math.round(amount * 100) / 100 },
        what: `changing campaign ${campaign}'s budget`,
      });
    },
  };
}

interface TikTokPage<Item> {
  list?: Item[];
  page_info?: { page?: number; page_size?: number; total_number?: number; total_page?: number };
}

interface TikTokAdvertiser {
  advertiser_id: string | number;
  name?: string;
  currency?: string;
  timezone?: string;
  display_timezone?: string;
  status?: string;
}

interface TikTokCampaign {
  campaign_id: string | number;
  campaign_name?: string;
  operation_status?: string;
  secondary_status?: string;
  objective_type?: string;
  budget?: number | string;
  budget_mode?: string;
}

interface TikTokReportRow {
  dimensions: { campaign_id: string | number; stat_time_day: string };
  metrics: Partial<Record<(typeof REPORT_METRICS)[number], string | number | null>>;
}

function toDailyMetrics(row: TikTokReportRow): DailyCampaignMetrics {
  const metrics = row.metrics ?? {};
  const number = (value: string | number | null | undefined) => (value === undefined || value === null || value === '' || value === '-' ? 0 : Number(value));
  const optional = (value: string | number | null | undefined) => (value === undefined || value === null || value === '' || value === '-' ? null : Number(value));
  return {
    campaignExternalId: String(row.dimensions.campaign_id),
    campaignName: typeof metrics.campaign_name === 'string' ? metrics.campaign_name : null,
    // "2026-11-30 00:00:00" in the advertiser's time zone.
    date: String(row.dimensions.stat_time_day).slice(0, 10),
    spend: number(metrics.spend),
    impressions: number(metrics.impressions),
    clicks: number(metrics.clicks),
    conversions: number(metrics.conversion),
    conversionValue: number(metrics.total_complete_payment_rate),
    reach: optional(metrics.reach),
    frequency: optional(metrics.frequency),
    videoViews: optional(metrics.video_play_actions),
    videoP25: optional(metrics.video_views_p25),
    videoP50: optional(metrics.video_views_p50),
    videoP75: optional(metrics.video_views_p75),
    videoP100: optional(metrics.video_views_p100),
  };
}

/** The range cut into windows of at most 30 days, in order. */
export function windows(range: DateRange): DateRange[] {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(range.from) || !day.test(range.to)) throw new AdPlatformError('tiktok', 'rejected', `Dates must be YYYY-MM-DD (got ${range.from.slice(0, 12)} to ${range.to.slice(0, 12)}).`);
  if (range.from > range.to) throw new AdPlatformError('tiktok', 'rejected', `The range starts after it ends (${range.from} to ${range.to}).`);
  const out: DateRange[] = [];
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let start = Date.parse(`${range.from}T00:00:00Z`); start <= end; start += REPORT_WINDOW_DAYS * DAY_MS) {
    const last = Math.min(end, start + (REPORT_WINDOW_DAYS - 1) * DAY_MS);
    out.push({ from: new Date(start).toISOString().slice(0, 10), to: new Date(last).toISOString().slice(0, 10) });
  }
  return out;
}

function advertiserId(account: AccountRef): string {
  return digits(account.externalId, 'advertiser');
}

function campaignId(value: string): string {
  return digits(value, 'campaign');
}

function digits(value: string, what: string): string {
  const id = value.trim();
  if (!/^\d{1,25}$/.test(id)) throw new AdPlatformError('tiktok', 'rejected', `"${id.slice(0, 40)}" is not a TikTok ${what} id (digits only).`);
  return id;
}
