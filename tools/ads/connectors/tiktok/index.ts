export { createTikTokAdsConnector, TIKTOK_ADS_DEFAULT_API_URL, windows as tiktokReportWindows, type TikTokAdsConnectorSettings } from './tiktok-ads-connector.ts';
export { TIKTOK_RATE_LIMIT_CODES, TIKTOK_REVOKED_CODES, type TikTokAdsDeps } from './tiktok-ads-http.ts';
export { missingTikTokAdsVariables, TIKTOK_ADS_VARIABLES, tiktokAdsSettingsFrom, type TikTokAdsVariables } from './tiktok-ads-settings.ts';
export {
  FAKE_TIKTOK_APP_ID,
  FAKE_TIKTOK_SECRET,
  startFakeTikTokAds,
  type FakeTikTokAds,
  type FakeTikTokAdsOptions,
  type FakeTikTokAdvertiser,
  type FakeTikTokCampaign,
  type FakeTikTokDay,
} from './testing/fake-tiktok-ads.ts';
