import { ErrorCode } from '@slack/web-api';

/** What went wrong talking to Slack, in words an operator can act on. */
export interface SlackFailure {
  /** Short and stable (same problem, same words), e.g. `Slack rejected the bot token (invalid_auth)`. */
  reason: string;
  /** What to do about it. */
  hint: string;
}

/** Slack's answers that mean the bot token itself is no good: retrying alone will not fix them. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'team_disabled', 'not_allowed_token_type']);

const TOKEN_HINT = 'set SLACK_BOT_TOKEN to the app\'s current Bot User OAuth Token (api.slack.com/apps > your app > OAuth & Permissions; reinstall the app if it was removed) and restart Crescendo';

/** Describes an error thrown by a WebClient call (any other error is described by its message). */
export function describeSlackFailure(error: unknown, apiUrl = 'https://slack.com/api/'): SlackFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === ErrorCode.PlatformError) {
    const slackError = String((error as { data?: { error?: unknown } }).data?.error ?? 'unknown_error');
    if (TOKEN_ERRORS.has(slackError)) return { reason: `Slack rejected the bot token (${slackError})`, hint: TOKEN_HINT };
    return { reason: `Slack answered ${slackError}`, hint: 'see https://api.slack.com/methods for what this error means for the app' };
  }
  if (code === ErrorCode.RequestError) {
    // fetch wraps the socket's error: "fetch failed" with the useful code (ECONNREFUSED) in its cause.
    const original = (error as { original?: { code?: unknown; message?: unknown; cause?: { code?: unknown } } }).original;
    const cause = String(original?.cause?.code ?? original?.code ?? original?.message ?? 'network error');
    return { reason: `Slack is unreachable at ${apiUrl} (${cause})`, hint: 'check this server\'s network, proxy and DNS, and SLACK_API_URL if it is set' };
  }
  if (code === ErrorCode.HTTPError) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return { reason: `Slack answered HTTP ${String(status)}`, hint: 'usually a Slack outage (https://slack-status.com) or a proxy in between; nothing to change here' };
  }
  if (code === ErrorCode.RateLimitedError) {
    return { reason: 'Slack is rate-limiting the app', hint: 'it passes on its own; fewer bound channels or digests lower the load' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: `Slack call failed: ${message}`, hint: 'see the error; Crescendo keeps retrying' };
}

/**
 * True when the error says Slack as a whole is unusable (the token refused, Slack unreachable or
 * failing), as opposed to one call's own problem such as `channel_not_found`.
 */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === ErrorCode.PlatformError) return TOKEN_ERRORS.has(String((error as { data?: { error?: unknown } }).data?.error));
  if (code === ErrorCode.HTTPError) return Number((error as { statusCode?: unknown }).statusCode) >= 500;
  return code === ErrorCode.RequestError;
}
