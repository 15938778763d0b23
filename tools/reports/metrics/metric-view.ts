import { z } from 'zod';
import type { MetricSpec } from './metric-spec.ts';

/** How the metric tools show a metric: every field, nulls included (the write tools and explain_metric). */
export const metricOutput = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  category: z.string().describe('platform, external, calculated or attribution.'),
  kind: z.string().describe('metric or dimension.'),
  data_type: z.string(),
  aggregation: z.string().nullable().describe('How a base metric combines within a row; null for formulas and dimensions.'),
  weight_key: z.string().nullable(),
  source: z.string().nullable(),
  formula: z.string().nullable(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  built_in: z.boolean(),
});
export type MetricOutput = z.infer<typeof metricOutput>;

export function toMetricOutput(spec: MetricSpec): MetricOutput {
  return {
    key: spec.key,
    label: spec.label,
    description: spec.description,
    category: spec.category,
    kind: spec.kind,
    data_type: spec.dataType,
    aggregation: spec.aggregation,
    weight_key: spec.weightKey,
    source: spec.source,
    formula: spec.formula,
    aliases: [...spec.aliases],
    active: spec.active,
    built_in: spec.builtIn,
  };
}

export interface TreeOutput {
  key: string;
  label: string;
  formula?: string;
  source?: string;
  uses: TreeOutput[];
}

/** A dependency tree node: a formula or a source, and what it uses, down to base metrics. */
export const treeOutput: z.ZodType<TreeOutput> = z.lazy(() =>
  z.object({
    key: z.string(),
    label: z.string(),
    formula: z.string().optional(),
    source: z.string().optional(),
    uses: z.array(treeOutput),
  }),
);
