import { DEFAULT_RETRY, realSleep, retryAfterMs, type RetryPolicy } from '../../content/connectors/connector-http.ts';
import { redactSecrets } from '../../content/connectors/publish-error.ts';
import { AdPlatformError, type AdPlatformErrorKind, type ConnectedPlatform } from './ad-connector.ts';

/**
 * The HTTP layer the ad platform connectors share (Meta, Google Ads, TikTok): one request with
 * retries and back-off on what the platform calls transient (429, 5xx, its throttling codes),
 * honouring the wait it asks for (`retry-after`, or what the connector reads from its own headers
 * and bodies, Meta's `x-business-use-case-usage`), timeouts, and `AdPlatformError`s that carry the
 * platform's message with every secret scrubbed. URLs are never put into messages (tokens travel in
 * Graph API query strings); each request names itself with a `label` instead.
 *
 * A wait longer than `retry.maxRetryAfterMs` is not slept here: the error (kind `rate_limited`)
 * carries `retryAfterMs` so the sync job reschedules instead of holding a worker.
 */

export { DEFAULT_RETRY, type RetryPolicy } from '../../content/connectors/connector-http.ts';

/** What a connector is given besides its settings; tests inject a sleep that records instead of waiting. */
export interface AdsHttpDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Per request; default 60 s (insights pages can be slow). */
  timeoutMs?: number;
  /** Polling of asynchronous reports (Meta report runs); default 5 s between polls, 120 polls. */
  pollIntervalMs?: number;
  maxPolls?: number;
  /** The clock, for token expiry; tests pin it. */
  now?: () => Date;
}

export interface AdsRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The full URL; it may carry a token, so it never reaches a message. */
  url: string | URL;
  /** How messages name the call: `GET act_123/insights`, with no query and no token. */
  label: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

export interface AdsResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (once, then the same object); an empty body is `{}`; throws on anything else. */
  json<T>(): T;
}

/** A platform's answer read as a failure: the kind decides whether it is retried here (rate_limited, unavailable) or thrown at once. */
export interface AdsFailure {
  kind: AdPlatformErrorKind;
  /** The platform's own words, for people (secrets are scrubbed afterwards). */
  message: string;
  code?: string | number;
  /** A wait the platform asked for, from its headers or body. */
  retryAfterMs?: number;
}

export interface AdsHttpCall {
  platform: ConnectedPlatform;
  deps: AdsHttpDeps;
  /** Strings that must never appear in an error: tokens, the app secret. */
  secrets: readonly string[];
  /**
   * Reads an answer: a failure for a non-2xx (and for a 2xx whose body says it failed, as TikTok's
   * `code != 0` does), undefined when it is a success. `adsStatusFailure` reads the status alone.
   */
  classify(response: AdsResponse): AdsFailure | undefined;
}

export const AD_PLATFORM_LABELS: Record<ConnectedPlatform, string> = { meta: 'Meta', google: 'Google Ads', tiktok: 'TikTok' };

const DEFAULT_TIMEOUT_MS = 60_000;

export async function adsRequest(call: AdsHttpCall, request: AdsRequest): Promise<AdsResponse> {
  const policy = { ...DEFAULT_RETRY, ...call.deps.retry };
  const sleep = call.deps.sleep ?? realSleep;
  let last: { failure: AdsFailure; status?: number } | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const outcome = await attemptOnce(call, request);
    if (!('failure' in outcome)) return outcome.response;
    last = outcome;
    const retryable = outcome.failure.kind === 'rate_limited' || outcome.failure.kind === 'unavailable';
    if (!retryable) break;
    const wait = outcome.failure.retryAfterMs ?? backoff(policy, attempt);
    if (wait > policy.maxRetryAfterMs) {
      throw toError(call, request, { ...outcome.failure, kind: 'rate_limited', retryAfterMs: wait }, outcome.status);
    }
    if (attempt === policy.attempts) break;
    await sleep(wait);
  }
  throw toError(call, request, last!.failure, last!.status);
}

