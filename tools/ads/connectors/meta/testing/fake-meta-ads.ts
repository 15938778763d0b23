import { createHmac, randomBytes } from 'node:crypto';
import { startFakeSocialServer, type FakeReply, type FakeRequest, type FakeSocialServer } from '../../../../content/connectors/testing/fake-social-server.ts';

/**
 * A loopback fake of the Meta Marketing API (Graph API), answering in the documented shapes:
 * the OAuth token endpoint (code, then `fb_exchange_token`), `me`, `me/permissions`,
 * `me/adaccounts`, `act_<id>/campaigns`, `act_<id>/insights` (campaign level, one row per campaign
 * and day, cursor paging), asynchronous report runs (POST insights, poll the run, page its
 * insights), campaign updates (`POST /<id>` status or budgets), Graph's error bodies (190 for a
 * revoked token, 80004 with `x-business-use-case-usage` when throttled, code 1 "reduce the amount
 * of data" for a too-large synchronous ask) and the usage header on every account answer.
 *
 * Metrics are generated lazily and deterministically from (account, campaign, day), so it serves
 * 1,000 campaigns x 90 days without holding them; an account can instead be given explicit rows.
 */

export const FAKE_META_APP_ID = '1234567890123456';
export const FAKE_META_APP_SECRET = 'fake-meta-app-secret-0f3c9a';

export interface FakeMetaCampaignSpec {
  id: string;
  name: string;
  status?: string;
  effective_status?: string;
  objective?: string;
  daily_budget?: string;
  lifetime_budget?: string;
}

export interface FakeMetaAccountSpec {
  /** Digits, without act_. */
  id: string;
  name?: string;
  currency?: string;
  timezone?: string;
  business?: { id: string; name: string } | null;
  /** How many campaigns to generate (default 3), or explicit ones. */
  campaigns?: number | FakeMetaCampaignSpec[];
  /** Explicit insight rows in Graph's shape (campaign_id, date_start, spend...) instead of generated ones. */
  rows?: Array<Record<string, unknown>>;
  /** Generated campaigns skip about one day in 23 (no delivery, so no row), as real ones do; false: a row every day. */
  gaps?: boolean;
  /** Generated campaigns deliver on these days only (inclusive); unbounded when unset. */
  from?: string;
  to?: string;
}

export interface FakeMetaAdsOptions {
  appId?: string;
  appSecret?: string;
  accounts?: FakeMetaAccountSpec[];
  /** The largest page sent, whatever `limit` asks (default 500). */
  pageSize?: number;
  /** How many polls a report run answers "Job Running" before "Job Completed" (default 2). */
  asyncPolls?: number;
  /** A synchronous insights ask over more campaign-days than this is refused with code 1 (default 50,000). */
  syncRowLimit?: number;
  user?: { id: string; name: string };
}

export interface FakeMetaCampaignState extends FakeMetaCampaignSpec {
  accountId: string;
}

export interface FakeMetaAds {
  /** The Graph root (no version): META_GRAPH_URL. */
  url: string;
  server: FakeSocialServer;
  appId: string;
  appSecret: string;
  /** A long-lived token the fake accepts, as if someone had connected already. */
  token: string;
  /** The code Meta's dialog would send back to `redirectUri`. */
  authorize(redirectUri: string): string;
  /** Later calls with the token answer 190 (the person removed the app or changed their password). */
  revoke(token: string): void;
  /** The next `count` calls matching `match` (default: any call) answer Meta's throttle: code 80004 with the usage header. */
  rateLimitNext(options: { regainMinutes: number; match?: string | RegExp; code?: number; status?: number; count?: number }): void;
  /** The percentage the usage header reports on ordinary answers (default 4). */
  usagePercent: number;
  /** How many calls matched `METHOD /path`, the path without the version (`POST /2385...`, `GET /act_1/insights`). */
  calls(match: string | RegExp): number;
  campaign(id: string): FakeMetaCampaignState | undefined;
  /** Every campaign update received, in order. */
  updates: Array<{ campaignId: string; fields: Record<string, string> }>;
  /** How many insight rows an account has over a range (generated or explicit). */
  rowCount(accountId: string, from: string, to: string): number;
  close(): Promise<void>;
}

