import { createHmac } from 'node:crypto';
import { joinUrl } from '../../../content/connectors/connector-http.ts';
import { adsRequest, adsStatusFailure, jsonOrUndefined, unexpectedShape, type AdsFailure, type AdsHttpDeps, type AdsResponse } from '../http.ts';

/**
 * Graph API calls for the Marketing API: the version in the path, the access token and its
 * `appsecret_proof` (HMAC-SHA256 of the token keyed with the app secret) on every call when the app
 * secret is set, Graph's error body read into the connectors' kinds, Meta's rate-limit headers read
 * into a wait, and cursor paging.
 *
 * Errors ("Handling Errors"): `{ error: { message, type, code, error_subcode, is_transient, fbtrace_id } }`.
 * - 190 (any subcode: expired, password changed, app removed): the grant is gone, kind `revoked`.
 * - 4, 17, 32, 613, 80000-80014 (app, user, page, ad-account and business-use-case throttles): `rate_limited`,
 *   waiting what `x-business-use-case-usage` (estimated_time_to_regain_access, minutes) or
 *   `x-ad-account-usage` (reset_time_duration, seconds) says, else back-off.
 * - 1, 2, `is_transient`: `unavailable` (retried). 10, 200-299 (permissions), 100 (bad parameter) and the rest: `rejected`.
 */

export const META_DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const META_DEFAULT_DIALOG_URL = 'https://www.facebook.com';
export const META_DEFAULT_API_VERSION = 'v24.0';

export interface GraphSettings {
  /** The Graph root without the version (a version at its end is used as the version). */
  graphUrl: string;
  apiVersion: string;
  appSecret: string;
  deps: AdsHttpDeps;
}

export interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; is_transient?: boolean; error_user_msg?: string; fbtrace_id?: string };
}

export interface Paged<T> {
  data?: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

const THROTTLE_CODES = new Set([4, 17, 32, 613]);

/** Graph's answer read as a failure (or undefined for a success). */
export function classifyGraph(response: AdsResponse): AdsFailure | undefined {
  const body = jsonOrUndefined<GraphErrorBody>(response);
  const error = body?.error;
  if (response.status < 400 && !error) return undefined;
  if (!error) return adsStatusFailure(response.status, response.status >= 500 ? `HTTP ${response.status}` : `HTTP ${response.status}: ${response.text.slice(0, 200)}`);
  const code = error.code ?? 0;
  const subcode = error.error_subcode ? `, subcode ${error.error_subcode}` : '';
  const message = `${error.error_user_msg ?? error.message ?? 'no message'} (code ${code}${subcode})`;
  if (code === 190 || code === 102) return { kind: 'revoked', message, code };
  if (THROTTLE_CODES.has(code) || (code >= 80000 && code <= 80014) || response.status === 429) {
    return { kind: 'rate_limited', message, code, retryAfterMs: throttleWaitMs(response.headers) };
  }
  if (code === 1 || code === 2 || error.is_transient === true || response.status >= 500) {
    // "Please reduce the amount of data you're asking for" is code 1 too, but retrying the same ask will not help.
    if (asksForLessData(error.message)) return { kind: 'rejected', message, code };
    return { kind: 'unavailable', message, code };
  }
  return { kind: 'rejected', message, code };
}

export function asksForLessData(message: string | undefined): boolean {
  return /reduce the amount of data/i.test(message ?? '');
}

/** One entry of `x-business-use-case-usage` (per business id, a list of use cases). */
export interface BusinessUseCaseUsage {
  type?: string;
  call_count?: number;
  total_cputime?: number;
  total_time?: number;
  /** Minutes until calls are accepted again; 0 when not throttled. */
  estimated_time_to_regain_access?: number;
}

/**
 * How long Meta says to wait, from its usage headers: the longest `estimated_time_to_regain_access`
 * (minutes) over the business use cases, or the ad account's `reset_time_duration` (seconds).
 * Undefined when neither names a wait.
 */
export function throttleWaitMs(headers: Headers): number | undefined {
  let longest = 0;
  for (const entry of businessUseCaseUsage(headers)) longest = Math.max(longest, (entry.estimated_time_to_regain_access ?? 0) * 60_000);
  const account = parseHeaderJson<{ reset_time_duration?: number }>(headers.get('x-ad-account-usage'));
  if (typeof account?.reset_time_duration === 'number') longest = Math.max(longest, account.reset_time_duration * 1000);
  return longest > 0 ? longest : undefined;
}

export function businessUseCaseUsage(headers: Headers): BusinessUseCaseUsage[] {
  const parsed = parseHeaderJson<Record<string, BusinessUseCaseUsage[] | BusinessUseCaseUsage>>(headers.get('x-business-use-case-usage'));
  if (!parsed || typeof parsed !== 'object') return [];
  return Object.values(parsed).flatMap((value) => (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []));
}

/** The highest of call_count, total_cputime and total_time (percentages of the allowance) over the use cases. */
export function highestUsagePercent(headers: Headers): number {
  let highest = 0;
  for (const entry of businessUseCaseUsage(headers)) highest = Math.max(highest, entry.call_count ?? 0, entry.total_cputime ?? 0, entry.total_time ?? 0);
  return highest;
}

function parseHeaderJson<T>(value: string | null): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/** HMAC-SHA256 of the access token keyed with the app secret, hex (Graph's `appsecret_proof`). */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** The version to call and the root it hangs from, from a Graph URL that may end in a version. */
export function splitGraphUrl(graphUrl: string, apiVersion: string | undefined): { root: string; version: string } {
  const trimmed = graphUrl.replace(/\/+$/, '');
  const match = /^(.*)\/(v\d+\.\d+)$/.exec(trimmed);
  if (match) return { root: match[1]!, version: apiVersion ?? match[2]! };
  return { root: trimmed, version: apiVersion ?? META_DEFAULT_API_VERSION };
}

export interface GraphCall {
  method: 'GET' | 'POST';
  /** `act_1/insights`, `me/adaccounts`, `<report_run_id>`. */
  path: string;
  params?: Record<string, string | number | undefined>;
  /** Omitted for the token endpoints, which authenticate with the app's id and secret. */
  accessToken?: string;
}

export class GraphClient {
  private readonly root: string;

