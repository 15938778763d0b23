import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { attributionSettingsSchema, loadAttributionSettings } from './engine/attribution-scope.ts';
import { ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_LOOKBACK_DAYS, DEFAULT_REPORT_MODEL, positionWeightsInput } from './models.ts';

export const setAttributionSettings = defineTool({
  name: 'set_attribution_settings',
  title: 'Set attribution settings',
  description:
    'Saves the organisation\'s attribution defaults: the model reports use (default_model), custom model weights {first, middle, last} (summing to 1), ' +
    'lookback window in days and time-decay half-life in days. Fields left out keep their current value; null resets one to the built-in default. Returns the settings in force.',
  area: 'attribution',
  access: 'write',
  permission: 'attribution:write',
  input: z.object({
    default_model: z.enum(ATTRIBUTION_MODELS).nullable().optional().describe('The model run_report credits revenue with when a report names none (built-in linear).'),
    custom_weights: positionWeightsInput.nullable().optional().describe('Shares for the custom model; null removes them.'),
    lookback_days: z.int().min(1).max(365).nullable().optional().describe(`Days before a conversion its touchpoints count (built-in ${DEFAULT_LOOKBACK_DAYS}).`),
    half_life_days: z.number().positive().max(365).nullable().optional().describe(`time_decay half-life in days (built-in ${DEFAULT_HALF_LIFE_DAYS}).`),
  }),
  output: z.object({
    default_model: z.enum(ATTRIBUTION_MODELS),
    custom_weights: positionWeightsInput.nullable(),
    lookback_days: z.int(),
    half_life_days: z.number(),
  }),
  hints: { idempotent: true },
  example: { custom_weights: { first: 0.3, middle: 0.3, last: 0.4 } },
  async handler(ctx, input) {
    if (input.default_model === undefined && input.custom_weights === undefined && input.lookback_days === undefined && input.half_life_days === undefined) {
      throw invalidInput('custom_weights', 'give at least one of default_model, custom_weights, lookback_days, half_life_days');
    }
    const current = await loadAttributionSettings(ctx);
    const merged = Object.fromEntries(
      Object.entries({ ...current, ...input }).filter(([, value]) => value !== null && value !== undefined),
    );
    const attribution = attributionSettingsSchema.parse(merged);
    const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
    const settings = { ...((organization.settings ?? {}) as Record<string, unknown>), attribution };
    await ctx.db.organization.update({ where: { id: ctx.orgId }, data: { settings } });
    return {
      default_model: attribution.default_model ?? DEFAULT_REPORT_MODEL,
      custom_weights: attribution.custom_weights ?? null,
      lookback_days: attribution.lookback_days ?? DEFAULT_LOOKBACK_DAYS,
      half_life_days: attribution.half_life_days ?? DEFAULT_HALF_LIFE_DAYS,
    };
  },
});
