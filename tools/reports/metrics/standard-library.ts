import type { MetricSpec } from './metric-spec.ts';

type Entry = Pick<MetricSpec, 'key' | 'label' | 'description' | 'category' | 'dataType'> & Partial<Pick<MetricSpec, 'aggregation' | 'source' | 'formula' | 'aliases' | 'display' | 'kind'>>;

const base = (entry: Entry & { source: string }): Entry => ({ aggregation: 'sum', ...entry });
const calculated = (entry: Omit<Entry, 'category'> & { formula: string }): Entry => ({ category: 'calculated', ...entry });
const dimension = (key: string, label: string, description: string, source: string, dataType: MetricSpec['dataType'] = 'string'): Entry => ({
  key, label, description, category: 'platform', kind: 'dimension', dataType, source,
});

/**
 * The metrics and dimensions every organisation has, over the data Crescendo already keeps. Base
 * metrics name a built-in fact (tools/reports/engine/facts.ts) as `builtin:<fact>.<measure>`;
 * calculated ones are formulas over other keys, evaluated on each row's aggregated inputs.
 * These one-line descriptions are the README glossary's.
 */
const ENTRIES: Entry[] = [
  // Campaign (paid media): MarketingSpend rows plus unified records' spend, impressions, clicks and reach.
  base({ key: 'spend', label: 'Spend', category: 'platform', dataType: 'currency', source: 'builtin:marketing.spend', aliases: ['cost', 'ad_spend'], description: 'Marketing spend in the base currency (imported spend plus unified records\' `spend`), converted at each day\'s rate.' }),
  base({ key: 'impressions', label: 'Impressions', category: 'platform', dataType: 'integer', source: 'builtin:marketing.impressions', description: 'Times an ad was shown.' }),
  base({ key: 'clicks', label: 'Clicks', category: 'platform', dataType: 'integer', source: 'builtin:marketing.clicks', description: 'Clicks on ads.' }),
  base({ key: 'reach', label: 'Reach', category: 'platform', dataType: 'integer', source: 'builtin:marketing.reach', description: 'People reached, where the source reports it (unified records\' `reach`); summed across rows.' }),
  calculated({ key: 'ctr', label: 'CTR', dataType: 'float', display: 'ratio', formula: 'clicks / impressions', aliases: ['click_through_rate'], description: 'Click-through rate: clicks / impressions.' }),
  calculated({ key: 'cpc', label: 'CPC', dataType: 'currency', formula: 'spend / clicks', aliases: ['cost_per_click'], description: 'Cost per click: spend / clicks.' }),
  calculated({ key: 'cpm', label: 'CPM', dataType: 'currency', formula: 'spend / impressions * 1000', aliases: ['cost_per_mille'], description: 'Cost per 1,000 impressions: spend / impressions x 1000.' }),
  calculated({ key: 'frequency', label: 'Frequency', dataType: 'float', formula: 'impressions / reach', description: 'Average times each person reached saw an ad: impressions / reach.' }),
  // Conversions: revenue is attributed when the report splits by channel, campaign or artist.
  base({ key: 'revenue', label: 'Revenue', category: 'platform', dataType: 'currency', source: 'builtin:conversions.revenue', aliases: ['sales'], description: 'Conversion revenue in the base currency; split by channel, campaign or artist it is attributed revenue under the report\'s model.' }),
  base({ key: 'conversions', label: 'Conversions', category: 'platform', dataType: 'float', source: 'builtin:conversions.conversions', description: 'Conversions (orders); split by channel, campaign or artist, the attributed share of each.' }),
  calculated({ key: 'conversion_rate', label: 'Conversion rate', dataType: 'float', display: 'ratio', formula: 'conversions / clicks', description: 'Conversions / clicks.' }),
  calculated({ key: 'roas', label: 'ROAS', dataType: 'float', formula: 'revenue / spend', aliases: ['return_on_ad_spend'], description: 'Return on ad spend: revenue / spend.' }),
  calculated({ key: 'roi', label: 'ROI', dataType: 'float', display: 'ratio', formula: '(revenue - spend) / spend', description: 'Return on investment: (revenue - spend) / spend.' }),
  calculated({ key: 'cpa', label: 'CPA', dataType: 'currency', formula: 'spend / conversions', aliases: ['cost_per_acquisition'], description: 'Cost per conversion: spend / conversions.' }),
  // Customers.
  base({ key: 'customers', label: 'Customers', category: 'platform', dataType: 'integer', aggregation: 'distinct', source: 'builtin:conversions.customers', description: 'Distinct customers who converted.' }),
  base({ key: 'new_customers', label: 'New customers', category: 'platform', dataType: 'float', source: 'builtin:conversions.new_customers', description: 'Customers whose first conversion ever falls in the row (attributed share when split by channel, campaign or artist).' }),
  base({ key: 'repeat_customers', label: 'Repeat customers', category: 'platform', dataType: 'integer', aggregation: 'distinct', source: 'builtin:conversions.repeat_customers', description: 'Customers in the row who had converted before (any earlier conversion).' }),
  calculated({ key: 'customer_acquisition_cost', label: 'CAC', dataType: 'currency', formula: 'spend / new_customers', aliases: ['cac'], description: 'Spend / new customers.' }),
  calculated({ key: 'average_order_value', label: 'AOV', dataType: 'currency', formula: 'revenue / conversions', aliases: ['aov'], description: 'Revenue / conversions.' }),
  calculated({ key: 'repeat_purchase_rate', label: 'Repeat purchase rate', dataType: 'float', display: 'ratio', formula: 'repeat_customers / customers', description: 'Repeat customers / customers.' }),
  base({ key: 'lifetime_revenue', label: 'Lifetime revenue', category: 'platform', dataType: 'currency', source: 'builtin:customers.lifetime_revenue', description: 'All revenue (to the end of the range) of the customers who converted in the row.' }),
  calculated({ key: 'customer_lifetime_value', label: 'CLV', dataType: 'currency', formula: 'lifetime_revenue / customers', aliases: ['clv', 'ltv'], description: 'Lifetime revenue per customer who converted in the row: lifetime_revenue / customers.' }),
  base({ key: 'previous_customers', label: 'Customers in the previous period', category: 'platform', dataType: 'integer', aggregation: 'distinct', source: 'builtin:retention.previous_customers', description: 'Distinct customers who converted in the period before the row\'s (same length).' }),
  base({ key: 'retained_customers', label: 'Retained customers', category: 'platform', dataType: 'integer', aggregation: 'distinct', source: 'builtin:retention.retained_customers', description: 'Customers of the previous period who converted again in the row\'s period.' }),
  calculated({ key: 'retention_rate', label: 'Retention rate', dataType: 'float', display: 'ratio', formula: 'retained_customers / previous_customers', description: 'Retained customers / customers in the previous period.' }),
  calculated({ key: 'churn_rate', label: 'Churn rate', dataType: 'float', display: 'ratio', formula: 'if(previous_customers > 0, 1 - retained_customers / previous_customers, null)', description: '1 - retention rate: the previous period\'s customers who did not convert again.' }),
  base({ key: 'customer_journey_length', label: 'Journey length', category: 'attribution', dataType: 'float', aggregation: 'avg', source: 'builtin:attributed.journey_length', description: 'Average touchpoints in a conversion\'s journey (within the lookback window).' }),
  // Attribution.
  base({ key: 'first_touch_revenue', label: 'First-touch revenue', category: 'attribution', dataType: 'currency', source: 'builtin:attributed.first_touch_revenue', description: 'Revenue credited wholly to each journey\'s first touchpoint.' }),
  base({ key: 'last_touch_revenue', label: 'Last-touch revenue', category: 'attribution', dataType: 'currency', source: 'builtin:attributed.last_touch_revenue', description: 'Revenue credited wholly to each journey\'s last touchpoint.' }),
  base({ key: 'multi_touch_revenue', label: 'Multi-touch revenue', category: 'attribution', dataType: 'currency', source: 'builtin:attributed.revenue', aliases: ['attributed_revenue'], description: 'Revenue shared across each journey\'s touchpoints under the report\'s attribution model.' }),
  base({ key: 'assisted_conversions', label: 'Assisted conversions', category: 'attribution', dataType: 'integer', aggregation: 'count', source: 'builtin:attributed.assisted_conversions', description: 'Conversions whose journey had the row\'s channel (campaign, artist) before its last touch.' }),
  base({ key: 'touchpoints', label: 'Touchpoints', category: 'platform', dataType: 'integer', aggregation: 'count', source: 'builtin:touchpoints.touchpoints', description: 'Marketing touches recorded (ad clicks, email opens, visits).' }),
  // Streaming.
  base({ key: 'streams', label: 'Streams', category: 'platform', dataType: 'integer', source: 'builtin:streams.streams', description: 'Daily streams imported per track and platform.' }),
  base({ key: 'estimated_earnings', label: 'Estimated earnings', category: 'platform', dataType: 'currency', source: 'builtin:streams.estimated_earnings', description: 'Streams x the platform\'s per-stream rate, in the base currency.' }),
  base({ key: 'payouts', label: 'Payouts', category: 'platform', dataType: 'currency', source: 'builtin:payouts.payouts', description: 'Actual payouts received, counted on their period\'s first day.' }),
  base({ key: 'unified_records', label: 'Records', category: 'external', dataType: 'integer', aggregation: 'count', source: 'builtin:records.records', description: 'Unified records imported (import_records).' }),
  // Dimensions.
  dimension('channel', 'Channel', 'Marketing channel (spend, touchpoints, unified records\' `channel` or their data source).', 'builtin:channel'),
  dimension('campaign', 'Campaign', 'Campaign name on spend, touchpoints and unified records.', 'builtin:campaign'),
  dimension('artist', 'Artist', 'Artist on spend, streams and payouts (a campaign\'s artist for attributed revenue).', 'builtin:artist'),
  dimension('platform', 'Platform', 'Streaming platform of streams, earnings and payouts.', 'builtin:platform'),
  dimension('track', 'Track', 'Track id of streams.', 'builtin:track'),
  dimension('data_source', 'Data source', 'Where a record came from: crescendo for Crescendo\'s own data, else the import\'s source (meta_ads, shopify, ...).', 'builtin:data_source'),
  dimension('source_category', 'Source category', 'platform_native, external_marketing, external_revenue or external_operational.', 'builtin:source_category'),
  dimension('asset', 'Asset', 'The asset key of unified records (a release, video or creative).', 'builtin:asset'),
  dimension('customer', 'Customer', 'The customer of conversions and touchpoints (their customer id) and of unified records (their customer key).', 'builtin:customer'),
];

export const STANDARD_METRICS: readonly MetricSpec[] = ENTRIES.map((entry) => ({
  kind: 'metric',
  display: 'number',
  aggregation: null,
  weightKey: null,
  source: null,
  formula: null,
  aliases: [],
  active: true,
  builtIn: true,
  ...entry,
}));
