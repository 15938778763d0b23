export {
  createGoogleAdsConnector,
  formatCustomerId,
  googleCustomerId,
  GOOGLE_ADS_DEFAULT_API_URL,
  GOOGLE_ADS_DEFAULT_VERSION,
  GOOGLE_ADS_SCOPE,
  GOOGLE_OAUTH_DEFAULT_URL,
  GOOGLE_TOKEN_DEFAULT_URL,
  type GoogleAdsConnectorSettings,
} from './google-ads-connector.ts';
export type { GoogleAdsDeps } from './google-ads-http.ts';
export { GOOGLE_ADS_VARIABLES, googleAdsSettingsFrom, missingGoogleAdsVariables, type GoogleAdsVariables } from './google-ads-settings.ts';
export {
  FAKE_GOOGLE_CLIENT_ID,
  FAKE_GOOGLE_CLIENT_SECRET,
  FAKE_GOOGLE_DEVELOPER_TOKEN,
  startFakeGoogleAds,
  type FakeGoogleAds,
  type FakeGoogleAdsOptions,
  type FakeGoogleCampaign,
  type FakeGoogleCustomer,
  type FakeGoogleDay,
} from './testing/fake-google-ads.ts';
