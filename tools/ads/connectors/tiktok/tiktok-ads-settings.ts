import { z } from 'zod';
import { TIKTOK_ADS_DEFAULT_API_URL, type TikTokAdsConnectorSettings } from './tiktok-ads-connector.ts';

/**
 * The environment variables the TikTok Ads connector needs, for bin/config.ts to spread into its
 * schema (nothing but the configuration module reads process.env).
 */
export const TIKTOK_ADS_VARIABLES = {
  TIKTOK_ADS_APP_ID: z.string().optional().describe('TikTok for Business developer app id (business-api.tiktok.com > My Apps): with TIKTOK_ADS_SECRET, turns on connecting TikTok ad accounts.'),
  TIKTOK_ADS_SECRET: z.string().optional().describe('The app secret, with TIKTOK_ADS_APP_ID.'),
  TIKTOK_ADS_API_URL: z.string().url().optional().describe(`TikTok Business API root (default ${TIKTOK_ADS_DEFAULT_API_URL}; https://sandbox-ads.tiktok.com for the sandbox).`),
};

export type TikTokAdsVariables = Partial<Record<keyof typeof TIKTOK_ADS_VARIABLES, string | undefined>>;

/** The variables still to set before TikTok can be connected (empty when it can). */
export function missingTikTokAdsVariables(values: TikTokAdsVariables): string[] {
  return (['TIKTOK_ADS_APP_ID', 'TIKTOK_ADS_SECRET'] as const).filter((name) => !blank(values[name]));
}

/** The connector's settings from the parsed environment, or null while a credential is missing. */
export function tiktokAdsSettingsFrom(values: TikTokAdsVariables): TikTokAdsConnectorSettings | null {
  if (missingTikTokAdsVariables(values).length > 0) return null;
  return {
    apiUrl: (blank(values.TIKTOK_ADS_API_URL) ?? TIKTOK_ADS_DEFAULT_API_URL).replace(/\/+$/, ''),
    appId: blank(values.TIKTOK_ADS_APP_ID)!,
    secret: blank(values.TIKTOK_ADS_SECRET)!,
  };
}

function blank(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
