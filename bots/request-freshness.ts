import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../tools/registry/context.ts';

/** How old a signed Slack request may be: Slack's own guidance, and what Bolt enforces too. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;
/**
 * How far ahead of our clock a request may claim to be. Bolt checks only the past, so a request
 * signed with a future timestamp could be replayed until that time plus five minutes; a minute
 * covers honest clock drift between Slack and this server.
 */
export const MAX_REQUEST_LEAD_SECONDS = 60;

/**
 * Refuses (401) a Slack request whose `X-Slack-Request-Timestamp` lies outside the allowed window,
 * before Bolt verifies its signature. Only refuses: a request inside the window still needs a
 * valid signature, which Bolt checks over the raw body.
 */
export function rejectSkewedSlackRequests(log: Logger, nowSeconds: () => number = () => Math.floor(Date.now() / 1000)) {
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers['x-slack-request-timestamp'];
    if (header === undefined) return next(); // Bolt answers 401 for an unsigned request
    const timestamp = Number(header);
    const skew = Number.isInteger(timestamp) ? timestamp - nowSeconds() : Number.NaN;
    if (skew >= -MAX_REQUEST_AGE_SECONDS && skew <= MAX_REQUEST_LEAD_SECONDS) return next();
    log.warn('slack request refused: timestamp outside the allowed clock skew', { timestamp: String(header), skew_seconds: Number.isNaN(skew) ? null : skew });
    response.status(401).type('text/plain').send('Slack request timestamp is outside the allowed clock skew.');
  };
}
