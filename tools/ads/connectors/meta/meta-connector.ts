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
import { pollAds, unexpectedShape, type AdsHttpDeps } from '../http.ts';
import { asksForLessData, GraphClient, highestUsagePercent, META_DEFAULT_DIALOG_URL, splitGraphUrl, type GraphCall } from './meta-graph.ts';
import { META_CONVERSION_ACTION_TYPES, META_INSIGHT_FIELDS, metricsFromInsightRow, type MetaInsightRow } from './meta-insights.ts';
import { budgetFromMinor, budgetToMinor } from './meta-money.ts';

/**
 * The Meta Marketing API connector (Graph API), as documented:
 * - OAuth: the dialog at `https://www.facebook.com/<version>/dialog/oauth`; `GET oauth/access_token`
 *   turns the code into a short-lived token, and `grant_type=fb_exchange_token` that into a
 *   long-lived one (about 60 days). Meta issues no refresh token: the long-lived token is given as
 *   `refreshToken` too, and `refresh` exchanges it again while it is valid; once Meta answers 190
 *   (expired, password changed, app removed) the grant is `revoked` and someone connects again.
 * - Accounts: `me/adaccounts` (account_id, name, currency, timezone_name, business). Each Meta
 *   business the accounts belong to is listed first as a manager account (no campaigns of its own;
 *   currency and time zone of its first ad account), and is each account's parent.
 * - Campaigns: `act_<id>/campaigns`; status is `effective_status` (what is actually running:
 *   ACTIVE, PAUSED, CAMPAIGN_PAUSED, IN_PROCESS, WITH_ISSUES...), else `status`; budgets from minor units.
 * - Daily metrics: `act_<id>/insights` at campaign level with `time_increment=1`, all cursor pages,
 *   archived and deleted campaigns included (a `campaign.effective_status` filter; Meta leaves them out
 *   otherwise), attribution as set on each ad set (`use_unified_attribution_setting`, as Ads Manager).
 *   A range longer than `asyncAfterDays` (31) runs as an asynchronous report run (POST the same
 *   query, poll the run until "Job Completed" at 100 %, then page its insights); so does a short one
 *   Meta refuses with "reduce the amount of data".
 * - Writes: `POST /<campaign_id>` with `status=PAUSED`, or `daily_budget` / `lifetime_budget` in
 *   minor units. Both set a value, so repeating one is harmless (Meta takes no idempotency key).
 * Every call carries `appsecret_proof` when the app secret is set.
 */

export interface MetaAdsSettings {
  /** Graph API root, `https://graph.facebook.com` (META_GRAPH_URL); a version at its end is used as the version. */
  graphUrl: string;
  appId: string;
  appSecret: string;
  /** `v24.0` unless set (or given at the end of graphUrl). */
  apiVersion?: string;
  /** Where the login dialog lives; `https://www.facebook.com`. */
  dialogUrl?: string;
  /** Permissions asked for at sign-in. */
  scopes?: string[];
  /** The action types read as conversions, first present wins (see meta-insights.ts). */
  conversionActionTypes?: string[];
  /** Ranges longer than this many days run as async report runs; 31. */
  asyncAfterDays?: number;
  deps?: AdsHttpDeps;
}

export const META_AD_SCOPES = ['ads_read', 'ads_management', 'business_management'];

/** Every campaign effective status, archived and deleted included: the insights filter that keeps their history. */
export const META_CAMPAIGN_STATUSES = ['ACTIVE', 'PAUSED', 'IN_PROCESS', 'WITH_ISSUES', 'ARCHIVED', 'DELETED'];

/** Rows per page asked for: Meta caps what it sends, and the cursor carries on. */
const INSIGHTS_PAGE = 500;
const LIST_PAGE = 200;

interface TokenAnswer {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
}

interface MetaAdAccountNode {
  id?: string;
  account_id?: string;
  name?: string;
  currency?: string;
  timezone_name?: string;
  business?: { id?: string; name?: string } | null;
}

interface MetaCampaignNode {
  id?: string;
  name?: string;
  status?: string;
  effective_status?: string;
  objective?: string;
  daily_budget?: string;
  lifetime_budget?: string;
}

