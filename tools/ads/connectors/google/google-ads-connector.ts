import { joinUrl } from '../../../content/connectors/connector-http.ts';
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
import { googleRequest, type GoogleAdsDeps } from './google-ads-http.ts';

/**
 * Google Ads over its REST interface (https://developers.google.com/google-ads/api/rest/overview):
 *
 * - OAuth 2.0 web flow: `accounts.google.com/o/oauth2/v2/auth` with `access_type=offline` and
 *   `prompt=consent` (so a refresh token comes back every time), scope `adwords` plus `openid email`
 *   (the id token names who granted access); `oauth2.googleapis.com/token` for the code exchange and
 *   the `refresh_token` grant, where `invalid_grant` means the grant was revoked.
 * - Accounts: `customers:listAccessibleCustomers`, then for each a GAQL query on `customer_client`
 *   (level <= 1, walked manager by manager as Google's account-hierarchy guide does) with the top
 *   manager as `login-customer-id`.
 * - Campaigns and metrics: `googleAds:searchStream` with GAQL over `campaign`; the answer is a JSON
 *   array of batches, int64 values arrive as strings, money in micros, and proto3 JSON leaves out
 *   zero values (an absent metric is 0).
 * - Pause: `campaigns:mutate` (status PAUSED); budget: `campaignBudgets:mutate` (amount_micros or
 *   total_amount_micros of the campaign's own budget; a budget shared with other campaigns is refused).
 *
 * Video quartiles: GAQL reports them as rates (`metrics.video_quartile_p25_rate` is the share of
 * impressions where the viewer watched 25% of the video), not counts. Crescendo stores counts on
 * every platform, so they are converted as round(rate x impressions) for the same campaign-day:
 * exact to within one view, and comparable with Meta's and TikTok's counts.
 * Video views: `metrics.video_trueview_views` from v22 on (`metrics.video_views` before).
 */

export const GOOGLE_ADS_DEFAULT_API_URL = 'https://googleads.googleapis.com';
export const GOOGLE_OAUTH_DEFAULT_URL = 'https://accounts.google.com';
export const GOOGLE_TOKEN_DEFAULT_URL = 'https://oauth2.googleapis.com';
export const GOOGLE_ADS_DEFAULT_VERSION = 'v26';
export const GOOGLE_ADS_SCOPE = 'https://www.googleapis.com/auth/adwords';

export interface GoogleAdsConnectorSettings {
  /** The Ads API root (GOOGLE_ADS_API_URL). */
  apiUrl: string;
  /** Where people sign in (GOOGLE_OAUTH_URL): `<oauthUrl>/o/oauth2/v2/auth`. */
  oauthUrl: string;
  /** The token endpoint's root: `<tokenUrl>/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  developerToken: string;
  /** `v26` (the newest, December 2026) unless set; from v22 video views are `metrics.video_trueview_views`. */
  apiVersion?: string;
  deps?: GoogleAdsDeps;
}

