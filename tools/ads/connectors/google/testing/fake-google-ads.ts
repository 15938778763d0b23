import { randomUUID } from 'node:crypto';
import { bearerToken, startFakeSocialServer, type FakeReply, type FakeRequest, type FakeSocialServer } from '../../../../content/connectors/testing/fake-social-server.ts';

/**
 * A loopback Google for tests: the OAuth sign-in page (redirects back with a code) and token
 * endpoint (code exchange, refresh_token grant, `invalid_grant` once revoked), and the Google Ads
 * REST API the connector calls: `customers:listAccessibleCustomers`, `googleAds:searchStream` over
 * `customer_client` and `campaign` (GAQL read for its SELECT list, FROM, and the WHERE conditions
 * the connector writes), answered as a JSON array of batches (`batchSize` rows each) with int64s as
 * strings and zero values left out as proto3 JSON does; `campaigns:mutate` and
 * `campaignBudgets:mutate`. It checks the developer-token, the bearer token and login-customer-id
 * (a client reached through its manager), answers RESOURCE_EXHAUSTED with a retryDelay on demand,
 * and counts calls.
 */

export const FAKE_GOOGLE_CLIENT_ID = 'crescendo-test.apps.googleusercontent.com';
export const FAKE_GOOGLE_CLIENT_SECRET = 'GOCSPX-test-secret-0123456789';
export const FAKE_GOOGLE_DEVELOPER_TOKEN = 'dev-token-ABCDEFGHIJKLMNOP';

export interface FakeGoogleCustomer {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  manager: boolean;
  parentId: string | null;
  status: 'ENABLED' | 'CANCELED' | 'SUSPENDED' | 'CLOSED';
  campaigns: FakeGoogleCampaign[];
  /** One row per campaign-day, in insertion order. */
  days: FakeGoogleDay[];
  /** searchStream on this customer answers 500 while set. */
  failing: boolean;
}

export interface FakeGoogleCampaign {
  id: string;
  name: string;
  status: 'ENABLED' | 'PAUSED' | 'REMOVED';
  channel: string;
  budget: { resourceName: string; amountMicros: string; totalAmountMicros: string | null; period: 'DAILY' | 'CUSTOM_PERIOD'; shared: boolean };
}

export interface FakeGoogleDay {
  campaignId: string;
  date: string;
  costMicros: string;
  impressions: string;
  clicks: string;
  conversions: number;
  conversionsValue: number;
  videoViews: string;
  /** Fractions of impressions, as GAQL reports them. */
  p25Rate: number;
  p50Rate: number;
  p75Rate: number;
  p100Rate: number;
}

export interface FakeGoogleAdsOptions {
  /** Rows per searchStream batch (Google sends up to 10,000); tests set 2 to get several batches. */
  batchSize?: number;
  apiVersion?: string;
}

