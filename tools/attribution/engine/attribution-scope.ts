import { z } from 'zod';
import { endOfDayIn, isoDate, parseDay, startOfDayIn } from '../../common/format.ts';
import { fxSegmentsToBase } from '../../money/fx.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import {
  ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_LOOKBACK_DAYS, GROUP_BY, positionWeightsInput, type GroupBy, type PositionWeights,
} from '../models.ts';
import type { JourneyScope } from './journey-sql.ts';

/** Inputs every attribution tool takes. */
export const periodInput = {
  from: isoDate.optional().describe('First day of conversions to attribute (YYYY-MM-DD, inclusive, organisation time zone). Default: no lower bound.'),
  to: isoDate.optional().describe('Last day of conversions to attribute (inclusive). Default: no upper bound.'),
};
export const journeyInput = {
  ...periodInput,
  lookback_days: z.int().min(1).max(365).optional().describe('How many days before a conversion its touchpoints count (default 30, or the organisation setting).'),
};
export const groupByInput = z.enum(GROUP_BY).default('channel').describe('channel, campaign, or artist (a campaign\'s artist as named on its spend rows).');
export const halfLifeInput = z.number().positive().max(365).optional().describe('time_decay: days for a touch\'s weight to halve (default 7).');

/** The organisation's saved attribution settings (Organization.settings.attribution). */
export const attributionSettingsSchema = z.object({
  default_model: z.enum(ATTRIBUTION_MODELS).optional(),
  custom_weights: positionWeightsInput.optional(),
  lookback_days: z.int().min(1).max(365).optional(),
  half_life_days: z.number().positive().max(365).optional(),
});
export type SavedAttributionSettings = z.infer<typeof attributionSettingsSchema>;

export async function loadAttributionSettings(ctx: ToolContext): Promise<SavedAttributionSettings> {
  const organization = await ctx.db.organization.findUnique({ where: { id: ctx.orgId }, select: { settings: true } });
  const settings = (organization?.settings ?? {}) as Record<string, unknown>;
  const parsed = attributionSettingsSchema.safeParse(settings.attribution ?? {});
  // Settings are only written through set_attribution_settings, which validates them; anything else is ignored, not fatal.
  return parsed.success ? parsed.data : {};
}

export interface ResolvedScope extends JourneyScope {
  fromDay: Date | null;
  toDay: Date | null;
  halfLifeDays: number;
  customWeights: PositionWeights | null;
}

export interface ScopeRequest {
  from?: string;
  to?: string;
  lookback_days?: number;
  half_life_days?: number;
  group_by: GroupBy;
  weights?: PositionWeights;
}

/** Turns tool input plus saved settings into the instants, parameters and FX segments the queries use. */
export async function resolveScope(ctx: ToolContext, request: ScopeRequest): Promise<ResolvedScope> {
  const saved = await loadAttributionSettings(ctx);
  const fromDay = request.from ? parseDay(request.from, 'from') : null;
  const toDay = request.to ? parseDay(request.to, 'to') : null;
  if (fromDay && toDay && fromDay > toDay) throw invalidInput('to', `${request.to} is before from (${request.from})`);
  const timeZone = ctx.org.timeZone;
  const from = fromDay ? startOfDayIn(fromDay, timeZone) : null;
  const to = toDay ? endOfDayIn(toDay, timeZone) : null;
  const currencies = await ctx.db.conversion.groupBy({
    by: ['currency'],
    where: { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } },
    _min: { occurredAt: true },
  });
  const earliest = new Map(currencies.map((row) => [row.currency, row._min.occurredAt!]));
  return {
    organizationId: ctx.orgId,
    groupBy: request.group_by,
    from,
    to,
    fromDay,
    toDay,
    lookbackDays: request.lookback_days ?? saved.lookback_days ?? DEFAULT_LOOKBACK_DAYS,
    halfLifeDays: request.half_life_days ?? saved.half_life_days ?? DEFAULT_HALF_LIFE_DAYS,
    customWeights: request.weights ?? saved.custom_weights ?? null,
    fx: await fxSegmentsToBase(ctx.db, ctx.org.baseCurrency, timeZone, earliest),
  };
}