interface ReportRun {
  id?: string;
  async_status?: string;
  async_percent_completion?: number;
}

export function createMetaAdsConnector(settings: MetaAdsSettings): AdConnector {
  const { root, version } = splitGraphUrl(settings.graphUrl, settings.apiVersion);
  const deps = settings.deps ?? {};
  const graph = new GraphClient({ graphUrl: root, apiVersion: version, appSecret: settings.appSecret, deps });
  const now = () => (deps.now ? deps.now() : new Date());
  const conversionTypes = settings.conversionActionTypes?.length ? settings.conversionActionTypes : META_CONVERSION_ACTION_TYPES;
  const asyncAfterDays = settings.asyncAfterDays ?? 31;

  const tokens = (answer: TokenAnswer, label: string): AdTokens => {
    if (!answer.access_token) throw unexpectedShape('meta', label, 'no access_token');
    const expiresAt = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? new Date(now().getTime() + answer.expires_in * 1000) : null;
    return { accessToken: answer.access_token, refreshToken: answer.access_token, expiresAt, scopes: [] };
  };

  const exchangeForLongLived = async (token: string): Promise<AdTokens> => {
    const { body } = await graph.call<TokenAnswer>({
      method: 'GET',
      path: 'oauth/access_token',
      params: { grant_type: 'fb_exchange_token', client_id: settings.appId, client_secret: settings.appSecret, fb_exchange_token: token },
    });
    return tokens(body, 'GET oauth/access_token (fb_exchange_token)');
  };

  const grantedScopes = async (accessToken: string): Promise<string[]> => {
    const rows = await graph.all<{ permission?: string; status?: string }>({ method: 'GET', path: 'me/permissions', accessToken });
    return rows.filter((row) => row.status === 'granted' && row.permission).map((row) => row.permission!);
  };

  const insightParams = (range: DateRange): Record<string, string> => ({
    level: 'campaign',
    time_increment: '1',
    time_range: JSON.stringify({ since: range.from, until: range.to }),
    fields: META_INSIGHT_FIELDS.join(','),
    // Attribution as each ad set is set up, so the figures match Ads Manager's.
    use_unified_attribution_setting: 'true',
    // Without it, an account's insights leave out archived and deleted campaigns, whose past spend still counts.
    filtering: JSON.stringify([{ field: 'campaign.effective_status', operator: 'IN', value: META_CAMPAIGN_STATUSES }]),
  });

  /** Reads pages of insight rows into metrics, slowing down when Meta's usage header nears its ceiling. */
  const readInsights = async (call: GraphCall): Promise<DailyCampaignMetrics[]> => {
    const metrics: DailyCampaignMetrics[] = [];
    const label = `${call.method} ${call.path}`;
    let after: string | undefined;
    for (;;) {
      const { body, headers } = await graph.call<{ data?: MetaInsightRow[]; paging?: { cursors?: { after?: string }; next?: string } }>({ ...call, params: { ...call.params, after } });
      if (!Array.isArray(body.data)) throw unexpectedShape('meta', label, 'no data list');
      for (const row of body.data) {
        try {
          metrics.push(metricsFromInsightRow(row, conversionTypes));
        } catch (error) {
          throw unexpectedShape('meta', label, `campaign ${row.campaign_id ?? '?'} on ${row.date_start ?? '?'}: ${(error as Error).message}`);
        }
      }
      const next = body.paging?.cursors?.after;
      if (!body.paging?.next || !next) return metrics;
      if (next === after) throw unexpectedShape('meta', label, 'a paging cursor came back twice');
      after = next;
      await pace(deps, headers);
    }
  };

  const asyncInsights = async (accountPath: string, range: DateRange, accessToken: string): Promise<DailyCampaignMetrics[]> => {
    const { body } = await graph.call<{ report_run_id?: string }>({ method: 'POST', path: `${accountPath}/insights`, params: insightParams(range), accessToken });
    const runId = body.report_run_id;
    if (!runId || !/^\d+$/.test(runId)) throw unexpectedShape('meta', `POST ${accountPath}/insights`, 'no report_run_id');
    let lastSeen: ReportRun | undefined;
    const done = await pollAds(deps, async () => {
      const { body: run } = await graph.call<ReportRun>({ method: 'GET', path: runId, params: { fields: 'id,async_status,async_percent_completion' }, accessToken });
      lastSeen = run;
      if (run.async_status === 'Job Failed' || run.async_status === 'Job Skipped') {
        throw new AdPlatformError('meta', 'unavailable', `Meta's report run for ${accountPath} from ${range.from} to ${range.to} ended "${run.async_status}"; the sync will ask again.`);
      }
      return run.async_status === 'Job Completed' && (run.async_percent_completion ?? 100) >= 100 ? run : undefined;
    });
    if (!done) {
      throw new AdPlatformError(
        'meta',
        'unavailable',
        `Meta's report run for ${accountPath} from ${range.from} to ${range.to} was still "${lastSeen?.async_status ?? 'not started'}" (${lastSeen?.async_percent_completion ?? 0} %) after ${deps.maxPolls ?? 120} polls; the sync will ask again.`,
      );
    }
    return readInsights({ method: 'GET', path: `${runId}/insights`, params: { limit: INSIGHTS_PAGE }, accessToken });
  };

  return {
    platform: 'meta',

    authorizationUrl({ state, redirectUri }) {
      const url = new URL(`${(settings.dialogUrl ?? META_DEFAULT_DIALOG_URL).replace(/\/+$/, '')}/${version}/dialog/oauth`);
      url.searchParams.set('client_id', settings.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', (settings.scopes ?? META_AD_SCOPES).join(','));
      return url.toString();
    },

    async exchangeCode({ code, redirectUri }): Promise<AdGrant> {
      const { body } = await graph.call<TokenAnswer>({
        method: 'GET',
        path: 'oauth/access_token',
        params: { client_id: settings.appId, redirect_uri: redirectUri, client_secret: settings.appSecret, code },
      });
      const shortLived = tokens(body, 'GET oauth/access_token (code)');
      const longLived = await exchangeForLongLived(shortLived.accessToken);
      const { body: me } = await graph.call<{ id?: string; name?: string }>({ method: 'GET', path: 'me', params: { fields: 'id,name' }, accessToken: longLived.accessToken });
      if (!me.id) throw unexpectedShape('meta', 'GET me', 'no id');
      return { ...longLived, scopes: await grantedScopes(longLived.accessToken), externalUserId: me.id, displayName: me.name ?? me.id };
    },

    async refresh(refreshToken) {
      const renewed = await exchangeForLongLived(refreshToken);
      return { ...renewed, scopes: await grantedScopes(renewed.accessToken) };
    },

    async listAccounts(accessToken) {
      const nodes = await graph.all<MetaAdAccountNode>({
        method: 'GET',
        path: 'me/adaccounts',
        params: { fields: 'account_id,name,currency,timezone_name,business', limit: LIST_PAGE },
        accessToken,
      });
      const accounts: DiscoveredAdAccount[] = nodes.map((node) => {
        const externalId = node.account_id ?? node.id?.replace(/^act_/, '');
        if (!externalId || !node.currency || !node.timezone_name) throw unexpectedShape('meta', 'GET me/adaccounts', `an account without ${!externalId ? 'account_id' : !node.currency ? 'currency' : 'timezone_name'}`);
        return { externalId, name: node.name ?? `act_${externalId}`, currency: node.currency, timeZone: node.timezone_name, parentExternalId: node.business?.id ?? null, isManager: false };
      });
      const managers = new Map<string, DiscoveredAdAccount>();
      for (const [index, node] of nodes.entries()) {
        const business = node.business;
        if (!business?.id || managers.has(business.id)) continue;
        const child = accounts[index]!;
        managers.set(business.id, { externalId: business.id, name: business.name ?? `Business ${business.id}`, currency: child.currency, timeZone: child.timeZone, parentExternalId: null, isManager: true });
      }
      return [...managers.values(), ...accounts];
    },

    async listCampaigns(accessToken, account) {
      const accountPath = actPath(account);
      const nodes = await graph.all<MetaCampaignNode>({
        method: 'GET',
        path: `${accountPath}/campaigns`,
        params: { fields: 'id,name,status,effective_status,objective,daily_budget,lifetime_budget', limit: LIST_PAGE },
        accessToken,
      });
      return nodes.map((node): ExternalAdCampaign => {
        if (!node.id) throw unexpectedShape('meta', `GET ${accountPath}/campaigns`, 'a campaign without id');
        try {
          return {
            externalId: node.id,
            name: node.name ?? node.id,
            status: node.effective_status ?? node.status ?? 'UNKNOWN',
            objective: node.objective ?? null,
            dailyBudget: budgetFromMinor(node.daily_budget, account.currency),
            lifetimeBudget: budgetFromMinor(node.lifetime_budget, account.currency),
          };
        } catch (error) {
          throw unexpectedShape('meta', `GET ${accountPath}/campaigns`, `campaign ${node.id}: ${(error as Error).message}`);
        }
      });
    },

    async dailyMetrics(accessToken, account, range) {
      const accountPath = actPath(account);
      const days = daysIn(range);
      if (days > asyncAfterDays) return asyncInsights(accountPath, range, accessToken);
      try {
        return await readInsights({ method: 'GET', path: `${accountPath}/insights`, params: { ...insightParams(range), limit: INSIGHTS_PAGE }, accessToken });
      } catch (error) {
        if (error instanceof AdPlatformError && error.kind === 'rejected' && asksForLessData(error.message)) return asyncInsights(accountPath, range, accessToken);
        throw error;
      }
    },

    async pauseCampaign(accessToken, _account, campaignExternalId) {
      const { body } = await graph.call<{ success?: boolean }>({ method: 'POST', path: campaignPath(campaignExternalId), params: { status: 'PAUSED' }, accessToken });
      if (body.success !== true) throw unexpectedShape('meta', `POST ${campaignExternalId}`, 'no success: true');
    },

    async setCampaignBudget(accessToken, account, campaignExternalId, budget) {
      if (budget.daily === undefined && budget.lifetime === undefined) {
        throw new AdPlatformError('meta', 'rejected', 'A budget change for Meta needs a daily or a lifetime amount.');
      }
      const params: Record<string, string> = {};
      try {
        if (budget.daily !== undefined) params.daily_budget = budgetToMinor(budget.daily, account.currency);
        if (budget.lifetime !== undefined) params.lifetime_budget = budgetToMinor(budget.lifetime, account.currency);
      } catch (error) {
        throw new AdPlatformError('meta', 'rejected', `Meta budget for campaign ${campaignExternalId}: ${(error as Error).message}.`);
      }
      const { body } = await graph.call<{ success?: boolean }>({ method: 'POST', path: campaignPath(campaignExternalId), params, accessToken });
      if (body.success !== true) throw unexpectedShape('meta', `POST ${campaignExternalId}`, 'no success: true');
    },
  };
}

/** `act_<id>`, refusing anything but digits (the id goes into a path). */
function actPath(account: AccountRef): string {
  const id = account.externalId.replace(/^act_/, '');
  if (!/^\d+$/.test(id)) throw new AdPlatformError('meta', 'rejected', `"${account.externalId}" is not a Meta ad account id (digits, as in act_1234567890).`);
  return `act_${id}`;
}

function campaignPath(id: string): string {
  if (!/^\d+$/.test(id)) throw new AdPlatformError('meta', 'rejected', `"${id}" is not a Meta campaign id (digits).`);
  return id;
}

/** Days in an inclusive range; refuses a reversed or malformed one. */
export function daysIn(range: DateRange): number {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(range.from) || !day.test(range.to)) throw new AdPlatformError('meta', 'rejected', `A date range needs two YYYY-MM-DD days, not "${range.from}" to "${range.to}".`);
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (!Number.isFinite(days) || days < 1) throw new AdPlatformError('meta', 'rejected', `The date range ${range.from} to ${range.to} ends before it starts.`);
  return days;
}

/**
 * Slows paging down as Meta's business-use-case usage nears 100 % (at 100 % it stops answering for
 * `estimated_time_to_regain_access` minutes): from 90 %, a pause of 5 s per point above 89, so an
 * account at 95 % waits 30 s between pages.
 */
async function pace(deps: AdsHttpDeps, headers: Headers): Promise<void> {
  const usage = highestUsagePercent(headers);
  if (usage < 90) return;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  await sleep(Math.min(60_000, (usage - 89) * 5_000));
}
