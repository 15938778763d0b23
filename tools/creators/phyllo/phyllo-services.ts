import { createPhylloClient, type PhylloClient } from './phyllo-client.ts';
import { requirePhylloCredentials } from './phyllo-settings.ts';

/** The Phyllo client over the configured credentials, or an `unavailable` error naming the variables to set. */
export function phylloClient(): PhylloClient {
  const credentials = requirePhylloCredentials();
  return createPhylloClient({ apiUrl: credentials.apiUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret, deps: credentials.deps });
}

/** What a creator's Phyllo Connect session may read: identity and engagement, with their audiences. */
export const CONNECT_PRODUCTS = ['IDENTITY', 'IDENTITY.AUDIENCE', 'ENGAGEMENT', 'ENGAGEMENT.AUDIENCE'] as const;

/** The page that opens Phyllo Connect for a creator (web/phyllo-connect-page.ts serves it). */
export const CONNECT_PAGE_PATH = '/connect/phyllo';
