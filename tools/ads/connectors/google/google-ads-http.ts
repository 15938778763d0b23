import { adsRequest, adsStatusFailure, jsonOrUndefined, type AdsFailure, type AdsHttpDeps, type AdsResponse } from '../http.ts';

/**
 * One Google call (Ads API or OAuth token endpoint) through the ad connectors' shared HTTP layer:
 * this file reads Google's error bodies. 429, RESOURCE_EXHAUSTED and 5xx are retried with back-off,
 * waiting the quota error's `retryDelay` (or `retry-after`); 401 / UNAUTHENTICATED and the token
 * endpoint's `invalid_grant` mean the grant is gone; anything else is a refusal naming Google's
 * error code.
 */

export type GoogleAdsDeps = AdsHttpDeps;

export interface GoogleCall {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** How messages name the call: "a report on customer 1234567890", "the token refresh". */
  what: string;
}

export async function googleRequest(deps: GoogleAdsDeps, secrets: readonly string[], call: GoogleCall): Promise<unknown> {
  const response = await adsRequest(
    { platform: 'google', deps, secrets, classify: classifyGoogle },
    { method: call.method, url: call.url, label: call.what, headers: call.headers, body: call.body },
  );
  return response.json();
}

function classifyGoogle(response: AdsResponse): AdsFailure | undefined {
  const body = jsonOrUndefined<unknown>(response);
  if (response.status < 400) return body === undefined ? { kind: 'unavailable', message: 'the answer was not JSON' } : undefined;
  return readGoogleError(response.status, body);
}

/**
 * Google's error bodies: the OAuth endpoint's `{error, error_description}`, and the Ads API's
 * `{error: {code, message, status, details: [GoogleAdsFailure {errors: [{errorCode, message,
 * details: {quotaErrorDetails: {retryDelay}}}], requestId}]}}` (searchStream wraps it in an array).
 */
export function readGoogleError(status: number, body: unknown): AdsFailure {
  const envelope = (Array.isArray(body) ? body.find((item) => item && typeof item === 'object' && 'error' in item) : body) as Record<string, unknown> | undefined;
  const error = envelope?.error;
  if (typeof error === 'string') {
    // The OAuth 2.0 token endpoint.
    const said = `${error}${typeof envelope?.error_description === 'string' ? `: ${envelope.error_description}` : ''}`;
    if (error === 'invalid_grant') return { kind: 'revoked', code: error, message: said };
    if (error === 'invalid_client' || error === 'unauthorized_client') {
      return { kind: 'rejected', code: error, message: `${said}; check GOOGLE_ADS_CLIENT_ID and GOOGLE_ADS_CLIENT_SECRET` };
    }
    return { ...adsStatusFailure(status, said)!, code: error };
  }
  const apiError = (error ?? {}) as { message?: unknown; status?: unknown };
  const adsErrors = googleAdsErrors((apiError as { details?: unknown }).details);
  const first = adsErrors[0];
  const code = first?.code ?? (typeof apiError.status === 'string' ? apiError.status : undefined);
  const said = `${code ? `${code}: ` : ''}${first?.message ?? (typeof apiError.message === 'string' ? apiError.message : `HTTP ${status}`)}`;
  const retryAfterMs = adsErrors.map((item) => item.retryDelayMs).find((ms) => ms !== undefined);
  if (status === 401 || apiError.status === 'UNAUTHENTICATED') return { kind: 'revoked', code, message: said };
  const exhausted = adsErrors.some((item) => item.code === 'RESOURCE_EXHAUSTED' || item.code === 'RESOURCE_TEMPORARILY_EXHAUSTED') || apiError.status === 'RESOURCE_EXHAUSTED';
  if (status === 429 || exhausted) return { kind: 'rate_limited', code: code ?? 'RESOURCE_EXHAUSTED', message: said, retryAfterMs };
  return { ...adsStatusFailure(status, said)!, code, retryAfterMs };
}

interface AdsErrorItem {
  code: string | undefined;
  message: string | undefined;
  retryDelayMs: number | undefined;
}

function googleAdsErrors(details: unknown): AdsErrorItem[] {
  if (!Array.isArray(details)) return [];
  const items: AdsErrorItem[] = [];
  for (const detail of details as Array<{ errors?: unknown }>) {
    if (!Array.isArray(detail?.errors)) continue;
    for (const raw of detail.errors as Array<{ errorCode?: Record<string, unknown>; message?: unknown; details?: { quotaErrorDetails?: { retryDelay?: unknown } } }>) {
      const codeValue = raw.errorCode ? Object.values(raw.errorCode).find((value) => typeof value === 'string') : undefined;
      items.push({
        code: codeValue as string | undefined,
        message: typeof raw.message === 'string' ? raw.message : undefined,
        retryDelayMs: durationMs(raw.details?.quotaErrorDetails?.retryDelay),
      });
    }
  }
  return items;
}

/** A protobuf Duration in JSON ("30s", "1.5s"), in milliseconds. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
