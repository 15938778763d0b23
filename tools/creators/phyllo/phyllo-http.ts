import type { z } from 'zod';
import { DEFAULT_RETRY, joinUrl, realSleep, retryAfterMs, transientStatus, type RetryPolicy } from '../../content/connectors/connector-http.ts';

/**
 * The JSON-over-HTTPS layer of the Phyllo client: HTTP Basic auth with the client id and secret,
 * retries with back-off on 429 (honouring `retry-after`), 5xx and timeouts (the retry policy and
 * the `retry-after` reading are the publishing connectors'), a clear "credentials rejected" on
 * 401/403, and responses checked against zod schemas so a changed shape fails loudly here rather
 * than as wrong figures later. Errors carry Phyllo's own message, never the credentials.
 */

export interface PhylloDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

export interface PhylloConnection {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  deps: PhylloDeps;
}

/** credentials: 401/403. transient: 429, 5xx, timeouts, after the retries. not_found: 404. rejected: any other 4xx. invalid_response: a shape we do not understand. */
export type PhylloErrorKind = 'credentials' | 'transient' | 'not_found' | 'rejected' | 'invalid_response';

export class PhylloError extends Error {
  constructor(
    readonly kind: PhylloErrorKind,
    message: string,
    readonly status?: number,
    /** Phyllo's own error code (`error.code` in its body), when it sent one. */
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'PhylloError';
  }
}

export interface PhylloRequest {
  method: 'GET' | 'POST';
  /** `/v1/...`; query values are encoded here. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export async function phylloRequest<Schema extends z.ZodType>(connection: PhylloConnection, request: PhylloRequest, schema: Schema): Promise<z.output<Schema>> {
  const policy = { ...DEFAULT_RETRY, ...connection.deps.retry };
  const sleep = connection.deps.sleep ?? realSleep;
  let last: PhylloError | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const outcome = await attemptOnce(connection, request);
    if (!(outcome instanceof PhylloError)) {
      const parsed = schema.safeParse(outcome);
      if (parsed.success) return parsed.data;
      const where = parsed.error.issues[0];
      throw new PhylloError('invalid_response', `Phyllo answered ${request.method} ${request.path} in a shape Crescendo does not understand (${where ? `${where.path.join('.') || 'body'}: ${where.message}` : 'unreadable'}).`);
    }
    last = outcome;
    if (outcome.kind !== 'transient' || attempt === policy.attempts) break;
    const wait = (outcome instanceof TransientFailure ? outcome.retryAfterMs : undefined) ?? backoff(policy, attempt);
    if (wait > policy.maxRetryAfterMs) break;
    await sleep(wait);
  }
  throw last!;
}

class TransientFailure extends PhylloError {
  constructor(
    message: string,
    status: number | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super('transient', message, status);
  }
}

async function attemptOnce(connection: PhylloConnection, request: PhylloRequest): Promise<unknown | PhylloError> {
  const doFetch = connection.deps.fetch ?? fetch;
  const timeoutMs = connection.deps.timeoutMs ?? 30_000;
  const url = new URL(joinUrl(connection.apiUrl, request.path));
  for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
  const authorization = `Basic ${Buffer.from(`${connection.clientId}:${connection.clientSecret}`).toString('base64')}`;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: request.method,
      headers: { authorization, accept: 'application/json', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return new TransientFailure(`Phyllo did not answer ${request.method} ${request.path}: ${timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'the connection failed'}.`, undefined, undefined);
  }
  const body = parseJson(text);
  if (response.ok) {
    if (body === undefined) return new PhylloError('invalid_response', `Phyllo answered ${request.method} ${request.path} with something that is not JSON.`, response.status);
    return body;
  }
  const said = phylloMessage(body);
  const providerCode = phylloCode(body);
  const because = said ? `: ${said}` : '';
  if (response.status === 401 || response.status === 403) {
    return new PhylloError('credentials', `Phyllo rejected the credentials (HTTP ${response.status}${because}). Check PHYLLO_CLIENT_ID and PHYLLO_CLIENT_SECRET, and that PHYLLO_API_URL is the environment they belong to (sandbox or production).`, response.status, providerCode);
  }
  if (transientStatus(response.status)) {
    const what = response.status === 429 ? 'is rate limiting Crescendo' : `failed on its side (HTTP ${response.status})`;
    return new TransientFailure(`Phyllo ${what} on ${request.method} ${request.path}${because}.`, response.status, retryAfterMs(response.headers));
  }
  if (response.status === 404) return new PhylloError('not_found', `Phyllo has no such record (${request.method} ${request.path}${because}).`, 404, providerCode);
  return new PhylloError('rejected', `Phyllo refused ${request.method} ${request.path} (HTTP ${response.status}${because}).`, response.status, providerCode);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Phyllo's error body: `{"error": {"type", "code", "error_code", "message", "status_code", "request_id"}}`. */
function phylloMessage(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  const message = typeof error?.message === 'string' ? error.message : typeof (body as { message?: unknown })?.message === 'string' ? (body as { message: string }).message : undefined;
  return message?.replace(/\s+/g, ' ').slice(0, 300);
}

function phylloCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown; error_code?: unknown } } | undefined)?.error;
  const code = error?.code ?? error?.error_code;
  return typeof code === 'string' ? code : undefined;
}

function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
