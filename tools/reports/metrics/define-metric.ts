import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { checkChange, checkShape, createOwn, loadForChange } from './metric-changes.ts';
import { dependencyTree } from './metric-dependencies.ts';
import {
  aggregationInput, aliasesInput, categoryInput, checkAliases, checkNewKey, checkSource, dataTypeInput, descriptionInput, formulaInput, kindInput, labelInput, metricKey, sourceInput,
} from './metric-fields.ts';
import type { MetricSpec } from './metric-spec.ts';
import { metricOutput, toMetricOutput, treeOutput } from './metric-view.ts';

export const defineMetric = defineTool({
  name: 'define_metric',
  title: 'Define a metric',
  description:
    "Adds a metric or dimension to the organisation's library: calculated (a formula over other metric keys, e.g. revenue / streams) or base (a unified-record field with an aggregation). Returns it with what it uses, down to base metrics. Admins only.",
  area: 'reports',
  access: 'write',
  permission: 'org:admin',
  input: z.object({
    key: metricKey.describe('New key, lower snake case (2-60 characters); not a built-in key or an existing key or alias.'),
    label: labelInput.describe('Name people read, e.g. "Revenue per stream".'),
    description: descriptionInput.optional().describe('One line: what it measures.'),
    category: categoryInput.optional().describe('platform, external, calculated or attribution (default: calculated with a formula, else external).'),
    kind: kindInput.default('metric').describe('metric (a number) or dimension (something to group by).'),
    data_type: dataTypeInput.optional().describe('integer, float, currency (metrics); string, boolean or date too for dimensions. Default float for metrics, string for dimensions.'),
    aggregation: aggregationInput.optional().describe('Base metrics only: sum, avg, count, distinct or weighted_avg.'),
    weight_key: z.string().trim().optional().describe('weighted_avg only: the active base metric whose values weight the average.'),
    source: sourceInput.optional(),
    formula: formulaInput.optional().describe('Calculated metrics: an expression over metric keys or aliases, numbers, + - * / ( ), comparisons and if, min, max, abs, coalesce.'),
    aliases: aliasesInput.default([]).describe('Other names that resolve to this key.'),
  }),
  output: z.object({
    metric: metricOutput,
    tree: treeOutput.describe('What it uses, each with its formula or source, down to base metrics.'),
  }),
  keywords: ['custom metric', 'calculated metric', 'new kpi', 'formula', 'add dimension'],
  example: { key: 'revenue_per_stream', label: 'Revenue per stream', formula: 'revenue / streams', data_type: 'currency' },
  async handler(ctx, input) {
    const library = await loadForChange(ctx);
    checkNewKey(library, input.key);
    const formula = input.formula?.trim() || null;
    const spec: MetricSpec = {
      key: input.key,
      label: input.label,
      description: input.description ?? '',
      category: input.category ?? (formula ? 'calculated' : 'external'),
      kind: input.kind,
      dataType: input.data_type ?? (input.kind === 'dimension' ? 'string' : 'float'),
      display: 'number',
      aggregation: input.aggregation ?? null,
      weightKey: input.weight_key ? (library.resolve(input.weight_key)?.key ?? input.weight_key) : null,
      source: input.source ? checkSource(input.source, input.kind) : null,
      formula,
      aliases: checkAliases(library, input.key, input.aliases),
      active: true,
      builtIn: false,
    };
    checkShape(spec);
    const after = checkChange(library, spec);
    await createOwn(ctx, spec);
    return { metric: toMetricOutput(spec), tree: dependencyTree(after, spec) };
  },
});
