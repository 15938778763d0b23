import { jsonBody, type ConnectorResponse } from './connector-http.ts';
import type { ProviderFailure } from './publish-error.ts';

/**
 * The Graph API's error body (Instagram and Facebook Pages), as documented in "Handling Errors":
 * `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg, is_transient, fbtrace_id } }`.
 */
export interface GraphErrorBody {
  error?: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    is_transient?: boolean;
    fbtrace_id?: string;
  };
}

// Documented codes: 1/2 unknown/service (downtime), 4/17/32/613 throttling, 341 application limit.
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);
// 102 session and 190 expired/invalid token; 10 and 200-299 a permission missing or removed (reconnect with it).
const AUTH_CODES = new Set([102, 190, 10]);

/** Throttling answers often arrive as HTTP 400 or 403: the code, not the status, says what it is. */
export function readGraphError(response: ConnectorResponse): ProviderFailure {
  const error = jsonBody<GraphErrorBody>(response)?.error;
  const code = error?.code;
  const message = [error?.error_user_msg ?? error?.message, code !== undefined ? `code ${code}${error?.error_subcode ? `/${error.error_subcode}` : ''}` : '']
    .filter(Boolean)
    .join(', ');
  const providerCode = code === undefined ? undefined : String(code);
  if ((code !== undefined && TRANSIENT_CODES.has(code)) || (code !== undefined && code >= 80_001 && code <= 80_014) || error?.is_transient) {
    return { kind: 'transient', message, providerCode };
  }
  if (code !== undefined && (AUTH_CODES.has(code) || (code >= 200 && code <= 299))) return { kind: 'auth', message, providerCode };
  if (response.status === 429 || response.status >= 500) return { kind: 'transient', message: message || `HTTP ${response.status}`, providerCode };
  if (response.status === 401) return { kind: 'auth', message: message || 'HTTP 401', providerCode };
  return { kind: 'permanent', message: message || `HTTP ${response.status}`, providerCode };
}
