import { createPublishingClients, type PublishingClient, type SocialPlatform } from '../connectors/index.ts';
import { createTokenCipher, type TokenCipher } from '../../common/secrets/token-cipher.ts';

/**
 * What the post tools need from outside the database: the cipher that seals social accounts'
 * tokens, and a publishing client per platform. The composition root configures them once from
 * the parsed config (CRESCENDO_ENCRYPTION_KEY, the platforms' base-URL variables); tests
 * configure loopback fakes. Unconfigured, tokens are refused (no key) and clients use the real hosts.
 *
 * A module-level setting rather than a ToolContext field because the context has no place for
 * per-area services yet; the registry can take this over without changing any tool.
 */
export interface ContentServices {
  cipher: TokenCipher;
  publishing: Record<SocialPlatform, PublishingClient>;
}

let configured: ContentServices | undefined;

export function configureContentServices(services: ContentServices): void {
  configured = services;
}

export function contentServices(): ContentServices {
  configured ??= { cipher: createTokenCipher(undefined), publishing: createPublishingClients() };
  return configured;
}

/** The context a social account's sealed tokens are bound to: a token moved to another row does not open. */
export function tokenContext(socialAccountId: string, which: 'access' | 'refresh'): string {
  return `social_account:${socialAccountId}:${which}`;
}
