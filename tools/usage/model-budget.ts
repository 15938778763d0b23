import { z } from 'zod';
import { endOfDayIn, startOfDayIn, todayIn } from '../common/format.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';

/**
 * Daily limits on what the assistant may spend on the language model, stored in
 * Organization.settings.model_budget. A limit left out is no limit. Tokens are input (cached
 * included) plus output; cost is the estimate from list prices (unpriced models count tokens only).
 * Days are the organisation's calendar days.
 */
export const modelBudgetSchema = z.object({
  org_daily_tokens: z.int().positive().optional(),
  org_daily_cost_usd: z.number().positive().optional(),
  person_daily_tokens: z.int().positive().optional(),
  person_daily_cost_usd: z.number().positive().optional(),
});
export type ModelBudget = z.infer<typeof modelBudgetSchema>;

export async function loadModelBudget(db: Pick<ToolDb, 'organization'>, orgId: string): Promise<ModelBudget> {
  const organization = await db.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  const settings = (organization?.settings ?? {}) as Record<string, unknown>;
  const parsed = modelBudgetSchema.safeParse(settings.model_budget ?? {});
  // Only set_model_budget writes it, validated; anything else there is ignored rather than fatal.
  return parsed.success ? parsed.data : {};
}

/** Tokens and estimated cost over a span. */
export interface UsageTotals {
  tokens: number;
  costUsd: number;
}

/** The organisation's calendar day containing `now`, as instants. */
export function dayAround(now: Date, timeZone: string): { start: Date; end: Date; day: string } {
  const day = todayIn(timeZone, now);
  return { start: startOfDayIn(day, timeZone), end: endOfDayIn(day, timeZone), day: day.toISOString().slice(0, 10) };
}

/** What the organisation, or one person in it, used from `since` on. */
export async function usageSince(db: Pick<ToolDb, 'modelUsage'>, orgId: string, since: Date, userId?: string): Promise<UsageTotals> {
  const sums = await db.modelUsage.aggregate({
    where: { organizationId: orgId, createdAt: { gte: since }, ...(userId ? { userId } : {}) },
    _sum: { inputTokens: true, outputTokens: true, costUsd: true },
  });
  return { tokens: (sums._sum.inputTokens ?? 0) + (sums._sum.outputTokens ?? 0), costUsd: Number(sums._sum.costUsd ?? 0) };
}