export interface FakeGoogleAds {
  url: string;
  server: FakeSocialServer;
  clientId: string;
  clientSecret: string;
  developerToken: string;
  customers: Map<string, FakeGoogleCustomer>;
  /** Ids listAccessibleCustomers returns (the grant's direct accounts). */
  accessible: Set<string>;
  addCustomer(customer: { id: string; name: string; currency?: string; timeZone?: string; manager?: boolean; parentId?: string | null; accessible?: boolean; status?: FakeGoogleCustomer['status'] }): FakeGoogleCustomer;
  addCampaign(customerId: string, campaign: { id: string; name: string; status?: FakeGoogleCampaign['status']; channel?: string; dailyBudgetMicros?: string; totalBudgetMicros?: string | null; sharedBudget?: boolean }): FakeGoogleCampaign;
  addDay(customerId: string, day: Partial<FakeGoogleDay> & { campaignId: string; date: string }): FakeGoogleDay;
  /** `campaigns` campaigns x `days` days of deterministic figures from `from` (a bench or a demo). */
  generate(customerId: string, options: { campaigns: number; days: number; from: string }): void;
  /** A code the token endpoint will exchange once (what the sign-in page would redirect with). */
  issueCode(): string;
  /** Revokes the grant: its refresh and access tokens stop working. */
  revokeAll(): void;
  /** The next `count` Ads API calls answer 429 RESOURCE_EXHAUSTED with `retryDelay`. */
  rateLimitNext(count?: number, retryDelaySeconds?: number): void;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  mutations: Array<{ customerId: string; service: 'campaigns' | 'campaignBudgets'; operation: Record<string, unknown> }>;
  /** Calls by kind: token, listAccessibleCustomers, searchStream, mutate. */
  calls: { token: number; listAccessibleCustomers: number; searchStream: number; mutate: number };
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

export async function startFakeGoogleAds(options: FakeGoogleAdsOptions = {}): Promise<FakeGoogleAds> {
  const version = options.apiVersion ?? 'v26';
  const batchSize = options.batchSize ?? 10_000;
  const customers: FakeGoogleAds['customers'] = new Map();
  const accessible = new Set<string>();
  const codes = new Set<string>();
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const mutations: FakeGoogleAds['mutations'] = [];
  const calls = { token: 0, listAccessibleCustomers: 0, searchStream: 0, mutate: 0 };
  let rateLimited = { count: 0, delaySeconds: 1 };

  const failure = (status: number, statusWord: string, message: string, errorCode?: Record<string, string>, extra?: Record<string, unknown>) => ({
    error: {
      code: status,
      message,
      status: statusWord,
      details: errorCode
        ? [{ '@type': `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`, errors: [{ errorCode, message, ...(extra ? { details: extra } : {}) }], requestId: randomUUID().slice(0, 22) }]
        : [],
    },
  });

  const descendants = (rootId: string): Array<{ customer: FakeGoogleCustomer; level: number }> => {
    const out: Array<{ customer: FakeGoogleCustomer; level: number }> = [];
    const walk = (id: string, level: number) => {
      const customer = customers.get(id);
      if (!customer) return;
      out.push({ customer, level });
      for (const child of customers.values()) if (child.parentId === id) walk(child.id, level + 1);
    };
    walk(rootId, 0);
    return out;
  };
  const isUnder = (id: string, ancestor: string): boolean => {
    for (let current = customers.get(id); current; current = current.parentId ? customers.get(current.parentId) : undefined) {
      if (current.id === ancestor) return true;
    }
    return false;
  };

  /** Ads API checks shared by every call; a reply when the call is refused. */
  const refuse = (request: FakeRequest, wrapInArray: boolean): FakeReply | undefined => {
    const wrap = (body: unknown) => (wrapInArray ? [body] : body);
    if (rateLimited.count > 0) {
      rateLimited.count--;
      const delay = rateLimited.delaySeconds;
      return {
        status: 429,
        body: wrap(failure(429, 'RESOURCE_EXHAUSTED', `Too many requests. Retry in ${delay} seconds.`, { quotaError: 'RESOURCE_EXHAUSTED' }, {
          quotaErrorDetails: { rateScope: 'DEVELOPER', rateName: 'Number of operations for basic access', retryDelay: `${delay}s` },
        })),
      };
    }
    const token = bearerToken(request);
    if (!token || !accessTokens.has(token)) {
      return { status: 401, body: wrap(failure(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', { authenticationError: 'OAUTH_TOKEN_INVALID' })) };
    }
    if (request.headers['developer-token'] !== FAKE_GOOGLE_DEVELOPER_TOKEN) {
      return { status: 401, body: wrap(failure(401, 'UNAUTHENTICATED', 'The developer token is not valid.', { authenticationError: 'DEVELOPER_TOKEN_INVALID' })) };
    }
    return undefined;
  };

  const customerAccess = (request: FakeRequest, customerId: string, wrapInArray: boolean): FakeGoogleCustomer | FakeReply => {
    const wrap = (body: unknown) => (wrapInArray ? [body] : body);
    const customer = customers.get(customerId);
    const login = String(request.headers['login-customer-id'] ?? customerId);
    const allowed = customer && accessible.has(login) && isUnder(customerId, login);
    if (!customer || !allowed) {
      return { status: 403, body: wrap(failure(403, 'PERMISSION_DENIED', "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header.", { authorizationError: 'USER_PERMISSION_DENIED' })) };
    }
    if (customer.status === 'CANCELED' || customer.status === 'CLOSED') {
      return { status: 403, body: wrap(failure(403, 'PERMISSION_DENIED', "The customer account can't be accessed because it is not yet enabled or has been deactivated.", { authorizationError: 'CUSTOMER_NOT_ENABLED' })) };
    }
    if (customer.failing) return { status: 500, body: wrap(failure(500, 'INTERNAL', 'Internal error encountered.', { internalError: 'INTERNAL_ERROR' })) };
    return customer;
  };

  const route = (request: FakeRequest): FakeReply | undefined => {
    const { method, path } = request;
    if (method === 'GET' && path === '/o/oauth2/v2/auth') {
      if (request.query.get('client_id') !== FAKE_GOOGLE_CLIENT_ID) return { status: 400, body: 'Error 401: invalid_client' };
      const redirect = new URL(request.query.get('redirect_uri') ?? '');
      redirect.searchParams.set('code', fake.issueCode());
      redirect.searchParams.set('state', request.query.get('state') ?? '');
      redirect.searchParams.set('scope', request.query.get('scope') ?? '');
      return { status: 302, headers: { location: redirect.toString() } };
    }
    if (method === 'POST' && path === '/token') return tokenEndpoint(request);
    const prefix = `/${version}/`;
    if (!path.startsWith(prefix)) return undefined;
    const rest = path.slice(prefix.length);
    if (method === 'GET' && rest === 'customers:listAccessibleCustomers') {
      calls.listAccessibleCustomers++;
      const refused = refuse(request, false);
      if (refused) return refused;
      return { status: 200, body: { resourceNames: [...accessible].map((id) => `customers/${id}`) } };
    }
    const stream = /^customers\/(\d+)\/googleAds:searchStream$/.exec(rest);
    if (method === 'POST' && stream) {
      calls.searchStream++;
      const refused = refuse(request, true);
      if (refused) return refused;
      const customer = customerAccess(request, stream[1]!, true);
      if (!('campaigns' in customer)) return customer;
      return searchStream(customer, String(request.json?.query ?? ''));
    }
    const mutate = /^customers\/(\d+)\/(campaigns|campaignBudgets):mutate$/.exec(rest);
    if (method === 'POST' && mutate) {
      calls.mutate++;
      const refused = refuse(request, false);
      if (refused) return refused;
      const customer = customerAccess(request, mutate[1]!, false);
      if (!('campaigns' in customer)) return customer;
      return applyMutation(customer, mutate[2] as 'campaigns' | 'campaignBudgets', request.json ?? {});
    }
    return undefined;
  };

  const tokenEndpoint = (request: FakeRequest): FakeReply => {
    calls.token++;
    const form = request.form ?? new URLSearchParams();
    if (form.get('client_id') !== FAKE_GOOGLE_CLIENT_ID || form.get('client_secret') !== FAKE_GOOGLE_CLIENT_SECRET) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      if (!form.get('redirect_uri')) return { status: 400, body: { error: 'invalid_request', error_description: 'Missing parameter: redirect_uri' } };
      if (!codes.delete(code)) return { status: 400, body: { error: 'invalid_grant', error_description: 'Malformed auth code.' } };
      const refreshToken = `1//0g-refresh-${randomUUID()}`;
      refreshTokens.add(refreshToken);
      const claims = Buffer.from(JSON.stringify({ iss: 'https://accounts.google.com', sub: '109876543210987654321', email: 'ads.manager@example.com', aud: FAKE_GOOGLE_CLIENT_ID })).toString('base64url');
      return {
        status: 200,
        body: {
          access_token: newAccessToken(),
          expires_in: 3599,
          refresh_token: refreshToken,
          scope: 'https://www.googleapis.com/auth/adwords openid https://www.googleapis.com/auth/userinfo.email',
          token_type: 'Bearer',
          id_token: `eyJhbGciOiJSUzI1NiJ9.${claims}.c2lnbmF0dXJl`,
        },
      };
    }
    if (grant === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      return { status: 200, body: { access_token: newAccessToken(), expires_in: 3599, scope: 'https://www.googleapis.com/auth/adwords', token_type: 'Bearer' } };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${grant}` } };
  };

  const newAccessToken = () => {
    const token = `ya29.fake-${randomUUID()}`;
    accessTokens.add(token);
    return token;
  };

  const searchStream = (customer: FakeGoogleCustomer, query: string): FakeReply => {
    const parsed = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?\s*$/is.exec(query);
    if (!parsed) return { status: 400, body: [failure(400, 'INVALID_ARGUMENT', 'Error in query: unexpected input.', { queryError: 'UNEXPECTED_INPUT' })] };
    const fields = parsed[1]!.split(',').map((field) => field.trim());
    const resource = parsed[2]!;
    const where = parsed[3] ?? '';
    /** Each row as a function from a GAQL field to its value (no per-row maps, so 100,000 rows stay quick). */
    let flat: Array<(field: string) => unknown>;
    if (resource === 'customer_client') {
      const maxLevel = Number(/customer_client\.level\s*<=\s*(\d+)/.exec(where)?.[1] ?? 99);
      flat = descendants(customer.id)
        .filter((entry) => entry.level <= maxLevel)
        .map(({ customer: client, level }) => (field: string) => customerClientValue(client, level, field));
    } else if (resource === 'campaign') {
      const between = /segments\.date\s+BETWEEN\s+'(\d{4}-\d{2}-\d{2})'\s+AND\s+'(\d{4}-\d{2}-\d{2})'/i.exec(where);
      const oneCampaign = /campaign\.id\s*=\s*(\d+)/.exec(where)?.[1];
      const campaignOf = new Map(customer.campaigns.map((campaign) => [campaign.id, campaign]));
      if (fields.includes('segments.date')) {
        if (!between) return { status: 400, body: [failure(400, 'INVALID_ARGUMENT', 'Filtering by date is required when segments.date is selected.', { queryError: 'EXPECTED_FILTERS_ON_DATE_RANGE' })] };
        const [from, to] = [between[1]!, between[2]!];
        flat = [];
        for (const day of customer.days) {
          if (day.date < from || day.date > to || (oneCampaign && day.campaignId !== oneCampaign)) continue;
          const campaign = campaignOf.get(day.campaignId);
          if (!campaign) continue;
          flat.push((field) => (field.startsWith('campaign') ? campaignValue(campaign, field) : dayValue(day, field)));
        }
      } else {
        const excludeRemoved = /campaign\.status\s*!=\s*'REMOVED'/.test(where);
        flat = customer.campaigns
          .filter((campaign) => (!oneCampaign || campaign.id === oneCampaign) && (!excludeRemoved || campaign.status !== 'REMOVED'))
          .map((campaign) => (field: string) => campaignValue(campaign, field));
      }
      const versionNumber = Number(version.slice(1));
      const renamed = fields.find((field) => (versionNumber >= 22 ? field === 'metrics.video_views' : field === 'metrics.video_trueview_views'));
      if (renamed) return { status: 400, body: [failure(400, 'INVALID_ARGUMENT', `Unrecognized field in the query: '${renamed}'.`, { queryError: 'UNRECOGNIZED_FIELD' })] };
    } else {
      return { status: 400, body: [failure(400, 'INVALID_ARGUMENT', `Error in query: unsupported resource ${resource}.`, { queryError: 'INVALID_RESOURCE_NAME' })] };
    }
    const paths = fields.map((field) => ({ field, parts: camelPath(field).split('.') }));
    const rows = flat.map((row) => project(paths, row));
    const fieldMask = fields.map(camelPath).join(',');
    const batches: unknown[] = [];
    for (let start = 0; start < rows.length || batches.length === 0; start += batchSize) {
      batches.push({ results: rows.slice(start, start + batchSize), fieldMask, requestId: randomUUID().slice(0, 22) });
      if (rows.length === 0) break;
    }
    // Google sends no `results` on an empty stream; the connector must cope.
    if (rows.length === 0) batches[0] = { fieldMask, requestId: randomUUID().slice(0, 22) };
    return { status: 200, body: batches };
  };

  const applyMutation = (customer: FakeGoogleCustomer, service: 'campaigns' | 'campaignBudgets', body: Record<string, unknown>): FakeReply => {
    const operation = (Array.isArray(body.operations) ? body.operations[0] : undefined) as { update?: Record<string, unknown>; updateMask?: string } | undefined;
    const update = operation?.update;
    if (!update || typeof update.resourceName !== 'string' || !operation.updateMask) {
      return { status: 400, body: failure(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', { requestError: 'REQUIRED_FIELD_MISSING' }) };
    }
    if (service === 'campaigns') {
      const campaign = customer.campaigns.find((candidate) => `customers/${customer.id}/campaigns/${candidate.id}` === update.resourceName);
      if (!campaign) return { status: 400, body: failure(400, 'INVALID_ARGUMENT', 'Resource was not found.', { mutateError: 'RESOURCE_NOT_FOUND' }) };
      if (operation.updateMask.split(',').includes('status')) campaign.status = update.status as FakeGoogleCampaign['status'];
    } else {
      const campaign = customer.campaigns.find((candidate) => candidate.budget.resourceName === update.resourceName);
      if (!campaign) return { status: 400, body: failure(400, 'INVALID_ARGUMENT', 'Resource was not found.', { mutateError: 'RESOURCE_NOT_FOUND' }) };
      for (const [field, key] of [['amount_micros', 'amountMicros'], ['total_amount_micros', 'totalAmountMicros']] as const) {
        if (!operation.updateMask.split(',').includes(field)) continue;
        const value = String(update[key] ?? '');
        if (!/^\d+$/.test(value) || Number(value) % 10_000 !== 0) {
          return { status: 400, body: failure(400, 'INVALID_ARGUMENT', 'The budget amount must be a multiple of the minimum currency unit.', { campaignBudgetError: 'NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT' }) };
        }
        campaign.budget[key] = value;
      }
    }
    mutations.push({ customerId: customer.id, service, operation: operation as Record<string, unknown> });
    return { status: 200, body: { results: [{ resourceName: update.resourceName }] } };
  };

  const server = await startFakeSocialServer([route]);
  const fake: FakeGoogleAds = {
    url: server.url,
    server,
    clientId: FAKE_GOOGLE_CLIENT_ID,
    clientSecret: FAKE_GOOGLE_CLIENT_SECRET,
    developerToken: FAKE_GOOGLE_DEVELOPER_TOKEN,
    customers,
    accessible,
    accessTokens,
    refreshTokens,
    mutations,
    calls,
    addCustomer(input) {
      const customer: FakeGoogleCustomer = {
        id: input.id,
        name: input.name,
        currency: input.currency ?? 'USD',
        timeZone: input.timeZone ?? 'America/New_York',
        manager: input.manager ?? false,
        parentId: input.parentId ?? null,
        status: input.status ?? 'ENABLED',
        campaigns: [],
        days: [],
        failing: false,
      };
      customers.set(customer.id, customer);
      if (input.accessible ?? customer.parentId === null) accessible.add(customer.id);
      return customer;
    },
    addCampaign(customerId, input) {
      const customer = customers.get(customerId)!;
      const campaign: FakeGoogleCampaign = {
        id: input.id,
        name: input.name,
        status: input.status ?? 'ENABLED',
        channel: input.channel ?? 'SEARCH',
        budget: {
          resourceName: `customers/${customerId}/campaignBudgets/${9000 + customer.campaigns.length}${input.id.slice(-4)}`,
          amountMicros: input.dailyBudgetMicros ?? '50000000',
          totalAmountMicros: input.totalBudgetMicros ?? null,
          period: 'DAILY',
          shared: input.sharedBudget ?? false,
        },
      };
      customer.campaigns.push(campaign);
      return campaign;
    },
    addDay(customerId, input) {
      const day: FakeGoogleDay = {
        costMicros: '0', impressions: '0', clicks: '0', conversions: 0, conversionsValue: 0, videoViews: '0', p25Rate: 0, p50Rate: 0, p75Rate: 0, p100Rate: 0,
        ...input,
      };
      customers.get(customerId)!.days.push(day);
      return day;
    },
    generate(customerId, { campaigns, days, from }) {
      const start = Date.parse(`${from}T00:00:00Z`);
      for (let c = 0; c < campaigns; c++) {
        const campaign = fake.addCampaign(customerId, { id: String(20_000_000_000 + c), name: `Generated campaign ${c + 1}`, channel: c % 3 === 0 ? 'VIDEO' : 'SEARCH' });
        for (let d = 0; d < days; d++) {
          const impressions = 1_000 + ((c * 37 + d * 11) % 500);
          const video = campaign.channel === 'VIDEO';
          fake.addDay(customerId, {
            campaignId: campaign.id,
            date: new Date(start + d * DAY_MS).toISOString().slice(0, 10),
            costMicros: String((5_000 + ((c * 13 + d * 7) % 1_000)) * 10_000),
            impressions: String(impressions),
            clicks: String(Math.floor(impressions / 40)),
            conversions: (c + d) % 4,
            conversionsValue: ((c + d) % 4) * 12.5,
            videoViews: video ? String(Math.floor(impressions / 3)) : '0',
            p25Rate: video ? 0.6 : 0,
            p50Rate: video ? 0.4 : 0,
            p75Rate: video ? 0.3 : 0,
            p100Rate: video ? 0.2 : 0,
          });
        }
      }
    },
    issueCode() {
      const code = `4/0A-fake-${randomUUID()}`;
      codes.add(code);
      return code;
    },
    revokeAll() {
      refreshTokens.clear();
      accessTokens.clear();
    },
    rateLimitNext(count = 1, retryDelaySeconds = 1) {
      rateLimited = { count, delaySeconds: retryDelaySeconds };
    },
    close: () => server.close(),
  };
  return fake;
}

/** `metrics.cost_micros` -> `metrics.costMicros`. */
function camelPath(field: string): string {
  return field
    .split('.')
    .map((part) => part.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()))
    .join('.');
}

/** The selected fields as nested REST JSON, leaving out what proto3 JSON leaves out (zero, false, empty). */
function project(paths: Array<{ field: string; parts: string[] }>, valueOf: (field: string) => unknown): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { field, parts } of paths) {
    const value = valueOf(field);
    if (value === undefined || value === null || value === 0 || value === '0' || value === false || value === '') continue;
    let node = row;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return row;
}

function customerClientValue(client: FakeGoogleCustomer, level: number, field: string): unknown {
  switch (field) {
    case 'customer_client.client_customer': return `customers/${client.id}`;
    case 'customer_client.id': return client.id;
    case 'customer_client.descriptive_name': return client.name;
    case 'customer_client.currency_code': return client.currency;
    case 'customer_client.time_zone': return client.timeZone;
    case 'customer_client.manager': return client.manager;
    case 'customer_client.level': return String(level);
    case 'customer_client.status': return client.status;
    default: return undefined;
  }
}

function campaignValue(campaign: FakeGoogleCampaign, field: string): unknown {
  switch (field) {
    case 'campaign.id': return campaign.id;
    case 'campaign.name': return campaign.name;
    case 'campaign.status': return campaign.status;
    case 'campaign.advertising_channel_type': return campaign.channel;
    case 'campaign.campaign_budget': return campaign.budget.resourceName;
    case 'campaign_budget.amount_micros': return campaign.budget.amountMicros;
    case 'campaign_budget.total_amount_micros': return campaign.budget.totalAmountMicros ?? undefined;
    case 'campaign_budget.period': return campaign.budget.period;
    case 'campaign_budget.explicitly_shared': return campaign.budget.shared;
    default: return undefined;
  }
}

function dayValue(day: FakeGoogleDay, field: string): unknown {
  switch (field) {
    case 'segments.date': return day.date;
    case 'metrics.cost_micros': return day.costMicros;
    case 'metrics.impressions': return day.impressions;
    case 'metrics.clicks': return day.clicks;
    case 'metrics.conversions': return day.conversions;
    case 'metrics.conversions_value': return day.conversionsValue;
    case 'metrics.video_views':
    case 'metrics.video_trueview_views': return day.videoViews;
    case 'metrics.video_quartile_p25_rate': return day.p25Rate;
    case 'metrics.video_quartile_p50_rate': return day.p50Rate;
    case 'metrics.video_quartile_p75_rate': return day.p75Rate;
    case 'metrics.video_quartile_p100_rate': return day.p100Rate;
    default: return undefined;
  }
}