/** Customer ids are 10 digits; people write them 123-456-7890. */
export function googleCustomerId(value: string): string {
  const id = value.replace(/^customers\//, '').replace(/-/g, '').trim();
  if (!/^\d{1,20}$/.test(id)) throw new AdPlatformError('google', 'rejected', `"${value.slice(0, 40)}" is not a Google Ads customer id (10 digits, as 123-456-7890).`);
  return id;
}

const MICROS = 1_000_000;

export function createGoogleAdsConnector(settings: GoogleAdsConnectorSettings): AdConnector {
  const version = settings.apiVersion ?? GOOGLE_ADS_DEFAULT_VERSION;
  const versionNumber = Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
  const videoViewsField = versionNumber >= 22 ? 'metrics.video_trueview_views' : 'metrics.video_views';
  const deps = settings.deps ?? {};
  const api = (path: string) => joinUrl(joinUrl(settings.apiUrl, version), path);

  const request = (secrets: string[], call: Parameters<typeof googleRequest>[2]) => googleRequest(deps, [...secrets, settings.clientSecret, settings.developerToken], call);

  function apiHeaders(accessToken: string, loginCustomerId?: string | null): Record<string, string> {
    return {
      authorization: `Bearer ${accessToken}`,
      'developer-token': settings.developerToken,
      'content-type': 'application/json',
      accept: 'application/json',
      ...(loginCustomerId ? { 'login-customer-id': googleCustomerId(loginCustomerId) } : {}),
    };
  }

  /** Every row of a GAQL query, all batches of the stream read. */
  async function searchStream(accessToken: string, customerId: string, loginCustomerId: string | null | undefined, query: string): Promise<GoogleAdsRow[]> {
    const id = googleCustomerId(customerId);
    const answer = await request([accessToken], {
      method: 'POST',
      url: api(`customers/${id}/googleAds:searchStream`),
      headers: apiHeaders(accessToken, loginCustomerId ?? id),
      body: JSON.stringify({ query }),
      what: `a report on customer ${id}`,
    });
    const batches = Array.isArray(answer) ? answer : [answer];
    const rows: GoogleAdsRow[] = [];
    for (const batch of batches as Array<{ results?: unknown }>) {
      if (batch && Array.isArray(batch.results)) rows.push(...(batch.results as GoogleAdsRow[]));
    }
    return rows;
  }

  async function mutate(accessToken: string, account: AccountRef, service: 'campaigns' | 'campaignBudgets', operation: unknown, what: string): Promise<void> {
    const id = googleCustomerId(account.externalId);
    await request([accessToken], {
      method: 'POST',
      url: api(`customers/${id}/${service}:mutate`),
      headers: apiHeaders(accessToken, account.loginExternalId ?? id),
      body: JSON.stringify({ operations: [operation] }),
      what,
    });
  }

  async function tokenGrant(form: Record<string, string>, secrets: string[], what: string): Promise<GoogleTokenAnswer> {
    const answer = (await request(secrets, {
      method: 'POST',
      url: joinUrl(settings.tokenUrl, 'token'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret }).toString(),
      what,
    })) as GoogleTokenAnswer;
    if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
      throw new AdPlatformError('google', 'unavailable', `Google answered ${what} without an access token.`);
    }
    return answer;
  }

  async function accessibleCustomerIds(accessToken: string): Promise<string[]> {
    const answer = (await request([accessToken], {
      method: 'GET',
      url: api('customers:listAccessibleCustomers'),
      headers: apiHeaders(accessToken),
      what: 'the list of accessible customers',
    })) as { resourceNames?: unknown };
    const names = Array.isArray(answer?.resourceNames) ? (answer.resourceNames as unknown[]) : [];
    return names.filter((name): name is string => typeof name === 'string').map(googleCustomerId);
  }

  return {
    platform: 'google',

    authorizationUrl({ state, redirectUri }) {
      const url = new URL(joinUrl(settings.oauthUrl, 'o/oauth2/v2/auth'));
      url.search = new URLSearchParams({
        client_id: settings.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: `${GOOGLE_ADS_SCOPE} openid email`,
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: 'true',
        state,
      }).toString();
      return url.toString();
    },

    async exchangeCode({ code, redirectUri }): Promise<AdGrant> {
      const answer = await tokenGrant({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, [code], 'the sign-in code exchange');
      const tokens = toTokens(answer, null);
      if (!tokens.refreshToken) {
        throw new AdPlatformError('google', 'rejected', 'Google granted access without a refresh token, so Crescendo could not sync every morning; connect again and accept the offline access.');
      }
      const identity = idTokenClaims(answer.id_token);
      if (identity?.sub) return { ...tokens, externalUserId: identity.sub, displayName: identity.email ?? identity.name ?? `Google user ${identity.sub}` };
      // No id token (the openid scope was not granted): the first accessible customer stands for the grant.
      const [first] = await accessibleCustomerIds(tokens.accessToken);
      return { ...tokens, externalUserId: first ? `customer:${first}` : 'google', displayName: first ? `Google Ads ${formatCustomerId(first)}` : 'Google Ads' };
    },

    async refresh(refreshToken): Promise<AdTokens> {
      const answer = await tokenGrant({ grant_type: 'refresh_token', refresh_token: refreshToken }, [refreshToken], 'the token refresh');
      // Google keeps the refresh token (it sends a new one only when it rotates it).
      return toTokens(answer, refreshToken);
    },

    async listAccounts(accessToken): Promise<DiscoveredAdAccount[]> {
      const found = new Map<string, DiscoveredAdAccount>();
      for (const root of await accessibleCustomerIds(accessToken)) {
        const visited = new Set<string>();
        const queue = [root];
        while (queue.length > 0) {
          const managerId = queue.shift()!;
          if (visited.has(managerId)) continue;
          visited.add(managerId);
          let rows: GoogleAdsRow[];
          try {
            rows = await searchStream(accessToken, managerId, root, CUSTOMER_CLIENT_QUERY);
          } catch (error) {
            // A customer the grant lists but cannot query (cancelled, not enabled, no permission) is left out; the others still come.
            if (error instanceof AdPlatformError && error.kind === 'rejected') continue;
            throw error;
          }
          for (const row of rows) {
            const client = row.customerClient;
            if (!client?.id) continue;
            const level = Number(client.level ?? 0);
            if (level === 0 && managerId !== root) continue;
            if (client.status === 'CANCELED' || client.status === 'CLOSED') continue;
            const id = googleCustomerId(String(client.id));
            const account: DiscoveredAdAccount = {
              externalId: id,
              name: client.descriptiveName?.trim() || `Google Ads ${formatCustomerId(id)}`,
              currency: client.currencyCode ?? 'USD',
              timeZone: client.timeZone ?? 'UTC',
              parentExternalId: level === 0 ? null : managerId,
              isManager: client.manager === true,
            };
            const known = found.get(id);
            // Reached both directly and under a manager: the manager's view (with its parent) wins.
            if (!known || (known.parentExternalId === null && account.parentExternalId !== null)) found.set(id, account);
            if (level === 1 && account.isManager) queue.push(id);
          }
        }
      }
      return [...found.values()];
    },

    async listCampaigns(accessToken, account): Promise<ExternalAdCampaign[]> {
      const rows = await searchStream(accessToken, account.externalId, account.loginExternalId, CAMPAIGN_QUERY);
      return rows
        .filter((row) => row.campaign?.id)
        .map((row) => {
          const budget = row.campaignBudget;
          const daily = budget?.period === 'DAILY' || (budget && !budget.period && budget.amountMicros) ? micros(budget.amountMicros) : null;
          const lifetime = budget?.totalAmountMicros ? micros(budget.totalAmountMicros) : null;
          return {
            externalId: String(row.campaign!.id),
            name: row.campaign!.name ?? `Campaign ${row.campaign!.id}`,
            status: row.campaign!.status ?? 'UNKNOWN',
            objective: row.campaign!.advertisingChannelType ?? null,
            dailyBudget: daily !== null && daily > 0 ? daily : null,
            lifetimeBudget: lifetime !== null && lifetime > 0 ? lifetime : null,
          };
        });
    },

    async dailyMetrics(accessToken, account, range: DateRange): Promise<DailyCampaignMetrics[]> {
      checkRange(range);
      const query = [
        'SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.cost_micros, metrics.impressions, metrics.clicks,',
        `metrics.conversions, metrics.conversions_value, ${videoViewsField}, metrics.video_quartile_p25_rate, metrics.video_quartile_p50_rate,`,
        'metrics.video_quartile_p75_rate, metrics.video_quartile_p100_rate',
        `FROM campaign WHERE segments.date BETWEEN '${range.from}' AND '${range.to}'`,
      ].join(' ');
      const rows = await searchStream(accessToken, account.externalId, account.loginExternalId, query);
      const out: DailyCampaignMetrics[] = [];
      for (const row of rows) {
        if (!row.campaign?.id || !row.segments?.date) continue;
        const metrics = row.metrics ?? {};
        const impressions = whole(metrics.impressions);
        const videoViews = metrics.videoTrueviewViews ?? metrics.videoViews;
        const quartile = (rate: number | string | undefined) => (rate === undefined ? null : Math.round(Number(rate) * impressions));
        const hasVideo = videoViews !== undefined || [metrics.videoQuartileP25Rate, metrics.videoQuartileP50Rate, metrics.videoQuartileP75Rate, metrics.videoQuartileP100Rate].some((rate) => rate !== undefined);
        out.push({
          campaignExternalId: String(row.campaign.id),
          campaignName: row.campaign.name ?? null,
          date: row.segments.date,
          spend: micros(metrics.costMicros),
          impressions,
          clicks: whole(metrics.clicks),
          conversions: decimal(metrics.conversions),
          conversionValue: decimal(metrics.conversionsValue),
          // Google reports unique reach only over ranges (not per campaign-day in this resource).
          reach: null,
          frequency: null,
          videoViews: hasVideo ? whole(videoViews) : null,
          videoP25: hasVideo ? quartile(metrics.videoQuartileP25Rate) ?? 0 : null,
          videoP50: hasVideo ? quartile(metrics.videoQuartileP50Rate) ?? 0 : null,
          videoP75: hasVideo ? quartile(metrics.videoQuartileP75Rate) ?? 0 : null,
          videoP100: hasVideo ? quartile(metrics.videoQuartileP100Rate) ?? 0 : null,
        });
      }
      return out;
    },

    async pauseCampaign(accessToken, account, campaignExternalId): Promise<void> {
      const customer = googleCustomerId(account.externalId);
      const campaign = numericId(campaignExternalId);
      await mutate(
        accessToken,
        account,
        'campaigns',
        { update: { resourceName: `customers/${customer}/campaigns/${campaign}`, status: 'PAUSED' }, updateMask: 'status' },
        `pausing campaign ${campaign}`,
      );
    },

    async setCampaignBudget(accessToken, account, campaignExternalId, budget): Promise<void> {
      const campaign = numericId(campaignExternalId);
      if (budget.daily === undefined && budget.lifetime === undefined) throw new AdPlatformError('google', 'rejected', 'Give a daily or a lifetime budget.');
      for (const amount of [budget.daily, budget.lifetime]) {
        if (amount !== undefined && (!Number.isFinite(amount) || amount <= 0)) throw new AdPlatformError('google', 'rejected', `A budget must be a positive amount, not ${amount}.`);
      }
      const rows = await searchStream(
        accessToken,
        account.externalId,
        account.loginExternalId,
        `SELECT campaign.id, campaign.campaign_budget, campaign_budget.period, campaign_budget.explicitly_shared FROM campaign WHERE campaign.id = ${campaign}`,
      );
      const row = rows[0];
      const resourceName = row?.campaign?.campaignBudget;
      if (!resourceName) throw new AdPlatformError('google', 'rejected', `Google Ads has no campaign ${campaign} with a budget in customer ${formatCustomerId(googleCustomerId(account.externalId))}.`);
      if (row.campaignBudget?.explicitlyShared) {
        throw new AdPlatformError('google', 'rejected', `Campaign ${campaign}'s budget is shared with other campaigns; change it in Google Ads, where the other campaigns it feeds are shown.`);
      }
      const update: Record<string, string> = { resourceName };
      const mask: string[] = [];
      if (budget.daily !== undefined) {
        update.amountMicros = toMicros(budget.daily);
        mask.push('amount_micros');
      }
      if (budget.lifetime !== undefined) {
        update.totalAmountMicros = toMicros(budget.lifetime);
        mask.push('total_amount_micros');
      }
      await mutate(accessToken, account, 'campaignBudgets', { update, updateMask: mask.join(',') }, `changing campaign ${campaign}'s budget`);
    },
  };
}

