import { ToolError, type ToolErrorCode } from '../../registry/errors.ts';
import { PLATFORM_LABELS, type SocialPlatform } from './publishing.ts';

/**
 * How a publish failed, which decides what the caller does next:
 * - `transient`: rate limit, 5xx, timeout; the client already retried. Try again later.
 * - `permanent`: the platform refused this post (caption too long, bad media...). Mark it failed with the message.
 * - `auth`: the token is expired, revoked or lacks a permission. Refresh it, or ask for the account to be reconnected.
 */
export type PublishFailureKind = 'transient' | 'permanent' | 'auth';

export interface PublishErrorDetails {
  /** HTTP status of the platform's answer, when there was one. */
  status?: number;
  /** The platform's own error code (`access_token_invalid`, `190`, `quotaExceeded`...). */
  providerCode?: string;
  /** How long the platform asked us to wait before trying again. */
  retryAfterMs?: number;
  /** A timeout on a call that may have gone through: check the account before publishing again. */
  mayHavePublished?: boolean;
}

const CODE_BY_KIND: Record<PublishFailureKind, ToolErrorCode> = { transient: 'unavailable', permanent: 'invalid_input', auth: 'forbidden' };

/** A failed publish, as a registry error the tools and the job can act on. Its message never holds a token. */
export class PublishError extends ToolError {
  constructor(
    readonly kind: PublishFailureKind,
    readonly platform: SocialPlatform,
    message: string,
    readonly details: PublishErrorDetails = {},
  ) {
    super(details.status === 404 && kind === 'permanent' ? 'not_found' : CODE_BY_KIND[kind], message);
    this.name = 'PublishError';
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

/** What a platform's error body says, as each connector reads it. */
export interface ProviderFailure {
  kind: PublishFailureKind;
  message: string;
  providerCode?: string;
  /** A wait the platform implies without a header (YouTube's daily quota). */
  retryAfterMs?: number;
}

/** The message a person reads for a failure of `kind` on `platform`. */
export function describePublishFailure(platform: SocialPlatform, failure: ProviderFailure, status?: number): string {
  const label = PLATFORM_LABELS[platform];
  const said = failure.message || (status ? `HTTP ${status}` : 'no reason given');
  if (failure.kind === 'auth') return `${label} did not accept the account's access token (${said}). Refresh the token or reconnect the account.`;
  if (failure.kind === 'transient') return `${label} is not available right now (${said}); try again later.`;
  return `${label} refused the post: ${said}`;
}

/** `text` with every secret replaced, for anything that may reach a log, an output or an error. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}