const VERSION_PREFIX = /^\/v\d+\.\d+/;
const OBJECTIVES = ['OUTCOME_AWARENESS', 'OUTCOME_TRAFFIC', 'OUTCOME_SALES', 'OUTCOME_ENGAGEMENT'];

interface Account {
  spec: FakeMetaAccountSpec;
  prefix: string;
  generated: number;
  explicit: FakeMetaCampaignSpec[] | undefined;
}

interface ReportRun {
  accountId: string;
  since: string;
  until: string;
  filtering: string | null;
  pollsLeft: number;
}

export function graphErrorBody(code: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, fbtrace_id: 'AZfakeTrace0001', ...extra } };
}

export async function startFakeMetaAds(options: FakeMetaAdsOptions = {}): Promise<FakeMetaAds> {
  const appId = options.appId ?? FAKE_META_APP_ID;
  const appSecret = options.appSecret ?? FAKE_META_APP_SECRET;
  const pageSize = options.pageSize ?? 500;
  const user = options.user ?? { id: '10229876543210', name: 'Ana Marketer' };
  const accounts = new Map<string, Account>();
  for (const spec of options.accounts ?? [{ id: '1001', name: 'Label Ads EU', currency: 'EUR', timezone: 'Europe/Paris', business: { id: '880001', name: 'Crescendo Agency' } }]) {
    if (!/^\d+$/.test(spec.id)) throw new Error(`fake Meta account ids are digits: ${spec.id}`);
    const explicit = Array.isArray(spec.campaigns) ? spec.campaigns : undefined;
    accounts.set(spec.id, { spec, prefix: `2385${spec.id.slice(-6).padStart(6, '0')}`, generated: explicit ? 0 : ((spec.campaigns as number | undefined) ?? 3), explicit });
  }
  const validTokens = new Set<string>();
  const revoked = new Set<string>();
  const codes = new Map<string, { redirectUri: string; used: boolean }>();
  const overrides = new Map<string, Partial<FakeMetaCampaignSpec>>();
  const runs = new Map<string, ReportRun>();
  const throttles: Array<{ match: string | RegExp | undefined; code: number; regainMinutes: number; status: number }> = [];
  let nextRun = 0;
  const newToken = () => `EAAG${randomBytes(18).toString('hex')}`;
  const token = newToken();
  validTokens.add(token);

  const lineOf = (request: FakeRequest) => `${request.method} ${request.path.replace(VERSION_PREFIX, '')}`;
  const matches = (match: string | RegExp, line: string) => (typeof match === 'string' ? line.startsWith(match) : match.test(line));

  const campaignsOf = (account: Account): FakeMetaCampaignSpec[] => {
    const base = account.explicit ?? Array.from({ length: account.generated }, (_, index) => generatedCampaign(account, index));
    return base.map((campaign) => ({ ...campaign, ...overrides.get(campaign.id) }));
  };
  const findCampaign = (id: string): FakeMetaCampaignState | undefined => {
    for (const account of accounts.values()) {
      if (account.explicit) {
        const found = account.explicit.find((campaign) => campaign.id === id);
        if (found) return { ...found, ...overrides.get(id), accountId: account.spec.id };
      } else if (id.startsWith(account.prefix) && id.length === account.prefix.length + 7) {
        const index = Number(id.slice(account.prefix.length));
        if (index < account.generated) return { ...generatedCampaign(account, index), ...overrides.get(id), accountId: account.spec.id };
      }
    }
    return undefined;
  };

  const statusOf = (campaignId: string) => {
    const campaign = findCampaign(campaignId);
    return campaign ? (campaign.effective_status ?? campaign.status) : undefined;
  };

  const usageHeader = (account: Account | undefined, percent: number, regainMinutes = 0) => {
    const key = account?.spec.business?.id ?? account?.spec.id ?? appId;
    return { 'x-business-use-case-usage': JSON.stringify({ [key]: [{ type: 'ads_insights', call_count: percent, total_cputime: Math.max(1, percent - 2), total_time: Math.max(1, percent - 1), estimated_time_to_regain_access: regainMinutes }] }) };
  };

  const ok = (body: unknown, account?: Account): FakeReply => ({ status: 200, body, headers: usageHeader(account, fake.usagePercent) });

  const route = (request: FakeRequest): FakeReply | undefined => {
    if (!VERSION_PREFIX.test(request.path)) return undefined;
    const line = lineOf(request);
    const params = request.form ?? request.query;
    const path = request.path.replace(VERSION_PREFIX, '').replace(/^\/+/, '');
    if (path === 'oauth/access_token' && request.method === 'GET') return tokenEndpoint(params);

    const accessToken = params.get('access_token') ?? /^(?:Bearer|OAuth) (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!accessToken) return { status: 400, body: graphErrorBody(104, 'An access token is required to request this resource.') };
    if (revoked.has(accessToken)) {
      return { status: 400, body: graphErrorBody(190, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', { error_subcode: 460 }) };
    }
    if (!validTokens.has(accessToken)) return { status: 400, body: graphErrorBody(190, 'Invalid OAuth access token - Cannot parse access token') };
    const proof = params.get('appsecret_proof');
    if (proof !== createHmac('sha256', appSecret).update(accessToken).digest('hex')) {
      return { status: 400, body: graphErrorBody(100, proof ? 'Invalid appsecret_proof provided in the API argument' : 'API calls from the server require an appsecret_proof argument') };
    }

    const [first, second] = path.split('/') as [string, string | undefined];
    const accountId = first.startsWith('act_') ? first.slice(4) : undefined;
    const account = accountId ? accounts.get(accountId) : undefined;
    const throttleIndex = throttles.findIndex((entry) => entry.match === undefined || matches(entry.match, line));
    if (throttleIndex >= 0) {
      const throttle = throttles.splice(throttleIndex, 1)[0]!;
      return {
        status: throttle.status,
        headers: usageHeader(account, 100, throttle.regainMinutes),
        body: graphErrorBody(throttle.code, throttle.code === 17 ? 'User request limit reached' : 'There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.', { error_subcode: throttle.code === 17 ? 2446079 : 2446079, is_transient: true }),
      };
    }

    if (first === 'me' && !second && request.method === 'GET') return ok({ id: user.id, name: user.name });
    if (first === 'me' && second === 'permissions' && request.method === 'GET') {
      return ok({ data: [...['ads_read', 'ads_management', 'business_management', 'public_profile'].map((permission) => ({ permission, status: 'granted' })), { permission: 'pages_show_list', status: 'declined' }] });
    }
    if (first === 'me' && second === 'adaccounts' && request.method === 'GET') {
      const nodes = [...accounts.values()].map(({ spec }) => ({
        id: `act_${spec.id}`,
        account_id: spec.id,
        name: spec.name ?? `Ad account ${spec.id}`,
        currency: spec.currency ?? 'EUR',
        timezone_name: spec.timezone ?? 'Europe/Paris',
        ...(spec.business ? { business: spec.business } : {}),
      }));
      return ok(pageOf(nodes, params, request, pageSize));
    }
    if (accountId !== undefined) {
      if (!account) return { status: 400, body: graphErrorBody(100, `Unsupported get request. Object with ID 'act_${accountId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 }) };
      if (second === 'campaigns' && request.method === 'GET') return ok(pageOf(campaignsOf(account), params, request, pageSize), account);
      if (second === 'insights') {
        const range = readRange(params.get('time_range'));
        if (!range) return { status: 400, body: graphErrorBody(100, '(#100) time_range must be a JSON object with since and until') };
        if (params.get('level') !== 'campaign' || params.get('time_increment') !== '1') return { status: 400, body: graphErrorBody(100, 'The fake serves level=campaign&time_increment=1 only') };
        if (!statusesAsked(params.get('filtering'))) return { status: 400, body: graphErrorBody(100, '(#100) Filtering field campaign.effective_status with operation IN needs a list of values') };
        if (request.method === 'POST') {
          const id = `60000${String(++nextRun).padStart(10, '0')}`;
          runs.set(id, { accountId: account.spec.id, since: range.since, until: range.until, filtering: params.get('filtering'), pollsLeft: options.asyncPolls ?? 2 });
          return ok({ report_run_id: id }, account);
        }
        if (virtualRows(account, range.since, range.until) > (options.syncRowLimit ?? 50_000)) {
          return { status: 500, body: graphErrorBody(1, "Please reduce the amount of data you're asking for, then retry your request", { type: 'OAuthException', error_subcode: 99 }) };
        }
        return ok(insightPage(account, range.since, range.until, params, request, pageSize, statusOf), account);
      }
    }
    const run = runs.get(first);
    if (run && request.method === 'GET') {
      const owner = accounts.get(run.accountId)!;
      if (!second) {
        if (run.pollsLeft > 0) {
          run.pollsLeft--;
          const percent = run.pollsLeft === 0 ? 80 : 30;
          return ok({ id: first, account_id: run.accountId, async_status: 'Job Running', async_percent_completion: percent }, owner);
        }
        return ok({ id: first, account_id: run.accountId, async_status: 'Job Completed', async_percent_completion: 100, date_start: run.since, date_stop: run.until }, owner);
      }
      if (second === 'insights') {
        if (run.pollsLeft > 0) return { status: 400, body: graphErrorBody(2601, 'Error accessing adreport job.', { error_subcode: 1815107 }) };
        const runParams = new URLSearchParams(params);
        if (run.filtering) runParams.set('filtering', run.filtering);
        return ok(insightPage(owner, run.since, run.until, runParams, request, pageSize, statusOf), owner);
      }
    }
    if (request.method === 'POST' && !second && /^\d+$/.test(first)) {
      const campaign = findCampaign(first);
      if (!campaign) return { status: 400, body: graphErrorBody(100, `Unsupported post request. Object with ID '${first}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 }) };
      const fields: Record<string, string> = {};
      for (const name of ['status', 'daily_budget', 'lifetime_budget']) {
        const value = params.get(name);
        if (value !== null) fields[name] = value;
      }
      if (Object.keys(fields).length === 0) return { status: 400, body: graphErrorBody(100, '(#100) No fields to update') };
      if (fields.status && !['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'].includes(fields.status)) return { status: 400, body: graphErrorBody(100, `(#100) Param status must be one of {ACTIVE, PAUSED, DELETED, ARCHIVED}`) };
      for (const name of ['daily_budget', 'lifetime_budget']) {
        if (fields[name] !== undefined && !/^\d+$/.test(fields[name]!)) return { status: 400, body: graphErrorBody(100, `(#100) Param ${name} must be an integer`) };
      }
      fake.updates.push({ campaignId: first, fields });
      const patch: Partial<FakeMetaCampaignSpec> = { ...overrides.get(first), ...fields };
      if (fields.status) patch.effective_status = fields.status;
      overrides.set(first, patch);
      return ok({ success: true }, accounts.get(campaign.accountId));
    }
    return undefined;
  };

  const tokenEndpoint = (params: URLSearchParams): FakeReply => {
    if (params.get('client_id') !== appId || params.get('client_secret') !== appSecret) {
      return { status: 400, body: graphErrorBody(101, 'Error validating client secret.', { type: 'OAuthException' }) };
    }
    if (params.get('grant_type') === 'fb_exchange_token') {
      const current = params.get('fb_exchange_token') ?? '';
      if (revoked.has(current)) return { status: 400, body: graphErrorBody(190, 'Error validating access token: The user has not authorized application 1234567890123456.', { error_subcode: 458 }) };
      if (!validTokens.has(current)) return { status: 400, body: graphErrorBody(190, 'Invalid OAuth access token - Cannot parse access token') };
      const longLived = newToken();
      validTokens.add(longLived);
      return { status: 200, body: { access_token: longLived, token_type: 'bearer', expires_in: 5_183_944 } };
    }
    const code = codes.get(params.get('code') ?? '');
    if (!code) return { status: 400, body: graphErrorBody(100, 'Invalid verification code format.', { type: 'OAuthException' }) };
    if (code.used) return { status: 400, body: graphErrorBody(100, 'This authorization code has been used.', { type: 'OAuthException', error_subcode: 36009 }) };
    if (params.get('redirect_uri') !== code.redirectUri) {
      return { status: 400, body: graphErrorBody(100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', { type: 'OAuthException', error_subcode: 36008 }) };
    }
    code.used = true;
    const shortLived = newToken();
    validTokens.add(shortLived);
    return { status: 200, body: { access_token: shortLived, token_type: 'bearer', expires_in: 5_400 } };
  };

  const server = await startFakeSocialServer([route]);
  const fake: FakeMetaAds = {
    url: server.url,
    server,
    appId,
    appSecret,
    token,
    usagePercent: 4,
    updates: [],
    authorize(redirectUri) {
      const code = `AQ${randomBytes(24).toString('hex')}`;
      codes.set(code, { redirectUri, used: false });
      return code;
    },
    revoke(value) {
      revoked.add(value);
      validTokens.delete(value);
    },
    rateLimitNext({ regainMinutes, match, code = 80004, status = 400, count = 1 }) {
      for (let i = 0; i < count; i++) throttles.push({ match, code, regainMinutes, status });
    },
    calls: (match) => server.requests.filter((request) => matches(match, lineOf(request))).length,
    campaign: findCampaign,
    rowCount(accountId, from, to) {
      const account = accounts.get(accountId);
      if (!account) return 0;
      return countRows(account, from, to);
    },
    close: () => server.close(),
  };
  return fake;
}

function generatedCampaign(account: Account, index: number): FakeMetaCampaignSpec {
  const status = index % 4 === 3 ? 'PAUSED' : 'ACTIVE';
  const lifetime = index % 3 === 2;
  return {
    id: `${account.prefix}${String(index).padStart(7, '0')}`,
    name: `${account.spec.name ?? `Account ${account.spec.id}`} · Campaign ${index + 1}`,
    status,
    effective_status: status,
    objective: OBJECTIVES[index % OBJECTIVES.length]!,
    ...(lifetime ? { lifetime_budget: String(250_000 + (index % 7) * 10_000) } : { daily_budget: String(5_000 + (index % 10) * 1_000) }),
  };
}

function readRange(value: string | null): { since: string; until: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { since?: unknown; until?: unknown };
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (typeof parsed.since !== 'string' || typeof parsed.until !== 'string' || !day.test(parsed.since) || !day.test(parsed.until) || parsed.since > parsed.until) return undefined;
    return { since: parsed.since, until: parsed.until };
  } catch {
    return undefined;
  }
}

const DAY_MS = 86_400_000;

/** The days of [since, until] within the account's bounds, as epoch-day numbers. */
function dayBounds(account: Account, since: string, until: string): { first: number; last: number } {
  const toDay = (value: string) => Date.parse(`${value}T00:00:00Z`) / DAY_MS;
  const first = Math.max(toDay(since), account.spec.from ? toDay(account.spec.from) : -Infinity);
  const last = Math.min(toDay(until), account.spec.to ? toDay(account.spec.to) : Infinity);
  return { first, last };
}

function virtualRows(account: Account, since: string, until: string): number {
  if (account.spec.rows) return account.spec.rows.length;
  const { first, last } = dayBounds(account, since, until);
  return Math.max(0, last - first + 1) * account.generated;
}

function countRows(account: Account, since: string, until: string): number {
  if (account.spec.rows) return account.spec.rows.filter((row) => String(row.date_start) >= since && String(row.date_start) <= until).length;
  const { first, last } = dayBounds(account, since, until);
  let count = 0;
  for (let day = first; day <= last; day++) for (let index = 0; index < account.generated; index++) if (delivered(account, index, day)) count++;
  return count;
}

const pageLimit = (params: URLSearchParams, pageSize: number) => Math.max(1, Math.min(pageSize, Number(params.get('limit') ?? 25) || 25));
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const decodeCursor = (cursor: string | null) => (cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^offset:/, '')) || 0 : 0);

/** Graph's page: data, and paging with cursors (and `next` only when there is more). */
function paged(data: unknown[], start: number, end: number, hasMore: boolean, request: FakeRequest): Record<string, unknown> {
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(end) } };
  if (hasMore) {
    const next = new URL(`http://${request.headers.host ?? '127.0.0.1'}${request.path}`);
    for (const [name, value] of request.query) next.searchParams.set(name, value);
    next.searchParams.set('after', encodeCursor(end));
    paging.next = next.toString();
  }
  return { data, paging };
}

function pageOf<T>(items: T[], params: URLSearchParams, request: FakeRequest, pageSize: number): Record<string, unknown> {
  const start = decodeCursor(params.get('after'));
  const end = Math.min(items.length, start + pageLimit(params, pageSize));
  return paged(items.slice(start, end), start, end, end < items.length, request);
}

/**
 * The statuses whose campaigns an insights ask covers: Meta leaves archived and deleted campaigns out
 * unless a `campaign.effective_status` filter names them. Undefined for a malformed filter.
 */
function statusesAsked(value: string | null): Set<string> | undefined {
  const live = new Set(['ACTIVE', 'PAUSED', 'IN_PROCESS', 'WITH_ISSUES', 'CAMPAIGN_PAUSED']);
  if (!value) return live;
  try {
    const filters = JSON.parse(value) as Array<{ field?: string; operator?: string; value?: unknown }>;
    if (!Array.isArray(filters)) return undefined;
    const status = filters.find((filter) => filter.field === 'campaign.effective_status');
    if (!status) return live;
    if (status.operator !== 'IN' || !Array.isArray(status.value)) return undefined;
    return new Set(status.value.map(String));
  } catch {
    return undefined;
  }
}

function insightPage(account: Account, since: string, until: string, params: URLSearchParams, request: FakeRequest, pageSize: number, statusOf: (campaignId: string) => string | undefined): Record<string, unknown> {
  const limit = pageLimit(params, pageSize);
  if (account.spec.rows) {
    const statuses = statusesAsked(params.get('filtering')) ?? new Set<string>();
    const rows = account.spec.rows.filter((row) => String(row.date_start) >= since && String(row.date_start) <= until && statuses.has(statusOf(String(row.campaign_id)) ?? 'ACTIVE'));
    return pageOf(rows, params, request, pageSize);
  }
  const { first, last } = dayBounds(account, since, until);
  const total = Math.max(0, last - first + 1) * account.generated;
  let cursor = decodeCursor(params.get('after'));
  const start = cursor;
  const data: Record<string, unknown>[] = [];
  while (cursor < total && data.length < limit) {
    const day = first + Math.floor(cursor / account.generated);
    const index = cursor % account.generated;
    cursor++;
    if (delivered(account, index, day)) data.push(generatedRow(account, index, day));
  }
  return paged(data, start, cursor, cursor < total, request);
}

/** FNV-1a over the account, campaign and day: the same figures on every run. */
function hash(account: Account, index: number, day: number): number {
  let value = 0x811c9dc5;
  for (const char of `${account.spec.id}|${index}|${day}`) value = Math.imul(value ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return value;
}

function delivered(account: Account, index: number, day: number): boolean {
  return account.spec.gaps === false || hash(account, index, day) % 23 !== 0;
}

function generatedRow(account: Account, index: number, day: number): Record<string, unknown> {
  const h = hash(account, index, day);
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const spendCents = 1_000 + (h % 40_000);
  const impressions = Math.floor((spendCents * (3 + (index % 5))) / 10);
  const clicks = Math.floor((impressions * (5 + (h % 30))) / 1_000);
  const reach = Math.max(1, Math.floor(impressions / (1.1 + ((h >>> 8) % 9) / 10)));
  const purchases = Math.floor((clicks * ((h >>> 4) % 7)) / 100);
  const plays = Math.floor(impressions * 0.3);
  const video = (share: number) => [{ action_type: 'video_view', value: String(Math.floor(plays * share)) }];
  const actions = [{ action_type: 'link_click', value: String(clicks) }];
  const values: Array<{ action_type: string; value: string }> = [];
  if (purchases > 0) {
    for (const type of ['offsite_conversion.fb_pixel_purchase', 'omni_purchase', 'purchase']) actions.push({ action_type: type, value: String(purchases) });
    for (const type of ['offsite_conversion.fb_pixel_purchase', 'omni_purchase', 'purchase']) values.push({ action_type: type, value: ((purchases * 2_499) / 100).toFixed(2) });
  }
  return {
    campaign_id: `${account.prefix}${String(index).padStart(7, '0')}`,
    campaign_name: `${account.spec.name ?? `Account ${account.spec.id}`} · Campaign ${index + 1}`,
    date_start: date,
    date_stop: date,
    spend: (spendCents / 100).toFixed(2),
    impressions: String(impressions),
    clicks: String(clicks),
    reach: String(reach),
    frequency: (impressions / reach).toFixed(6),
    actions,
    ...(values.length ? { action_values: values } : {}),
    video_play_actions: [{ action_type: 'video_view', value: String(plays) }],
    video_p25_watched_actions: video(0.6),
    video_p50_watched_actions: video(0.4),
    video_p75_watched_actions: video(0.25),
    video_p100_watched_actions: video(0.15),
  };
}