  constructor(private readonly settings: GraphSettings) {
    this.root = joinUrl(settings.graphUrl, settings.apiVersion);
  }

  get deps(): AdsHttpDeps {
    return this.settings.deps;
  }

  async call<T>(call: GraphCall): Promise<{ body: T; headers: Headers }> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(call.params ?? {})) if (value !== undefined) params.set(name, String(value));
    const secrets = [this.settings.appSecret];
    if (call.accessToken) {
      params.set('access_token', call.accessToken);
      if (this.settings.appSecret) params.set('appsecret_proof', appSecretProof(call.accessToken, this.settings.appSecret));
      secrets.push(call.accessToken);
    }
    for (const name of ['client_secret', 'fb_exchange_token', 'code']) {
      const value = params.get(name);
      if (value) secrets.push(value);
    }
    const url = new URL(joinUrl(this.root, call.path));
    const label = `${call.method} ${call.path}`;
    let body: URLSearchParams | undefined;
    if (call.method === 'GET') url.search = params.toString();
    else body = params;
    const response = await adsRequest(
      { platform: 'meta', deps: this.settings.deps, secrets, classify: classifyGraph },
      { method: call.method, url, label, body, headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) } },
    );
    const parsed = jsonOrUndefined<T>(response);
    if (parsed === undefined) throw unexpectedShape('meta', label, 'the body is not JSON');
    return { body: parsed, headers: response.headers };
  }

  /**
   * Every row of a paged edge: follows `paging.cursors.after` while Meta sends `paging.next` (its
   * presence is what says there is another page), building each URL here rather than following
   * `next` (which carries the token in its query).
   */
  async *pages<T>(call: GraphCall): AsyncGenerator<T[]> {
    let after: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const { body } = await this.call<Paged<T>>({ ...call, params: { ...call.params, after } });
      if (!Array.isArray(body.data)) throw unexpectedShape('meta', `${call.method} ${call.path}`, 'no data list');
      yield body.data;
      const next = body.paging?.cursors?.after;
      if (!body.paging?.next || !next) return;
      if (seen.has(next)) throw unexpectedShape('meta', `${call.method} ${call.path}`, 'a paging cursor came back twice');
      seen.add(next);
      after = next;
    }
  }

  async all<T>(call: GraphCall): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of this.pages<T>(call)) rows.push(...page);
    return rows;
  }
}
