import { z } from 'zod';
import { ToolError } from '../../../registry/errors.ts';
import type { AdConnector } from '../ad-connector.ts';
import type { AdsHttpDeps } from '../http.ts';
import { createMetaAdsConnector } from './meta-connector.ts';
import { META_DEFAULT_GRAPH_URL } from './meta-graph.ts';

/**
 * The environment variables of the Meta ads connector, for bin/config.ts to spread into its schema
 * (nothing but the configuration module reads process.env). The app id and secret default to the
 * FACEBOOK_APP_ID / FACEBOOK_APP_SECRET the Pages and Instagram connections already use.
 */
export const META_ADS_VARIABLES = {
  META_GRAPH_URL: z
    .string()
    .url()
    .optional()
    .describe(`Graph API root for the Meta Marketing API (default ${META_DEFAULT_GRAPH_URL}); end it with a version (…/v24.0) to pin one.`),
  META_APP_ID: z.string().optional().describe('Meta app id for connecting ad accounts (default FACEBOOK_APP_ID); the app needs the Marketing API product.'),
  META_APP_SECRET: z.string().optional().describe('Meta app secret, with META_APP_ID (default FACEBOOK_APP_SECRET); every call is signed with it (appsecret_proof).'),
};

export interface MetaAdsConfig {
  graphUrl: string;
  appId: string | undefined;
  appSecret: string | undefined;
}

/** From the parsed environment values (bin/config.ts). */
export function metaAdsSettingsFrom(values: Partial<Record<keyof typeof META_ADS_VARIABLES | 'FACEBOOK_APP_ID' | 'FACEBOOK_APP_SECRET', string | undefined>>): MetaAdsConfig {
  const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  return {
    graphUrl: (blank(values.META_GRAPH_URL) ?? META_DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
    appId: blank(values.META_APP_ID) ?? blank(values.FACEBOOK_APP_ID),
    appSecret: blank(values.META_APP_SECRET) ?? blank(values.FACEBOOK_APP_SECRET),
  };
}

/** The variables still to set before Meta ad accounts can be connected (empty when ready). */
export function missingMetaAdsVariables(config: MetaAdsConfig): string[] {
  return [!config.appId && 'META_APP_ID (or FACEBOOK_APP_ID)', !config.appSecret && 'META_APP_SECRET (or FACEBOOK_APP_SECRET)'].filter((name): name is string => Boolean(name));
}

/** The connector, or an `unavailable` error that says which variables to set. */
export function metaAdsConnectorFrom(config: MetaAdsConfig, deps?: AdsHttpDeps): AdConnector {
  const missing = missingMetaAdsVariables(config);
  if (missing.length > 0) {
    throw new ToolError('unavailable', `Meta ad accounts are not configured: set ${missing.join(' and ')} (the Meta app with the Marketing API product) and restart.`);
  }
  return createMetaAdsConnector({ graphUrl: config.graphUrl, appId: config.appId!, appSecret: config.appSecret!, deps });
}
