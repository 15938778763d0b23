import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { DealStage } from '../../../db/generated/prisma/enums.ts';
import { endOfDayIn, isoDate, isoDay, money, moneyOrNull, parseDay, rate, startOfDayIn, todayIn } from '../../common/format.ts';
import { partialBaseCurrencyConverter } from '../../money/fx.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { labelOf, memberEmail, memberLabels, resolveMember } from '../timeline/members.ts';
import { DEAL_STAGES, OPEN_STAGES, STAGE_LABELS, loadStageProbabilities } from './deal-common.ts';

const MS_PER_DAY = 86_400_000;
const DEFAULT_PERIOD_DAYS = 90;
const STALE_LISTED = 20;

export const pipelineSummary = defineTool({
  name: 'pipeline_summary',
  title: 'Pipeline summary',
  description:
    'The deal pipeline in the base currency: per open stage the count, amount and weighted amount (amount x the stage probability), win rate of deals closed in the period (won / (won + lost)), ' +
    `average days deals spent at each stage (stays that ended in the period), and stale deals (open, no stage change in more than stale_after_days, or past their expected close date). Period default: the last ${DEFAULT_PERIOD_DAYS} days. ` +
    'Deals in a currency without an exchange rate are counted but left out of the amounts, with a note. Active (unarchived) deals only.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({
    owner: memberEmail.optional().describe('Only this owner\'s deals: an email, or "me".'),
    from: isoDate.optional().describe(`First day of the period (YYYY-MM-DD, organisation time zone); default ${DEFAULT_PERIOD_DAYS - 1} days before to.`),
    to: isoDate.optional().describe('Last day of the period (YYYY-MM-DD); default today.'),
    stale_after_days: z.int().min(1).max(3650).default(30).describe('An open deal whose stage has not changed in more than this many days is stale.'),
  }),
  output: z.object({
    currency: z.string().describe('The base currency of every amount.'),
    from: z.string(),
    to: z.string(),
    stages: z.array(z.object({
      stage: z.enum(OPEN_STAGES), stage_label: z.string(), deals: z.int(), amount: z.number(), probability: z.number(), weighted_amount: z.number(),
    })).describe('Open stages in pipeline order.'),
    open_total: z.object({ deals: z.int(), amount: z.number(), weighted_amount: z.number() }),
    won: z.object({ deals: z.int(), amount: z.number() }).describe('Closed won in the period.'),
    lost: z.object({ deals: z.int(), amount: z.number() }).describe('Closed lost in the period.'),
    win_rate: z.number().nullable().describe('won / (won + lost) in the period, 0-1; null when none closed.'),
    average_days_in_stage: z.array(z.object({ stage: z.enum(DEAL_STAGES), stage_label: z.string(), average_days: z.number().nullable(), stays: z.int() }))
      .describe('Mean days at each stage over stays that ended (the deal moved on) in the period; null when none did.'),
    stale: z.object({
      count: z.int(),
      deals: z.array(z.object({
        deal_id: z.string(), name: z.string(), stage: z.enum(OPEN_STAGES), days_in_stage: z.int(), expected_close_date: z.string().nullable(),
        why: z.string(), owner: z.string().nullable(), amount: z.number().nullable(), currency: z.string(),
      })).describe(`The ${STALE_LISTED} longest unchanged.`),
    }),
    notes: z.array(z.string()).describe('Amounts left out for want of an exchange rate, and how to fix it.'),
  }),
  keywords: ['forecast', 'weighted pipeline', 'win rate', 'sales funnel', 'stuck deals'],
  example: { stale_after_days: 30 },
  async handler(ctx, input) {
    const now = ctx.now();
    const toDay = input.to ? parseDay(input.to, 'to') : todayIn(ctx.org.timeZone, now);
    const fromDay = input.from ? parseDay(input.from, 'from') : new Date(toDay.getTime() - (DEFAULT_PERIOD_DAYS - 1) * MS_PER_DAY);
    if (fromDay > toDay) throw invalidInput('from', `must be on or before to (${isoDay(toDay)})`);
    const periodStart = startOfDayIn(fromDay, ctx.org.timeZone);
    const periodEnd = endOfDayIn(toDay, ctx.org.timeZone);
    const ownerId = input.owner ? await resolveMember(ctx, 'owner', input.owner, true) : null;
    const today = isoDay(todayIn(ctx.org.timeZone, now));
    const staleBefore = new Date(now.getTime() - input.stale_after_days * MS_PER_DAY);
    const owner = ownerId ? Prisma.sql`AND d."ownerId" = ${ownerId}` : Prisma.empty;

    // Three independent queries, run side by side: no per-deal loop anywhere.
    const [groups, stays, staleRows, probabilities] = await Promise.all([
      // 1. Open deals per stage and currency, closed ones of the period, and the stale count: one pass over the organisation's deals.
      ctx.db.$queryRaw<Array<{ stage: DealStage; currency: string; deals: number; amount: number; stale: number }>>`
        SELECT d.stage, d.currency, count(*)::int AS deals, COALESCE(sum(d.amount), 0)::float8 AS amount,
               count(*) FILTER (WHERE d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND (d."stageChangedAt" < ${staleBefore} OR d."expectedCloseDate" < ${today}::date))::int AS stale
        FROM "Deal" d
        WHERE d."organizationId" = ${ctx.orgId} AND d."isActive" ${owner}
          AND (d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') OR (d."closedAt" >= ${periodStart} AND d."closedAt" < ${periodEnd}))
        GROUP BY d.stage, d.currency`,
      // 2. Days at each stage: each change ends a stay that began at the deal's previous change (or its creation). The window
      //    reads the changes in the order of their (organizationId, dealId, changedAt) index, so nothing is sorted; deals are
      //    joined after it, to the stays that ended in the period only.
      ctx.db.$queryRaw<Array<{ stage: DealStage; average_days: number; stays: number }>>`
        WITH changes AS (
          SELECT c."dealId", c."fromStage", c."changedAt", lag(c."changedAt") OVER (PARTITION BY c."dealId" ORDER BY c."changedAt") AS previous
          FROM "DealStageChange" c
          WHERE c."organizationId" = ${ctx.orgId}
        )
        SELECT c."fromStage" AS stage, (avg(extract(epoch FROM c."changedAt" - COALESCE(c.previous, d."createdAt"))) / 86400)::float8 AS average_days, count(*)::int AS stays
        FROM changes c
        JOIN "Deal" d ON d."organizationId" = ${ctx.orgId} AND d.id = c."dealId"
        WHERE c."fromStage" IS NOT NULL AND c."changedAt" >= ${periodStart} AND c."changedAt" < ${periodEnd} AND d."isActive" ${owner}
        GROUP BY c."fromStage"`,
      // 3. The stalest deals, named (a short ordered list).
      ctx.db.$queryRaw<Array<{ id: string; name: string; stage: DealStage; stageChangedAt: Date; expectedCloseDate: Date | null; ownerId: string | null; amount: number | null; currency: string }>>`
        SELECT d.id, d.name, d.stage, d."stageChangedAt", d."expectedCloseDate", d."ownerId", d.amount::float8 AS amount, d.currency
        FROM "Deal" d
        WHERE d."organizationId" = ${ctx.orgId} AND d."isActive" ${owner} AND d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
          AND (d."stageChangedAt" < ${staleBefore} OR d."expectedCloseDate" < ${today}::date)
        ORDER BY d."stageChangedAt", d.id
        LIMIT ${STALE_LISTED}`,
      loadStageProbabilities(ctx),
    ]);

    const base = ctx.org.baseCurrency;
    const converter = await partialBaseCurrencyConverter(ctx.db, base, groups.map((group) => group.currency), now);
    const unconverted = new Map<string, { deals: number; amount: number }>();
    const totals = new Map<DealStage, { deals: number; amount: number }>(DEAL_STAGES.map((stage) => [stage, { deals: 0, amount: 0 }]));
    for (const group of groups) {
      const total = totals.get(group.stage)!;
      total.deals += group.deals;
      const converted = converter.toBase(group.amount, group.currency);
      if (converted === null) {
        const missing = unconverted.get(group.currency) ?? { deals: 0, amount: 0 };
        unconverted.set(group.currency, { deals: missing.deals + group.deals, amount: missing.amount + group.amount });
      } else total.amount += converted;
    }
    const stages = OPEN_STAGES.map((stage) => {
      const total = totals.get(stage)!;
      return { stage, stage_label: STAGE_LABELS[stage], deals: total.deals, amount: money(total.amount), probability: probabilities[stage], weighted_amount: money(total.amount * probabilities[stage]) };
    });
    const won = totals.get('CLOSED_WON')!;
    const lost = totals.get('CLOSED_LOST')!;
    const byStage = new Map(stays.map((row) => [row.stage, row]));
    const owners = await memberLabels(ctx, staleRows.map((row) => row.ownerId));
    return {
      currency: base,
      from: isoDay(fromDay),
      to: isoDay(toDay),
      stages,
      open_total: {
        deals: stages.reduce((sum, stage) => sum + stage.deals, 0),
        amount: money(OPEN_STAGES.reduce((sum, stage) => sum + totals.get(stage)!.amount, 0)),
        weighted_amount: money(OPEN_STAGES.reduce((sum, stage) => sum + totals.get(stage)!.amount * probabilities[stage], 0)),
      },
      won: { deals: won.deals, amount: money(won.amount) },
      lost: { deals: lost.deals, amount: money(lost.amount) },
      win_rate: won.deals + lost.deals ? rate(won.deals / (won.deals + lost.deals)) : null,
      average_days_in_stage: DEAL_STAGES.filter((stage) => stage !== 'CLOSED_WON' && stage !== 'CLOSED_LOST' || byStage.has(stage)).map((stage) => {
        const row = byStage.get(stage);
        return { stage, stage_label: STAGE_LABELS[stage], average_days: row ? Math.round(row.average_days * 10) / 10 : null, stays: row?.stays ?? 0 };
      }),
      stale: {
        count: groups.reduce((sum, group) => sum + group.stale, 0),
        deals: staleRows.map((row) => {
          const idle = Math.floor((now.getTime() - row.stageChangedAt.getTime()) / MS_PER_DAY);
          const late = row.expectedCloseDate && isoDay(row.expectedCloseDate) < today;
          const reasons = [row.stageChangedAt < staleBefore ? `no stage change in ${idle} days` : null, late ? `past its expected close date ${isoDay(row.expectedCloseDate!)}` : null];
          return {
            deal_id: row.id, name: row.name, stage: row.stage as (typeof OPEN_STAGES)[number], days_in_stage: idle,
            expected_close_date: row.expectedCloseDate ? isoDay(row.expectedCloseDate) : null, why: reasons.filter(Boolean).join('; '),
            owner: labelOf(owners, row.ownerId), amount: moneyOrNull(row.amount), currency: row.currency,
          };
        }),
      },
      notes: [...unconverted].map(([currency, missing]) =>
        `${missing.deals} deal(s) in ${currency} (${money(missing.amount)} ${currency}) counted but left out of the amounts: ${converter.missingRateNote(currency)}`),
    };
  },
});
