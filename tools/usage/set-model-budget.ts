import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { loadModelBudget, modelBudgetSchema } from './model-budget.ts';

const limit = (what: string) => z.number().positive().nullable().optional().describe(`${what}; null removes the limit.`);

export const setModelBudget = defineTool({
  name: 'set_model_budget',
  title: 'Set the assistant budget',
  description:
    "Sets the assistant's daily limits on language-model use, for the whole organisation and for each person: tokens (input plus output) and estimated cost in USD. " +
    'Fields left out keep their value; null removes a limit. Days are the organisation\'s calendar days. Returns the limits in force.',
  area: 'access',
  access: 'write',
  permission: 'org:admin',
  // People set the assistant's limits; the assistant never raises its own (an instruction smuggled into data might ask it to).
  surfaces: ['CLI', 'HTTP', 'WEB', 'MCP'],
  keywords: ['token limit', 'spending cap', 'AI cost limit', 'assistant quota'],
  input: z.object({
    org_daily_tokens: limit('Tokens the whole organisation may use per day').refine((value) => value == null || Number.isInteger(value), 'a whole number of tokens'),
    org_daily_cost_usd: limit('Estimated USD the whole organisation may spend per day'),
    person_daily_tokens: limit('Tokens each person may use per day').refine((value) => value == null || Number.isInteger(value), 'a whole number of tokens'),
    person_daily_cost_usd: limit('Estimated USD each person may spend per day'),
  }),
  output: modelBudgetSchema.describe('The limits in force; a missing field is no limit.'),
  hints: { idempotent: true },
  example: { org_daily_cost_usd: 20, person_daily_tokens: 500_000 },
  async handler(ctx, input) {
    if (Object.values(input).every((value) => value === undefined)) {
      throw invalidInput('org_daily_tokens', 'give at least one of org_daily_tokens, org_daily_cost_usd, person_daily_tokens, person_daily_cost_usd');
    }
    const current = await loadModelBudget(ctx.db, ctx.orgId);
    const merged = Object.fromEntries(Object.entries({ ...current, ...input }).filter(([, value]) => value !== null && value !== undefined));
    const budget = modelBudgetSchema.parse(merged);
    const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
    await ctx.db.organization.update({ where: { id: ctx.orgId }, data: { settings: { ...((organization.settings ?? {}) as Record<string, unknown>), model_budget: budget } } });
    return budget;
  },
});
