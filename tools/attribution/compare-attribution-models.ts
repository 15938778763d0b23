import { z } from 'zod';
import { isReservedName } from '../common/channel-name.ts';
import { displayName } from '../common/display-names.ts';
import { isoDay, money, rate } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { attribute } from './engine/attribute.ts';
import { groupByInput, halfLifeInput, journeyInput, resolveScope } from './engine/attribution-scope.ts';
import { labelKeys, type KeyLabel } from './key-labels.ts';
import { ATTRIBUTION_MODELS, positionWeightsInput, type AttributionModel } from './models.ts';

const DEFAULT_ROWS = 30;
const DISAGREEMENTS = 3;

const namedKey = z.object({
  key: z.string(),
  label: z.string().describe('The key as people read it: a channel\'s display name, the playlist campaign\'s name.'),
  campaign_id: z.string().nullable().describe('The playlist campaign the key names (group_by campaign), else null.'),
});

const perModel = z.object(Object.fromEntries(ATTRIBUTION_MODELS.map((model) => [model, z.number().nullable()])) as Record<AttributionModel, z.ZodNullable<z.ZodNumber>>);

export const compareAttributionModels = defineTool({
  name: 'compare_attribution_models',
  title: 'Compare attribution models',
  description: 'Attributed revenue per channel, campaign or artist under every model side by side, with each key\'s spread and where the models disagree most. Use it to explain which channels open journeys and which close them; base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    group_by: groupByInput,
    ...journeyInput,
    half_life_days: halfLifeInput,
    weights: positionWeightsInput.optional().describe('Weights for the custom column; default the organisation\'s saved custom weights (no custom column without either).'),
    limit: z.int().min(1).max(200).default(DEFAULT_ROWS).describe('Rows to return, largest mean revenue first.'),
  }),
  output: z.object({
    group_by: z.string(),
    currency: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    lookback_days: z.int(),
    models: z.array(z.enum(ATTRIBUTION_MODELS)).describe('The columns computed; custom only with weights.'),
    total_revenue: z.number(),
    total_conversions: z.int(),
    rows: z.array(
      z.object({
        key: z.string(),
        label: namedKey.shape.label,
        campaign_id: namedKey.shape.campaign_id,
        revenue: perModel.describe('Attributed revenue under each model (null: not computed).'),
        min: z.number(),
        max: z.number(),
        spread: z.number().describe('max - min.'),
        spread_share: z.number().nullable().describe('spread / mean across models (null when the mean is 0).'),
      }),
    ),
    rows_not_shown: z.int(),
    top_key_by_model: z.record(z.string(), z.string().nullable()).describe('The key each model credits most.'),
    top_named_by_model: z.record(z.string(), namedKey.nullable())
      .describe('The channel, campaign or artist each model credits most, leaving out Crescendo\'s own keys ((direct), (none), (unassigned)).'),
    disagreements: z.array(z.string()).describe('Plain sentences on the keys whose credit differs most between models.'),
  }),
  example: { group_by: 'channel' },
  async handler(ctx, input) {
    const scope = await resolveScope(ctx, input);
    const models = ATTRIBUTION_MODELS.filter((model) => model !== 'custom' || scope.customWeights);
    const results = await attribute(ctx, scope, models);
    const keys = new Set([...results.values()].flatMap((result) => result.rows.map((row) => row.key)));
    const rows = [...keys].map((key) => {
      const revenue = Object.fromEntries(
        ATTRIBUTION_MODELS.map((model) => {
          const result = results.get(model);
          return [model, result ? (result.rows.find((row) => row.key === key)?.revenue ?? 0) : null];
        }),
      ) as Record<AttributionModel, number | null>;
      const values = models.map((model) => revenue[model]!);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      return { key, revenue, min, max, mean, spread: max - min };
    });
    rows.sort((a, b) => b.mean - a.mean || a.key.localeCompare(b.key));
    const currency = ctx.org.baseCurrency;
    const any = results.get('linear')!;
    const topKeyByModel = Object.fromEntries(models.map((model) => [model, results.get(model)!.rows[0]?.key ?? null]));
    const labels = await labelKeys(ctx, input.group_by, keys);
    const named = (key: string | undefined) => (key === undefined ? null : { key, ...labels.get(key)! });
    const topNamedByModel = Object.fromEntries(models.map((model) => [model, named(results.get(model)!.rows.find((row) => !isReservedName(row.key) && row.revenue > 0)?.key)]));
    return {
      group_by: input.group_by,
      currency,
      from: scope.fromDay && isoDay(scope.fromDay),
      to: scope.toDay && isoDay(scope.toDay),
      lookback_days: scope.lookbackDays,
      models,
      total_revenue: money(any.totalRevenue),
      total_conversions: Math.round(any.totalConversions),
      rows: rows.slice(0, input.limit).map((row) => ({
        key: row.key,
        ...labels.get(row.key)!,
        revenue: Object.fromEntries(Object.entries(row.revenue).map(([model, value]) => [model, value === null ? null : money(value)])) as Record<AttributionModel, number | null>,
        min: money(row.min),
        max: money(row.max),
        spread: money(row.spread),
        spread_share: row.mean > 0 ? rate(row.spread / row.mean) : null,
      })),
      rows_not_shown: Math.max(0, rows.length - input.limit),
      top_key_by_model: topKeyByModel,
      top_named_by_model: topNamedByModel,
      disagreements: [...rows]
        .sort((a, b) => b.spread - a.spread)
        .slice(0, DISAGREEMENTS)
        .filter((row) => row.spread > 0)
        .map((row) => describeDisagreement(labels.get(row.key)!, row.revenue, models, currency)),
    };
  },
});

/** "TikTok: First touch credits $100.00, Last touch $10.00 (a spread of $90.00)." Names as people read them, money as the web UI shows it. */
function describeDisagreement(key: KeyLabel, revenue: Record<AttributionModel, number | null>, models: readonly AttributionModel[], currency: string): string {
  const ordered = [...models].sort((a, b) => revenue[b]! - revenue[a]!);
  const high = ordered[0]!;
  const low = ordered[ordered.length - 1]!;
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format;
  return `${key.label}: ${displayName(high)} credits ${amount(revenue[high]!)}, ${displayName(low)} ${amount(revenue[low]!)} (a spread of ${amount(revenue[high]! - revenue[low]!)}).`;
}
