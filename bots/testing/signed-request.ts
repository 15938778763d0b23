import { createHmac } from 'node:crypto';

export interface SlackDelivery {
  status: number;
  body: string;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
  /** X-Slack-Retry-Num: Slack's retries of a delivery it thinks failed. */
  retryNum?: number;
}

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`). */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * Sends what Slack sends: an Events API JSON body, an interactivity `payload=` form, or a slash
 * command form, signed with the given secret, to `url` (the app's /slack/events).
 */
export function slackSender(url: string, signingSecret: string) {
  async function send(rawBody: string, contentType: string, options: SignOptions = {}): Promise<SlackDelivery> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(options.secret ?? signingSecret, timestamp, rawBody),
        ...(options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body: rawBody,
    });
    return { status: response.status, body: await response.text() };
  }
  return {
    event: (body: object, options?: SignOptions) => send(JSON.stringify(body), 'application/json', options),
    interaction: (payload: object, options?: SignOptions) => send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options),
    command: (fields: Record<string, string>, options?: SignOptions) => send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options),
  };
}
