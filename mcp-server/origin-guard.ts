import type { Request, Response } from 'express';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The DNS-rebinding guard the MCP spec asks of HTTP servers: a request carrying an Origin (a
 * browser) must come from a loopback page, the configured public URL or an allowed origin; 403
 * otherwise. The Host header proves nothing here (a rebound name sends its own), so it is not
 * trusted. Requests without an Origin (CLI and desktop clients) pass.
 */
export function originGuard(allowed: readonly string[]) {
  const patterns = allowed.map(normalisePattern).filter(Boolean);
  return (request: Request, response: Response, next: () => void) => {
    const origin = request.get('origin');
    if (origin === undefined || isAllowedOrigin(origin, patterns)) {
      next();
      return;
    }
    response.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: `Origin ${origin} is not allowed to call this MCP endpoint (allowed: localhost and the server's public URL).` }, id: null });
  };
}

function normalisePattern(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '').toLowerCase();
  if (trimmed.endsWith(':*')) return trimmed;
  try {
    return new URL(trimmed).origin;
  } catch {
    return trimmed;
  }
}

function isAllowedOrigin(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (LOOPBACK.has(url.hostname)) return true;
  const anyPort = `${url.protocol}//${url.hostname}:*`;
  return patterns.some((pattern) => pattern === url.origin.toLowerCase() || pattern === anyPort);
}
