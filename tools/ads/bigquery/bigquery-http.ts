import { ToolError } from '../../registry/errors.ts';

/** What the BigQuery client is given besides its URLs; tests inject a sleep that records instead of waiting. */
export interface BigQueryHttpDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
  timeoutMs?: number;
  /** Between getQueryResults calls while a job runs (each call also waits up to 10 s server-side). */
  pollIntervalMs?: number;
  maxPolls?: number;
}

export interface BigQueryRequest {
  method: 'GET' | 'POST';
  url: string;
  /** How messages name the call (never the URL). */
  label: string;
  headers?: Record<string, string>;
  body?: string;
  /** Strings never to put in a message (the bearer token, the signed assertion). */
  secrets: readonly string[];
  /** The error for a refusal (4xx other than 429 and rate-limit 403s): the caller knows what it means. */
  refusal?: (status: number, body: unknown) => ToolError;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const RATE_REASONS = new Set(['rateLimitExceeded', 'quotaExceeded', 'backendError', 'internalError']);

/**
 * One request to Google (BigQuery or its token endpoint) with retries: 429, 5xx, timeouts and
 * BigQuery's rate-limit reasons (403 rateLimitExceeded) are tried again with back-off, honouring
 * `retry-after`; other refusals fail at once with BigQuery's own message. Secrets never reach messages.
 */
export async function bigQueryRequest(deps: BigQueryHttpDeps, request: BigQueryRequest): Promise<{ status: number; body: unknown }> {
  const attempts = deps.retry?.attempts ?? 5;
  const baseDelay = deps.retry?.baseDelayMs ?? 1_000;
  const maxDelay = deps.retry?.maxDelayMs ?? 30_000;
  const maxRetryAfter = deps.retry?.maxRetryAfterMs ?? 120_000;
  const sleep = deps.sleep ?? realSleep;
  const doFetch = deps.fetch ?? fetch;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      const response = await doFetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000) });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch {
      last = 'no answer (connection failed or timed out)';
      if (attempt < attempts) await sleep(Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
      continue;
    }
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (status < 400) {
      if (body === undefined) throw new ToolError('unavailable', `BigQuery answered ${request.label} with something other than JSON.`);
      return { status, body };
    }
    const error = (body as { error?: { message?: string; errors?: Array<{ reason?: string }> } } | undefined)?.error;
    const reason = typeof error === 'object' ? error?.errors?.[0]?.reason : undefined;
    const transient = status === 429 || status >= 500 || status === 408 || (status === 403 && reason !== undefined && RATE_REASONS.has(reason));
    last = scrub(typeof error === 'object' && error?.message ? error.message : `HTTP ${status}`, request.secrets);
    if (!transient) {
      if (request.refusal) throw request.refusal(status, body);
      throw new ToolError('conflict', `BigQuery refused ${request.label}: ${last}`);
    }
    if (attempt === attempts) break;
    const asked = retryAfter(headers);
    if (asked !== undefined && asked > maxRetryAfter) throw new ToolError('unavailable', `BigQuery is rate limiting ${request.label} and asked to wait ${Math.ceil(asked / 1000)} s; try again later.`);
    await sleep(asked ?? Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
  }
  throw new ToolError('unavailable', `BigQuery did not complete ${request.label} after ${attempts} tries (${last}); try again later.`);
}

function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function scrub(message: string, secrets: readonly string[]): string {
  let text = message.replace(/\s+/g, ' ').trim().slice(0, 400);
  for (const secret of secrets) if (secret && secret.length >= 6) text = text.split(secret).join('[redacted]');
  return text;
}
