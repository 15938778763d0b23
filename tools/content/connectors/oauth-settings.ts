import { createTokenCipher, ENCRYPTION_KEY_VARIABLE } from '../../common/secrets/token-cipher.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ConnectorDeps } from './connector-http.ts';
import { publishingBaseUrls } from './index.ts';
import type { ExchangeSettings } from './oauth-exchange.ts';
import { createOAuthStateSigner, memoryUsedStateStore, type OAuthStateSigner, type UsedStateStore } from './oauth-state.ts';
import type { SocialPlatform } from './publishing.ts';
import { tokenRefreshSettings, type TokenRefreshSettings } from './token-refresh.ts';

/**
 * What connecting an account through OAuth needs from the configuration: the public URL the
 * platforms redirect back to, the app credentials and token URLs the refresh uses
 * (`config.tokenRefresh`), the API roots for the account lookup (`config.publishingUrls`), and
 * CRESCENDO_ENCRYPTION_KEY (signs the state, seals X's PKCE verifier). Configured once by the
 * composition root like the refresh clients; unconfigured, every start says what to set.
 */
export interface OAuthConnectionSettings {
  publicUrl: string;
  tokenRefresh: TokenRefreshSettings;
  publishingUrls: Record<SocialPlatform, string>;
  encryptionKey: string | undefined;
  deps?: ConnectorDeps;
  /** Where used states are remembered; default in this process's memory. */
  usedStates?: UsedStateStore;
}

export interface OAuthConnections {
  settings: OAuthConnectionSettings;
  exchange: ExchangeSettings;
  /** The state signer, or an `unavailable` error naming CRESCENDO_ENCRYPTION_KEY. */
  signer(): OAuthStateSigner;
}

let configured: OAuthConnections | undefined;

export function configureOAuthConnections(settings: OAuthConnectionSettings): void {
  const signer = settings.encryptionKey ? createOAuthStateSigner(settings.encryptionKey, createTokenCipher(settings.encryptionKey), settings.usedStates ?? memoryUsedStateStore()) : undefined;
  configured = {
    settings,
    exchange: { tokenUrls: settings.tokenRefresh.urls, apiUrls: settings.publishingUrls, deps: settings.deps ?? {} },
    signer() {
      if (!signer) throw new ToolError('unavailable', `${ENCRYPTION_KEY_VARIABLE} is not set, so no account can be connected. Set it to 32 random bytes (\`openssl rand -base64 32\`) and restart.`);
      return signer;
    },
  };
}

export function oauthConnections(): OAuthConnections {
  if (!configured) {
    const publishingUrls = publishingBaseUrls({});
    configureOAuthConnections({ publicUrl: 'http://localhost:3000', tokenRefresh: tokenRefreshSettings({}, publishingUrls), publishingUrls, encryptionKey: undefined });
  }
  return configured!;
}
