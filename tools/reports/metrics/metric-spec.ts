/** What a metric or dimension is, whether it ships built in or an organisation defined it. */
export const METRIC_CATEGORIES = ['platform', 'external', 'calculated', 'attribution'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

export const METRIC_KINDS = ['metric', 'dimension'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_DATA_TYPES = ['integer', 'float', 'string', 'boolean', 'date', 'currency'] as const;
export type MetricDataType = (typeof METRIC_DATA_TYPES)[number];

export const METRIC_AGGREGATIONS = ['sum', 'avg', 'count', 'distinct', 'weighted_avg'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];

/** How a value is shown: a ratio (0.034 = 3.4%) or as its data type says. */
export type MetricDisplay = 'ratio' | 'number';

export interface MetricSpec {
  key: string;
  label: string;
  /** One line: what it measures, as the README glossary says it. */
  description: string;
  category: MetricCategory;
  kind: MetricKind;
  dataType: MetricDataType;
  display: MetricDisplay;
  /** Base metrics: how values combine within a row. Null for formulas. */
  aggregation: MetricAggregation | null;
  /** weighted_avg: the metric whose values weight the average. */
  weightKey: string | null;
  /**
   * Base metrics and dimensions: where values come from, either a built-in fact
   * (`builtin:<fact>`, see tools/reports/engine/facts.ts) or a unified-record field
   * (`payload.<path>`, or one of `data_source`, `source_category`, `campaign_key`, `customer_key`, `asset_key`).
   */
  source: string | null;
  /** Calculated metrics: an expression over other metric keys (see ./formula.ts). */
  formula: string | null;
  /** Legacy names that still resolve to this key. */
  aliases: readonly string[];
  active: boolean;
  builtIn: boolean;
  /** A built-in metric the organisation changed (label, aliases or active flag). */
  overridden?: boolean;
}
