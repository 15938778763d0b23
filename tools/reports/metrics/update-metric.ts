import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { checkChange, checkShape, loadForChange, storeOverride, storeOwn } from './metric-changes.ts';
import { dependencyTree } from './metric-dependencies.ts';
import { aggregationInput, aliasesInput, checkAliases, checkSource, dataTypeInput, descriptionInput, formulaInput, labelInput, sourceInput } from './metric-fields.ts';
import type { MetricLibrary } from './metric-library.ts';
import { findMetric } from './metric-lookup.ts';
import type { MetricSpec } from './metric-spec.ts';
import { STANDARD_METRICS } from './standard-library.ts';
import { metricOutput, toMetricOutput, treeOutput } from './metric-view.ts';

const input = z.object({
  key: z.string().trim().min(1).describe('The metric or dimension to change (key or alias).'),
  label: labelInput.optional().describe('New label.'),
  description: descriptionInput.nullable().optional().describe('New one-line description; null clears it (a built-in gets its standard one back).'),
  formula: formulaInput.optional().describe('New formula (makes a base metric calculated; clears source, aggregation and weight).'),
  source: sourceInput.optional().describe('New unified-record source (makes a calculated metric a base one: give aggregation too).'),
  aggregation: aggregationInput.optional().describe('Base metrics: sum, avg, count, distinct or weighted_avg.'),
  weight_key: z.string().trim().nullable().optional().describe('weighted_avg: the base metric that weights it; null clears it.'),
  aliases: aliasesInput.optional().describe('The full new list of aliases (replaces the old one).'),
  data_type: dataTypeInput.optional().describe('integer, float or currency for metrics; string, boolean or date too for dimensions.'),
});
type Input = z.output<typeof input>;

/** What a built-in lets an organisation change; the rest is the standard library's. */
const BUILT_IN_FIELDS = new Set(['key', 'label', 'description', 'aliases']);

export const updateMetric = defineTool({
  name: 'update_metric',
  title: 'Change a metric',
  description:
    "Changes a metric or dimension. Built-ins: only label, description and aliases. The organisation's own: anything but the key. Refused when it would make a formula cycle or break another active metric's formula (they are named). Admins only.",
  area: 'reports',
  access: 'write',
  permission: 'org:admin',
  input,
  output: z.object({
    metric: metricOutput,
    changed: z.array(z.string()).describe('The fields given that differ from before.'),
    tree: treeOutput.describe('What it uses now, down to base metrics.'),
  }),
  hints: { idempotent: true },
  keywords: ['rename metric', 'edit formula', 'change metric'],
  example: { key: 'roas', label: 'Return on ad spend' },
  async handler(ctx, input) {
    const library = await loadForChange(ctx);
    const current = findMetric(library, input.key);
    const given = Object.keys(input).filter((field) => field !== 'key' && input[field as keyof Input] !== undefined);
    if (!given.length) throw invalidInput('key', 'say what to change: label, description, formula, source, aggregation, weight_key, aliases or data_type');
    const next = current.builtIn ? changedBuiltIn(library, current, input, given) : changedOwn(library, current, input);
    const after = checkChange(library, next);
    if (current.builtIn) {
      await storeOverride(ctx, current.key, { label: input.label, description: input.description, aliases: input.aliases && next.aliases.slice() });
    } else {
      await storeOwn(ctx, next);
    }
    const shown = after.resolve(next.key)!;
    return { metric: toMetricOutput(shown), changed: given.filter((field) => differs(current, shown, field)), tree: dependencyTree(after, shown) };
  },
});

function changedBuiltIn(library: MetricLibrary, current: MetricSpec, input: Input, given: string[]): MetricSpec {
  const refused = given.find((field) => !BUILT_IN_FIELDS.has(field));
  if (refused) throw invalidInput(refused, `${current.key} is built in: only its label, description and aliases can change (define_metric makes a new metric with your own ${refused})`);
  const standard = STANDARD_METRICS.find((spec) => spec.key === current.key)!;
  let aliases = current.aliases;
  if (input.aliases) {
    if (!input.aliases.length && standard.aliases.length) {
      throw invalidInput('aliases', `${current.key} keeps its standard aliases (${standard.aliases.join(', ')}) when none are given; list the ones to keep`);
    }
    aliases = checkAliases(library, current.key, input.aliases);
  }
  return {
    ...current,
    label: input.label ?? current.label,
    description: input.description === null ? standard.description : (input.description ?? current.description),
    aliases,
  };
}

function changedOwn(library: MetricLibrary, current: MetricSpec, input: Input): MetricSpec {
  if (input.formula !== undefined && input.source !== undefined) throw invalidInput('source', 'give either a formula or a source, not both');
  const next: MetricSpec = {
    ...current,
    label: input.label ?? current.label,
    description: input.description === null ? '' : (input.description ?? current.description),
    dataType: input.data_type ?? current.dataType,
    aliases: input.aliases ? checkAliases(library, current.key, input.aliases) : current.aliases,
  };
  if (input.formula !== undefined) {
    if (input.aggregation) throw invalidInput('aggregation', 'not allowed with a formula');
    if (input.weight_key) throw invalidInput('weight_key', 'not allowed with a formula');
    Object.assign(next, { formula: input.formula.trim(), source: null, aggregation: null, weightKey: null });
    if (next.category === 'external') next.category = 'calculated';
  }
  if (input.source !== undefined) {
    Object.assign(next, { source: checkSource(input.source, current.kind), formula: null });
    if (next.category === 'calculated') next.category = 'external';
  }
  if (input.aggregation) next.aggregation = input.aggregation;
  if (input.weight_key !== undefined) next.weightKey = input.weight_key ? (library.resolve(input.weight_key)?.key ?? input.weight_key) : null;
  else if (next.aggregation !== 'weighted_avg') next.weightKey = null;
  checkShape(next);
  return next;
}

const FIELD_OF: Record<string, keyof MetricSpec> = {
  label: 'label', description: 'description', formula: 'formula', source: 'source', aggregation: 'aggregation', weight_key: 'weightKey', aliases: 'aliases', data_type: 'dataType',
};

function differs(before: MetricSpec, after: MetricSpec, field: string): boolean {
  const property = FIELD_OF[field]!;
  return JSON.stringify(before[property]) !== JSON.stringify(after[property]);
}