async function attemptOnce(call: AdsHttpCall, request: AdsRequest): Promise<{ response: AdsResponse } | { failure: AdsFailure; status?: number }> {
  const doFetch = call.deps.fetch ?? fetch;
  const timeoutMs = call.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { failure: { kind: 'unavailable', message: timedOut ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}` : 'the connection failed' } };
  }
  let parsed: { value: unknown } | undefined;
  const answer: AdsResponse = {
    status: response.status,
    headers: response.headers,
    text,
    // Parsed once: the classifier and the caller both read it, and insights pages run to megabytes.
    json<T>() {
      parsed ??= { value: /^\s*$/.test(text) ? {} : JSON.parse(text) };
      return parsed.value as T;
    },
  };
  const failure = call.classify(answer);
  if (failure) return { failure: { ...failure, retryAfterMs: failure.retryAfterMs ?? (transient(failure.kind) ? retryAfterMs(response.headers) : undefined) }, status: response.status };
  return { response: answer };
}

function transient(kind: AdPlatformErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'unavailable';
}

function toError(call: AdsHttpCall, request: AdsRequest, failure: AdsFailure, status?: number): AdPlatformError {
  const label = AD_PLATFORM_LABELS[call.platform];
  const said = failure.message.replace(/\s+/g, ' ').trim().slice(0, 400) || (status ? `HTTP ${status}` : 'no reason given');
  const wait = failure.retryAfterMs !== undefined && failure.kind === 'rate_limited' ? ` Try again in ${describeWait(failure.retryAfterMs)}.` : '';
  const lead: Record<AdPlatformErrorKind, string> = {
    revoked: `${label} no longer accepts the connection's access token (${request.label}: ${said}). Connect the account again.`,
    rate_limited: `${label} is throttling Crescendo (${request.label}: ${said}).${wait}`,
    rejected: `${label} refused ${request.label}: ${said}`,
    unavailable: `${label} is not answering ${request.label} (${said}); try again later.`,
  };
  return new AdPlatformError(call.platform, failure.kind, redactSecrets(lead[failure.kind], call.secrets), {
    status,
    code: failure.code,
    retryAfterMs: failure.retryAfterMs,
  });
}

/** "45 s", "12 min", "2 h 5 min". */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** The failure a status says by itself: 429 throttled, 408/5xx unavailable, other 4xx rejected; 2xx/3xx none. */
export function adsStatusFailure(status: number, message: string): AdsFailure | undefined {
  if (status < 400) return undefined;
  if (status === 429) return { kind: 'rate_limited', message };
  if (status === 408 || status >= 500) return { kind: 'unavailable', message };
  return { kind: 'rejected', message };
}

/** Parses a body as JSON, or undefined when it is not JSON (an HTML error page from a proxy). */
export function jsonOrUndefined<T>(response: AdsResponse): T | undefined {
  try {
    return response.json<T>();
  } catch {
    return undefined;
  }
}

/** Exponential back-off with full jitter, so many accounts retrying together spread out. */
function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Polls `check` until it answers a value (not undefined), sleeping `pollIntervalMs` between tries;
 * undefined when it never did within `maxPolls`.
 */
export async function pollAds<T>(deps: AdsHttpDeps, check: (poll: number) => Promise<T | undefined>): Promise<T | undefined> {
  const sleep = deps.sleep ?? realSleep;
  const maxPolls = deps.maxPolls ?? 120;
  for (let poll = 1; poll <= maxPolls; poll++) {
    const answer = await check(poll);
    if (answer !== undefined) return answer;
    if (poll < maxPolls) await sleep(deps.pollIntervalMs ?? 5_000);
  }
  return undefined;
}

/** An answer in a shape the connector does not understand: retrying will not help, so it is `rejected`, naming the field. */
export function unexpectedShape(platform: ConnectedPlatform, label: string, what: string): AdPlatformError {
  return new AdPlatformError(platform, 'rejected', `${AD_PLATFORM_LABELS[platform]} answered ${label} in a shape Crescendo does not understand (${what}).`);
}
