import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { loadMetricLibrary } from './metric-library.ts';
import { METRIC_CATEGORIES, METRIC_KINDS, type MetricSpec } from './metric-spec.ts';
import { categoryInput, kindInput } from './metric-fields.ts';

const listedMetric = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  data_type: z.string(),
  aggregation: z.string().optional().describe('Base metrics: how values combine within a row.'),
  weight_key: z.string().optional(),
  formula: z.string().optional(),
  source: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  active: z.boolean(),
  built_in: z.boolean(),
});

export const listMetrics = defineTool({
  name: 'list_metrics',
  title: 'List metrics',
  description:
    "The organisation's metric library (built-in and its own metrics and dimensions) grouped by kind and category: keys to use in reports and formulas, with their formula or source. Inactive ones only with include_inactive.",
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    category: categoryInput.optional().describe('Only platform, external, calculated or attribution.'),
    kind: kindInput.optional().describe('Only metrics or only dimensions.'),
    include_inactive: z.boolean().default(false).describe('Also list switched-off ones.'),
    search: z.string().trim().max(100).optional().describe('Words in the key, label, aliases or description.'),
  }),
  output: z.object({
    total: z.number().int(),
    groups: z.array(z.object({ kind: z.string(), category: z.string(), metrics: z.array(listedMetric) })),
  }),
  keywords: ['kpis', 'available metrics', 'what can I report on', 'dimensions', 'metric catalogue'],
  example: { kind: 'metric', search: 'revenue' },
  async handler(ctx, input) {
    const library = await loadMetricLibrary(ctx.db);
    const words = input.search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    const chosen = library.all().filter(
      (spec) =>
        (input.include_inactive || spec.active) &&
        (!input.category || spec.category === input.category) &&
        (!input.kind || spec.kind === input.kind) &&
        words.every((word) => searchText(spec).includes(word)),
    );
    const groups = METRIC_KINDS.flatMap((kind) =>
      METRIC_CATEGORIES.map((category) => ({ kind, category, metrics: chosen.filter((spec) => spec.kind === kind && spec.category === category).map(toListed) })),
    ).filter((group) => group.metrics.length);
    return { total: chosen.length, groups };
  },
});

function searchText(spec: MetricSpec): string {
  return [spec.key, spec.label, ...spec.aliases, spec.description].join(' ').toLowerCase();
}

/** Empty fields are left out: the model pays for every token. */
function toListed(spec: MetricSpec): z.input<typeof listedMetric> {
  return {
    key: spec.key,
    label: spec.label,
    description: spec.description,
    data_type: spec.dataType,
    ...(spec.aggregation ? { aggregation: spec.aggregation } : {}),
    ...(spec.weightKey ? { weight_key: spec.weightKey } : {}),
    ...(spec.formula ? { formula: spec.formula } : {}),
    ...(spec.source ? { source: spec.source } : {}),
    ...(spec.aliases.length ? { aliases: [...spec.aliases] } : {}),
    active: spec.active,
    built_in: spec.builtIn,
  };
}
