import { z } from 'zod';
import {
  GOOGLE_ADS_DEFAULT_API_URL,
  GOOGLE_OAUTH_DEFAULT_URL,
  GOOGLE_TOKEN_DEFAULT_URL,
  type GoogleAdsConnectorSettings,
} from './google-ads-connector.ts';

/**
 * The environment variables the Google Ads connector needs, for bin/config.ts to spread into its
 * schema (nothing but the configuration module reads process.env).
 */
export const GOOGLE_ADS_VARIABLES = {
  GOOGLE_ADS_CLIENT_ID: z.string().optional().describe('OAuth client id of the Google Cloud project (type "Web application"): with GOOGLE_ADS_CLIENT_SECRET and GOOGLE_ADS_DEVELOPER_TOKEN, turns on connecting Google Ads accounts.'),
  GOOGLE_ADS_CLIENT_SECRET: z.string().optional().describe('OAuth client secret, with GOOGLE_ADS_CLIENT_ID.'),
  GOOGLE_ADS_DEVELOPER_TOKEN: z.string().optional().describe('Google Ads API developer token (Google Ads manager account > Admin > API Center); sent as the developer-token header.'),
  GOOGLE_ADS_API_URL: z.string().url().optional().describe(`Google Ads API root (default ${GOOGLE_ADS_DEFAULT_API_URL}).`),
  GOOGLE_OAUTH_URL: z
    .string()
    .url()
    .optional()
    .describe(`Root of Google's sign-in page and token endpoint together (a test double); unset: ${GOOGLE_OAUTH_DEFAULT_URL}/o/oauth2/v2/auth and ${GOOGLE_TOKEN_DEFAULT_URL}/token.`),
};

export type GoogleAdsVariables = Partial<Record<keyof typeof GOOGLE_ADS_VARIABLES, string | undefined>>;

/** The variables still to set before Google Ads can be connected (empty when it can). */
export function missingGoogleAdsVariables(values: GoogleAdsVariables): string[] {
  return (['GOOGLE_ADS_CLIENT_ID', 'GOOGLE_ADS_CLIENT_SECRET', 'GOOGLE_ADS_DEVELOPER_TOKEN'] as const).filter((name) => !blank(values[name]));
}

/** The connector's settings from the parsed environment, or null while a credential is missing. */
export function googleAdsSettingsFrom(values: GoogleAdsVariables): GoogleAdsConnectorSettings | null {
  if (missingGoogleAdsVariables(values).length > 0) return null;
  const oauthRoot = blank(values.GOOGLE_OAUTH_URL)?.replace(/\/+$/, '');
  return {
    apiUrl: (blank(values.GOOGLE_ADS_API_URL) ?? GOOGLE_ADS_DEFAULT_API_URL).replace(/\/+$/, ''),
    oauthUrl: oauthRoot ?? GOOGLE_OAUTH_DEFAULT_URL,
    tokenUrl: oauthRoot ?? GOOGLE_TOKEN_DEFAULT_URL,
    clientId: blank(values.GOOGLE_ADS_CLIENT_ID)!,
    clientSecret: blank(values.GOOGLE_ADS_CLIENT_SECRET)!,
    developerToken: blank(values.GOOGLE_ADS_DEVELOPER_TOKEN)!,
  };
}

function blank(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
