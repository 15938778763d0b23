import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { ModelCallPurpose } from '../../db/generated/prisma/enums.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import type { Logger } from '../../tools/registry/context.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { dayAround, loadModelBudget, usageSince, type ModelBudget, type UsageTotals } from '../../tools/usage/model-budget.ts';
import { estimateCostUsd } from '../model/model-prices.ts';
import type { TurnUsage } from '../usage.ts';
import { BudgetExceededError } from './budget-exceeded.ts';

export interface MeterScope {
  principal: Principal;
  timeZone: string;
  modelId: string;
  threadId: string | null;
}

/**
 * Counts a turn's model calls against the organisation's daily budgets: `admit` before each call
 * (so no call is made once a limit is reached), `record` after it with what it used. A call that
 * starts just under a limit may end above it; the next one is refused.
 */
export class ModelMeter {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly scope: MeterScope,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  /** Throws BudgetExceededError, with the sentence for the user, when a daily limit is reached. */
  async admit(): Promise<void> {
    const { principal, timeZone } = this.scope;
    const budget = await loadModelBudget(this.prisma, principal.orgId);
    if (!hasLimits(budget)) return;
    const today = dayAround(this.now(), timeZone);
    const organisation = await usageSince(this.prisma, principal.orgId, today.start);
    const orgLimit = reached(organisation, budget.org_daily_tokens, budget.org_daily_cost_usd);
    if (orgLimit) throw new BudgetExceededError(`Today's assistant budget for your organisation is used up (${orgLimit}); it resets at midnight ${timeZone}; an admin can raise it.`, 'organisation');
    if (!principal.userId || (budget.person_daily_tokens === undefined && budget.person_daily_cost_usd === undefined)) return;
    const person = await usageSince(this.prisma, principal.orgId, today.start, principal.userId);
    const personLimit = reached(person, budget.person_daily_tokens, budget.person_daily_cost_usd);
    if (personLimit) throw new BudgetExceededError(`Your own daily assistant budget is used up (${personLimit}); it resets at midnight ${timeZone}; an admin can raise it.`, 'person');
  }

  async record(purpose: ModelCallPurpose, usage: TurnUsage): Promise<void> {
    const { principal, modelId, threadId } = this.scope;
    try {
      await this.prisma.modelUsage.create({
        data: {
          id: uuidV7(),
          organizationId: principal.orgId,
          userId: principal.userId,
          threadId,
          surface: principal.surface,
          purpose,
          modelId,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheReadTokens: usage.cacheReadTokens,
          cacheWriteTokens: usage.cacheWriteTokens,
          costUsd: estimateCostUsd(modelId, usage),
          createdAt: this.now(),
        },
      });
    } catch (error) {
      // Losing one usage row must not cost the person the answer they are reading.
      this.log.error('recording model usage failed', { error: String(error) });
    }
  }
}

function hasLimits(budget: ModelBudget): boolean {
  return Object.values(budget).some((limit) => limit !== undefined);
}

/** "12,400 of 10,000 tokens" or "USD 5.02 of USD 5.00" when a limit is reached, else null. */
function reached(used: UsageTotals, tokens: number | undefined, costUsd: number | undefined): string | null {
  if (tokens !== undefined && used.tokens >= tokens) return `${used.tokens.toLocaleString('en-US')} of ${tokens.toLocaleString('en-US')} tokens`;
  if (costUsd !== undefined && used.costUsd >= costUsd) return `USD ${usd(used.costUsd)} of USD ${usd(costUsd)}`;
  return null;
}

/** Cents, or three significant digits below a dollar so a small limit does not read "0.00 of 0.00". */
function usd(value: number): string {
  return value >= 1 ? value.toFixed(2) : String(Number(value.toPrecision(3)));
}