const CUSTOMER_CLIENT_QUERY =
  'SELECT customer_client.client_customer, customer_client.id, customer_client.descriptive_name, customer_client.currency_code, customer_client.time_zone, customer_client.manager, customer_client.level, customer_client.status FROM customer_client WHERE customer_client.level <= 1';

const CAMPAIGN_QUERY =
  "SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type, campaign_budget.amount_micros, campaign_budget.total_amount_micros, campaign_budget.period FROM campaign WHERE campaign.status != 'REMOVED'";

type Int64 = string | number;

/** A GoogleAdsRow as REST JSON names it (lowerCamelCase, int64 as strings). */
interface GoogleAdsRow {
  customerClient?: {
    clientCustomer?: string;
    id?: Int64;
    descriptiveName?: string;
    currencyCode?: string;
    timeZone?: string;
    manager?: boolean;
    level?: Int64;
    status?: string;
  };
  campaign?: { id?: Int64; name?: string; status?: string; advertisingChannelType?: string; campaignBudget?: string };
  campaignBudget?: { amountMicros?: Int64; totalAmountMicros?: Int64; period?: string; explicitlyShared?: boolean };
  segments?: { date?: string };
  metrics?: {
    costMicros?: Int64;
    impressions?: Int64;
    clicks?: Int64;
    conversions?: number | string;
    conversionsValue?: number | string;
    videoViews?: Int64;
    videoTrueviewViews?: Int64;
    videoQuartileP25Rate?: number | string;
    videoQuartileP50Rate?: number | string;
    videoQuartileP75Rate?: number | string;
    videoQuartileP100Rate?: number | string;
  };
}

