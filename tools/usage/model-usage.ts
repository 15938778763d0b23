import { z } from 'zod';
import { endOfDayIn, isoDate, parseDay, startOfDayIn, todayIn } from '../common/format.ts';
import { emailsOf } from '../access/user-emails.ts';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { dayAround, loadModelBudget, modelBudgetSchema, usageSince } from './model-budget.ts';

const DEFAULT_DAYS = 7;
const MAX_DAYS = 92;

const totals = {
  model_calls: z.int(),
  input_tokens: z.int().describe('Including cached reads and writes.'),
  output_tokens: z.int(),
  cache_read_tokens: z.int(),
  cost_usd: z.number().describe('Estimated from list prices, USD; unpriced (local) models count 0.'),
};

export const modelUsage = defineTool({
  name: 'model_usage',
  title: 'Assistant model usage',
  description:
    "What the assistant spent on the language model, per day (organisation time zone) and person: model calls, input and output tokens, estimated cost in USD; " +
    "with today's totals against the daily budget. Default: the last 7 days.",
  area: 'access',
  access: 'read',
  permission: 'audit:read',
  keywords: ['token usage', 'AI cost', 'LLM spend', 'assistant budget', 'how much did the assistant cost'],
  input: z.object({
    from: isoDate.optional().describe('First day (YYYY-MM-DD, organisation time zone). Default: 6 days before `to`.'),
    to: isoDate.optional().describe('Last day, inclusive. Default: today.'),
  }),
  output: z.object({
    from: z.string(),
    to: z.string(),
    rows: z.array(z.object({ day: z.string(), user: z.string().nullable().describe('Email; null for automated callers.'), ...totals })),
    total: z.object(totals),
    today: z.object({
      day: z.string(),
      tokens: z.int().describe('Input plus output tokens used today by the organisation.'),
      cost_usd: z.number(),
      budget: modelBudgetSchema.describe('The daily limits (set_model_budget); a missing field is no limit.'),
    }),
  }),
  example: { from: '2026-11-01', to: '2026-11-07' },
  async handler(ctx, input) {
    const timeZone = ctx.org.timeZone;
    const to = input.to ? parseDay(input.to, 'to') : todayIn(timeZone, ctx.now());
    const from = input.from ? parseDay(input.from, 'from') : new Date(to.getTime() - (DEFAULT_DAYS - 1) * 86_400_000);
    if (from > to) throw invalidInput('from', `${input.from} is after to (${to.toISOString().slice(0, 10)})`);
    if ((to.getTime() - from.getTime()) / 86_400_000 >= MAX_DAYS) throw invalidInput('from', `at most ${MAX_DAYS} days at a time`);

    const rows = await ctx.db.$queryRaw<Array<{ day: string; userId: string | null; calls: bigint; input: bigint; output: bigint; cacheRead: bigint; cost: unknown }>>`
      SELECT to_char("createdAt" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, "userId",
             count(*) AS calls, sum("inputTokens") AS input, sum("outputTokens") AS output, sum("cacheReadTokens") AS "cacheRead", coalesce(sum("costUsd"), 0)::text AS cost
      FROM "ModelUsage"
      WHERE "organizationId" = ${ctx.orgId} AND "createdAt" >= ${startOfDayIn(from, timeZone)} AND "createdAt" < ${endOfDayIn(to, timeZone)}
      GROUP BY 1, 2`;
    const email = await emailsOf(ctx.db, rows.map((row) => row.userId));
    const shaped = rows.map((row) => ({
      day: row.day,
      user: row.userId ? (email.get(row.userId) ?? null) : null,
      model_calls: Number(row.calls),
      input_tokens: Number(row.input),
      output_tokens: Number(row.output),
      cache_read_tokens: Number(row.cacheRead),
      cost_usd: roundUsd(Number(row.cost)),
    })).sort((a, b) => b.day.localeCompare(a.day) || (a.user ?? '\uffff').localeCompare(b.user ?? '\uffff'));
    const today = dayAround(ctx.now(), timeZone);
    const used = await usageSince(ctx.db, ctx.orgId, today.start);
    return {
      from: from.toISOString().slice(0, 10),
      to: to.toISOString().slice(0, 10),
      rows: shaped,
      total: {
        model_calls: sum(shaped, 'model_calls'),
        input_tokens: sum(shaped, 'input_tokens'),
        output_tokens: sum(shaped, 'output_tokens'),
        cache_read_tokens: sum(shaped, 'cache_read_tokens'),
        cost_usd: roundUsd(sum(shaped, 'cost_usd')),
      },
      today: { day: today.day, tokens: used.tokens, cost_usd: roundUsd(used.costUsd), budget: await loadModelBudget(ctx.db, ctx.orgId) },
    };
  },
});

function sum<Row>(rows: readonly Row[], key: { [K in keyof Row]: Row[K] extends number ? K : never }[keyof Row]): number {
  return rows.reduce((total, row) => total + (row[key] as number), 0);
}

/** Cents would hide a day of small calls; six places are what is stored. */
function roundUsd(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
