export { createMetaAdsConnector, META_AD_SCOPES, type MetaAdsSettings } from './meta-connector.ts';
export { appSecretProof, businessUseCaseUsage, META_DEFAULT_API_VERSION, META_DEFAULT_GRAPH_URL, throttleWaitMs } from './meta-graph.ts';
export { META_CONVERSION_ACTION_TYPES, metricsFromInsightRow } from './meta-insights.ts';
export { budgetFromMinor, budgetToMinor, currencyOffset } from './meta-money.ts';
export { META_ADS_VARIABLES, metaAdsConnectorFrom, metaAdsSettingsFrom, missingMetaAdsVariables, type MetaAdsConfig } from './meta-settings.ts';
export { startFakeMetaAds, type FakeMetaAds, type FakeMetaAdsOptions } from './testing/fake-meta-ads.ts';