interface GoogleTokenAnswer {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
  id_token?: string;
}

function toTokens(answer: GoogleTokenAnswer, previousRefreshToken: string | null): AdTokens {
  const expiresIn = Number(answer.expires_in);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previousRefreshToken,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
    scopes: typeof answer.scope === 'string' ? answer.scope.split(/\s+/).filter(Boolean) : [],
  };
}

/**
 * The id token's claims. It comes straight from Google's token endpoint over TLS, so, as Google's
 * OpenID Connect guide allows for that case, its signature is not checked here.
 */
function idTokenClaims(idToken: string | undefined): { sub?: string; email?: string; name?: string } | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; email?: unknown; name?: unknown };
    return {
      sub: typeof claims.sub === 'string' ? claims.sub : undefined,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      name: typeof claims.name === 'string' ? claims.name : undefined,
    };
  } catch {
    return null;
  }
}

/** Micros (an int64 string) to currency units; the division is exact to the double nearest the decimal. */
function micros(value: Int64 | undefined): number {
  if (value === undefined || value === '') return 0;
  return Number(value) / MICROS;
}

function whole(value: Int64 | undefined): number {
  if (value === undefined || value === '') return 0;
  return Number(value);
}

function decimal(value: number | string | undefined): number {
  if (value === undefined || value === '') return 0;
  return Number(value);
}

/** Currency units to micros, rounded to the cent (Google wants budgets in multiples of the currency's smallest unit). */
function toMicros(amount: number): string {
  return String(Math.round(amount * 100) * 10_000);
}

function numericId(value: string): string {
  const id = value.trim();
  if (!/^\d{1,20}$/.test(id)) throw new AdPlatformError('google', 'rejected', `"${id.slice(0, 40)}" is not a Google Ads campaign id (digits only).`);
  return id;
}

function checkRange(range: DateRange): void {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(range.from) || !day.test(range.to)) throw new AdPlatformError('google', 'rejected', `Dates must be YYYY-MM-DD (got ${range.from.slice(0, 12)} to ${range.to.slice(0, 12)}).`);
  if (range.from > range.to) throw new AdPlatformError('google', 'rejected', `The range starts after it ends (${range.from} to ${range.to}).`);
}

export function formatCustomerId(id: string): string {
  return id.length === 10 ? `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}` : id;
}
