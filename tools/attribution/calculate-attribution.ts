import { z } from 'zod';
import { isoDay, money, rate } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { attribute, type Attribution } from './engine/attribute.ts';
import { groupByInput, halfLifeInput, journeyInput, resolveScope, type ResolvedScope } from './engine/attribution-scope.ts';
import { ATTRIBUTION_MODELS, POSITION_BASED_WEIGHTS, positionWeightsInput, type AttributionModel } from './models.ts';

const DEFAULT_ROWS = 50;

export const attributionRowView = z.object({
  key: z.string().describe('Channel, campaign or artist; (direct) for conversions with no touchpoint in their window.'),
  attributed_revenue: z.number().describe('Revenue credited to the key, base currency.'),
  attributed_conversions: z.number().describe('Sum of the fractional credit of each conversion.'),
  touchpoints: z.int().describe('Touchpoints of the key inside conversion windows.'),
  share_of_revenue: z.number().describe('attributed_revenue / total_revenue (0-1).'),
});

export const calculateAttribution = defineTool({
  name: 'calculate_attribution',
  title: 'Attribute revenue',
  description: 'Credits conversion revenue to channels, campaigns or artists under one model (first_touch, last_touch, linear, time_decay, position_based, custom or markov) and stores the run. Use it to see which channels earn the revenue; base currency.',
  area: 'attribution',
  // Its only write is the record of the run, so everyone who may read attribution may ask for one.
  access: 'write',
  permission: 'attribution:read',
  hints: { recordsOwnResult: true },
  input: z.object({
    model: z.enum(ATTRIBUTION_MODELS).describe('The attribution model.'),
    group_by: groupByInput,
    ...journeyInput,
    half_life_days: halfLifeInput,
    weights: positionWeightsInput.optional().describe('custom: shares {first, middle, last} summing to 1; default the organisation\'s saved custom weights.'),
    limit: z.int().min(1).max(500).default(DEFAULT_ROWS).describe('Rows to return, largest revenue first (all are stored).'),
  }),
  output: z.object({
    run_id: z.string(),
    model: z.enum(ATTRIBUTION_MODELS),
    group_by: z.string(),
    currency: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    lookback_days: z.int(),
    parameters: z.record(z.string(), z.unknown()).describe('Model parameters used: half_life_days (time_decay), weights (position_based, custom).'),
    total_revenue: z.number(),
    total_conversions: z.int(),
    rows: z.array(attributionRowView),
    rows_not_shown: z.int(),
  }),
  example: { model: 'linear', group_by: 'channel' },
  async handler(ctx, input) {
    const scope = await resolveScope(ctx, input);
    const result = (await attribute(ctx, scope, [input.model])).get(input.model)!;
    const parameters = modelParameters(input.model, scope);
    const run = await ctx.db.attributionRun.create({
      data: {
        organizationId: ctx.orgId,
        model: input.model,
        groupBy: input.group_by,
        params: { lookback_days: scope.lookbackDays, ...parameters },
        fromDate: scope.fromDay,
        toDate: scope.toDay,
        totalRevenue: result.totalRevenue.toFixed(4),
        currency: ctx.org.baseCurrency,
      },
    });
    await ctx.db.revenueAttribution.createMany({
      data: result.rows.map((row) => ({
        organizationId: ctx.orgId,
        runId: run.id,
        key: row.key,
        attributedRevenue: row.revenue.toFixed(4),
        attributedConversions: row.conversions.toFixed(6),
        touchpoints: row.touchpoints,
      })),
    });
    return {
      run_id: run.id,
      model: input.model,
      group_by: input.group_by,
      currency: ctx.org.baseCurrency,
      from: scope.fromDay && isoDay(scope.fromDay),
      to: scope.toDay && isoDay(scope.toDay),
      lookback_days: scope.lookbackDays,
      parameters,
      total_revenue: money(result.totalRevenue),
      total_conversions: Math.round(result.totalConversions),
      rows: attributionRows(result).slice(0, input.limit),
      rows_not_shown: Math.max(0, result.rows.length - input.limit),
    };
  },
});

export function attributionRows(result: Attribution): Array<z.infer<typeof attributionRowView>> {
  return result.rows.map((row) => ({
    key: row.key,
    attributed_revenue: money(row.revenue),
    attributed_conversions: rate(row.conversions)!,
    touchpoints: row.touchpoints,
    share_of_revenue: result.totalRevenue > 0 ? rate(row.revenue / result.totalRevenue)! : 0,
  }));
}

export function modelParameters(model: AttributionModel, scope: ResolvedScope): Record<string, unknown> {
  if (model === 'time_decay') return { half_life_days: scope.halfLifeDays };
  if (model === 'position_based') return { weights: POSITION_BASED_WEIGHTS };
  if (model === 'custom') return { weights: scope.customWeights };
  return {};
}
