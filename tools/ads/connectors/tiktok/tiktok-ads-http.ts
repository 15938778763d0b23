import { joinUrl } from '../../../content/connectors/connector-http.ts';
import { adsRequest, adsStatusFailure, jsonOrUndefined, type AdsFailure, type AdsHttpDeps, type AdsResponse } from '../http.ts';

/**
 * One TikTok API for Business call through the ad connectors' shared HTTP layer. TikTok answers
 * almost everything with HTTP 200 and an envelope `{code, message, request_id, data}` whose `code`
 * decides (0 is success), so the envelope is read before the status: 40100 (requests too frequent)
 * and 5xxxx are retried with back-off, 40102/40104/40105 (the access token expired, missing or
 * invalid) mean the grant is gone, any other code is a refusal quoting TikTok's message and request id.
 */

export type TikTokAdsDeps = AdsHttpDeps;

export interface TikTokConnection {
  apiUrl: string;
  deps: TikTokAdsDeps;
  /** Scrubbed from every message: the app secret, tokens, codes. */
  secrets: readonly string[];
}

export interface TikTokCall {
  method: 'GET' | 'POST';
  /** Under /open_api/v1.3/, e.g. `campaign/get/`. */
  path: string;
  accessToken?: string;
  /** GET: arrays and objects are sent JSON-encoded, as TikTok's GET parameters are. */
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** How messages name the call. */
  what: string;
}

/** Throttling: 40100, requests too frequent (the app's or the advertiser's QPS limit). */
export const TIKTOK_RATE_LIMIT_CODES = new Set([40100]);
/** The access token expired (40102), is missing (40104) or is invalid / revoked (40105). */
export const TIKTOK_REVOKED_CODES = new Set([40102, 40104, 40105]);

interface Envelope {
  code?: unknown;
  message?: unknown;
  request_id?: unknown;
  data?: unknown;
}

export async function tiktokRequest<Data>(connection: TikTokConnection, call: TikTokCall): Promise<Data> {
  const url = new URL(joinUrl(connection.apiUrl, `open_api/v1.3/${call.path}`));
  for (const [name, value] of Object.entries(call.query ?? {})) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(name, typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.accessToken) headers['access-token'] = call.accessToken;
  if (call.body) headers['content-type'] = 'application/json';
  const response = await adsRequest(
    { platform: 'tiktok', deps: connection.deps, secrets: [...connection.secrets, ...(call.accessToken ? [call.accessToken] : [])], classify: classifyTikTok },
    { method: call.method, url, label: call.what, headers, body: call.body ? JSON.stringify(call.body) : undefined },
  );
  return (response.json<Envelope>().data ?? {}) as Data;
}

function classifyTikTok(response: AdsResponse): AdsFailure | undefined {
  const envelope = jsonOrUndefined<Envelope>(response);
  if (envelope && typeof envelope.code === 'number') {
    if (envelope.code === 0) return undefined;
    const code = envelope.code;
    const message = `${code}${typeof envelope.message === 'string' && envelope.message ? `: ${envelope.message}` : ''}${typeof envelope.request_id === 'string' ? `; request ${envelope.request_id}` : ''}`;
    if (TIKTOK_RATE_LIMIT_CODES.has(code)) return { kind: 'rate_limited', code, message };
    if (TIKTOK_REVOKED_CODES.has(code)) return { kind: 'revoked', code, message };
    if (code >= 50000) return { kind: 'unavailable', code, message };
    return { kind: 'rejected', code, message };
  }
  return adsStatusFailure(response.status, `HTTP ${response.status}`) ?? { kind: 'unavailable', message: 'the answer was not TikTok’s JSON envelope' };
}
