import { describePublishFailure, PublishError, redactSecrets, type ProviderFailure } from './publish-error.ts';
import type { SocialPlatform } from './publishing.ts';

/**
 * The HTTP layer every publishing connector shares: one request with retries and back-off on
 * what the platform calls transient (429, 5xx, its own throttling codes), honouring
 * `retry-after` (and X's `x-rate-limit-reset`), timeouts, and errors that carry the platform's
 * message with the account's token scrubbed out. URLs are never put into messages (Graph API
 * tokens travel in query strings).
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `retry-after` longer than this is not waited out here: the error carries it for the job to reschedule. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** What a connector is given besides its base URL; tests inject a sleep that records instead of waiting. */
export interface ConnectorDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Per request; default 30 s (uploads get 10 minutes). */
  timeoutMs?: number;
  /** Polling of processing status (Instagram containers, TikTok publishes). */
  pollIntervalMs?: number;
  maxPolls?: number;
}

export interface ConnectorRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | FormData | URLSearchParams;
  /**
   * False for the call that makes the post public on a platform with no idempotency key: a timeout
   * is then not retried (the post may exist) and the error says so. 429 and 5xx are still retried.
   */
  replaySafe?: boolean;
  timeoutMs?: number;
  /** Non-2xx statuses that are answers, not failures (YouTube's 308 Resume Incomplete); redirects are then not followed. */
  acceptStatuses?: number[];
}

export interface ConnectorResponse {
  status: number;
  headers: Headers;
  /** The body as received (media downloads); `text` is the same decoded as UTF-8. */
  bytes: Uint8Array;
  text: string;
  json<T>(): T;
}

/** Reads a non-2xx answer (or a 2xx whose body says it failed) into the common classification. */
export type ErrorReader = (response: ConnectorResponse) => ProviderFailure;

export interface ConnectorCall {
  platform: SocialPlatform;
  deps: ConnectorDeps;
  /** Strings that must never appear in an error (the access token, always). */
  secrets: readonly string[];
  readError: ErrorReader;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendRequest(call: ConnectorCall, request: ConnectorRequest): Promise<ConnectorResponse> {
  const policy = { ...DEFAULT_RETRY, ...call.deps.retry };
  const sleep = call.deps.sleep ?? realSleep;
  let last: PublishError | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const outcome = await attemptOnce(call, request);
    if (!(outcome instanceof PublishError)) return outcome;
    last = outcome;
    if (!outcome.retryable || outcome.details.mayHavePublished || attempt === policy.attempts) break;
    const wait = outcome.details.retryAfterMs ?? backoff(policy, attempt);
    if (wait > policy.maxRetryAfterMs) break;
    await sleep(wait);
  }
  throw last!;
}

async function attemptOnce(call: ConnectorCall, request: ConnectorRequest): Promise<ConnectorResponse | PublishError> {
  const doFetch = call.deps.fetch ?? fetch;
  const timeoutMs = request.timeoutMs ?? call.deps.timeoutMs ?? 30_000;
  let response: Response;
  let bytes: Uint8Array;
  try {
    const redirect = request.acceptStatuses ? 'manual' : 'follow';
    // Asserted: the DOM typing (the web UI type-checks this file through the tools' types) wants an ArrayBuffer-backed view.
    response = await doFetch(request.url, { method: request.method, headers: request.headers, body: request.body as RequestInit['body'], redirect, signal: AbortSignal.timeout(timeoutMs) });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const mayHavePublished = request.replaySafe === false;
    const what = timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'the connection failed';
    const advice = mayHavePublished ? '; the post may have been published, so check the account before trying again' : '';
    return new PublishError('transient', call.platform, describePublishFailure(call.platform, { kind: 'transient', message: what }) + advice, { mayHavePublished });
  }
  const answer = toConnectorResponse(response, bytes);
  if (response.ok || request.acceptStatuses?.includes(response.status)) return answer;
  const failure = call.readError(answer);
  const message = redactSecrets(describePublishFailure(call.platform, failure, response.status), call.secrets);
  return new PublishError(failure.kind, call.platform, message, {
    status: response.status,
    providerCode: failure.providerCode,
    retryAfterMs: failure.kind === 'transient' ? (failure.retryAfterMs ?? retryAfterMs(response.headers)) : undefined,
  });
}

function toConnectorResponse(response: Response, bytes: Uint8Array): ConnectorResponse {
  const text = new TextDecoder().decode(bytes);
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text,
    json<T>() {
      return (text ? JSON.parse(text) : {}) as T;
    },
  };
}

/** `retry-after` in seconds or as an HTTP date; X sends `x-rate-limit-reset` as epoch seconds instead. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (reset > 0) return Math.max(0, reset * 1000 - now);
  return undefined;
}

/** Exponential back-off with full jitter, so many jobs retrying together spread out. */
function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** The HTTP status says transient (rate limit or server error) when the body does not say otherwise. */
export function transientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** Parses a JSON body, or null when it is not JSON (an HTML error page from a proxy). */
export function jsonBody<T>(response: ConnectorResponse): T | null {
  try {
    return response.json<T>();
  } catch {
    return null;
  }
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A permanent error for a post this connector cannot send as given (checked before any call). */
export function unsupportedPost(platform: SocialPlatform, message: string): PublishError {
  return new PublishError('permanent', platform, describePublishFailure(platform, { kind: 'permanent', message }));
}

/** Polls `check` until it answers a value (not undefined), sleeping between tries; undefined when it never did. */
export async function pollUntil<T>(deps: ConnectorDeps, check: () => Promise<T | undefined>): Promise<T | undefined> {
  const sleep = deps.sleep ?? realSleep;
  const maxPolls = deps.maxPolls ?? 30;
  for (let poll = 1; poll <= maxPolls; poll++) {
    const answer = await check();
    if (answer !== undefined) return answer;
    if (poll < maxPolls) await sleep(deps.pollIntervalMs ?? 5_000);
  }
  return undefined;
}
