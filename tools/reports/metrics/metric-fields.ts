import { z } from 'zod';
import type { MetricAggregation as StoredAggregation, MetricCategory as StoredCategory, MetricDataType as StoredDataType, MetricKind as StoredKind } from '../../../db/generated/prisma/enums.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { FORMULA_FUNCTIONS } from './formula.ts';
import type { MetricLibrary } from './metric-library.ts';
import { METRIC_AGGREGATIONS, METRIC_CATEGORIES, METRIC_DATA_TYPES, METRIC_KINDS, type MetricSpec } from './metric-spec.ts';
import { STANDARD_METRICS } from './standard-library.ts';

/** Input fields and rules the metric configuration tools share. */

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Names a formula reads as something other than a metric. */
const RESERVED = new Set([...Object.keys(FORMULA_FUNCTIONS), 'null', 'true', 'false', 'this']);

export const metricKey = z
  .string()
  .trim()
  .min(2, 'use 2-60 characters')
  .max(60, 'use 2-60 characters')
  .regex(SNAKE, 'use lower snake case such as paid_streams or cost_per_stream')
  .refine((key) => !RESERVED.has(key), 'is a formula word (if, min, max, abs, coalesce, null); choose another key');

export const categoryInput = z.enum(METRIC_CATEGORIES);
export const kindInput = z.enum(METRIC_KINDS);
export const dataTypeInput = z.enum(METRIC_DATA_TYPES);
export const aggregationInput = z.enum(METRIC_AGGREGATIONS);

export const labelInput = z.string().trim().min(1).max(80);
export const descriptionInput = z.string().trim().max(500);
export const formulaInput = z.string().max(1000);
export const aliasesInput = z.array(metricKey).max(10);

const SEGMENT = '[A-Za-z_][A-Za-z0-9_]*';
const PAYLOAD_SOURCE = new RegExp(`^(?:([a-z][a-z0-9]*(?:_[a-z0-9]+)*):)?payload\\.${SEGMENT}(?:\\.${SEGMENT})*$`);
/** Unified-record columns a dimension may read. */
export const RECORD_COLUMNS = ['data_source', 'source_category', 'campaign_key', 'customer_key', 'asset_key'] as const;

export const sourceInput = z
  .string()
  .trim()
  .max(200)
  .describe(`A unified-record field: payload.<path> (e.g. payload.revenue), or <data_source>:payload.<path> for one source's records; dimensions may also use ${RECORD_COLUMNS.join(', ')}.`);

/** Checks a base metric's or dimension's source; returns it as stored. */
export function checkSource(source: string, kind: MetricSpec['kind']): string {
  if (PAYLOAD_SOURCE.test(source)) return source;
  if ((RECORD_COLUMNS as readonly string[]).includes(source)) {
    if (kind === 'dimension') return source;
    throw invalidInput('source', `${source} is a dimension's source; a metric reads a number at payload.<path>`);
  }
  throw invalidInput('source', `"${source}" is not a unified-record field: use payload.<path> (segments of letters, digits and _ joined by dots), optionally as <data_source>:payload.<path>${kind === 'dimension' ? `, or one of ${RECORD_COLUMNS.join(', ')}` : ''}`);
}

/** A metric's values are numbers; text, dates and flags are dimensions. */
export function checkDataType(dataType: MetricSpec['dataType'], kind: MetricSpec['kind']): void {
  if (kind === 'metric' && !['integer', 'float', 'currency'].includes(dataType)) {
    throw invalidInput('data_type', `a metric is a number (integer, float or currency); make ${dataType} values a dimension (kind: dimension)`);
  }
}

export const BUILT_IN_KEYS: ReadonlySet<string> = new Set(STANDARD_METRICS.map((spec) => spec.key));

/** A new key must name nothing yet: no built-in, no metric of the organisation (active or not), no alias. */
export function checkNewKey(library: MetricLibrary, key: string): void {
  const existing = library.resolve(key);
  if (!existing) return;
  if (existing.key !== key) throw conflict(`"${key}" is already an alias of ${existing.key}; choose another key.`);
  if (existing.builtIn) throw conflict(`${key} is a built-in ${existing.kind}; choose another key (update_metric changes a built-in's label, description and aliases).`);
  throw conflict(`${key} already exists${existing.active ? '' : ' (inactive: deactivate_metric with reactivate: true brings it back)'}; change it with update_metric or choose another key.`);
}

/** Aliases are unique across the library (keys and other metrics' aliases); duplicates are dropped. */
export function checkAliases(library: MetricLibrary, key: string, aliases: readonly string[]): string[] {
  const unique = [...new Set(aliases)];
  unique.forEach((alias, index) => {
    if (alias === key) throw invalidInput(`aliases[${index}]`, `is the key itself`);
    const existing = library.resolve(alias);
    if (existing && existing.key !== key) throw conflict(`"${alias}" already names ${existing.key}${existing.key === alias ? '' : ' (as its alias)'}; choose another alias.`);
  });
  return unique;
}

export const toStoredCategory = (category: MetricSpec['category']) => category.toUpperCase() as StoredCategory;
export const toStoredKind = (kind: MetricSpec['kind']) => kind.toUpperCase() as StoredKind;
export const toStoredDataType = (dataType: MetricSpec['dataType']) => dataType.toUpperCase() as StoredDataType;
export const toStoredAggregation = (aggregation: MetricSpec['aggregation']) => (aggregation ? (aggregation.toUpperCase() as StoredAggregation) : null);

/** The columns a spec is stored with (key and organisation apart). */
export function storedColumns(spec: MetricSpec) {
  return {
    label: spec.label,
    description: spec.description || null,
    category: toStoredCategory(spec.category),
    kind: toStoredKind(spec.kind),
    dataType: toStoredDataType(spec.dataType),
    aggregation: toStoredAggregation(spec.aggregation),
    weightKey: spec.weightKey,
    source: spec.source,
    formula: spec.formula,
    aliases: [...spec.aliases],
    isActive: spec.active,
  };
}
