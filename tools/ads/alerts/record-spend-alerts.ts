import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { notFound } from '../../registry/errors.ts';
import { ALERT_CAUSES, causeEnum, evaluateSpendAlerts } from './spend-alert-rules.ts';

const claimedAlert = z.object({
  alert_id: z.string(),
  cause: z.enum(ALERT_CAUSES),
  day: z.string().describe("The account's local day the alert is about (YYYY-MM-DD)."),
  message: z.string(),
  created_at: z.string(),
});

/**
 * Stores the budget alerts that hold now (one row per scope, cause and day: a re-run stores nothing
 * new) and claims every alert of the scope not posted yet by stamping its posted time, in one
 * transaction: two runs cannot claim the same alert, so each is posted once. Only the alerts job
 * runs it; a post that fails hands its alerts back with `release_spend_alerts`.
 */
export const recordSpendAlerts = defineTool({
  name: 'record_spend_alerts',
  title: 'Record budget alerts',
  description:
    'Stores the budget alerts that hold now (over the daily limit, on pace to pass the monthly limit, no conversions) once per scope, cause and day, and claims those not yet posted to Slack. Run by the alerts check after each ad account sync.',
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  surfaces: ['JOB'],
  hints: { idempotent: true },
  input: z.object({ ad_account_id: z.string().uuid().optional().describe('Only this ad account; default all.') }),
  output: z.object({
    alerts: z.int().min(0).describe('Alerts that hold now, stored or already stored.'),
    claimed: z.array(claimedAlert).describe('Alerts never posted (from this run or an earlier one whose post failed), now marked posted: post them.'),
  }),
  example: {},
  async handler(ctx, input) {
    if (input.ad_account_id) {
      const account = await ctx.db.adAccount.findFirst({ where: { id: input.ad_account_id }, select: { id: true } });
      if (!account) throw notFound('ad account', input.ad_account_id);
    }
    const evaluated = await evaluateSpendAlerts(ctx.db, ctx.orgId, ctx.now(), { adAccountId: input.ad_account_id });
    if (evaluated.length > 0) {
      await ctx.db.spendAlert.createMany({
        data: evaluated.map((alert) => ({
          organizationId: ctx.orgId,
          adAccountId: alert.adAccountId,
          adCampaignId: alert.adCampaignId,
          scopeKey: alert.scopeKey,
          cause: causeEnum(alert.cause),
          day: new Date(`${alert.day}T00:00:00Z`),
          figures: { ...alert.figures },
          message: alert.message,
        })),
        skipDuplicates: true,
      });
    }
    const claimed = await ctx.db.spendAlert.updateManyAndReturn({
      where: { postedAt: null, ...(input.ad_account_id ? { adAccountId: input.ad_account_id } : {}) },
      data: { postedAt: ctx.now() },
    });
    claimed.sort((a, b) => a.day.getTime() - b.day.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return {
      alerts: evaluated.length,
      claimed: claimed.map((row) => ({
        alert_id: row.id,
        cause: row.cause.toLowerCase() as (typeof ALERT_CAUSES)[number],
        day: row.day.toISOString().slice(0, 10),
        message: row.message,
        created_at: row.createdAt.toISOString(),
      })),
    };
  },
});

/** Hands claimed alerts back after their post failed, so the next run posts them. Only the alerts job runs it. */
export const releaseSpendAlerts = defineTool({
  name: 'release_spend_alerts',
  title: 'Release budget alerts',
  description: 'Marks claimed budget alerts as not posted after their Slack post failed, so the next alerts check posts them. Run by the alerts check.',
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  surfaces: ['JOB'],
  hints: { idempotent: true },
  input: z.object({ alert_ids: z.array(z.string().min(1)).min(1).max(1000).describe('Alerts record_spend_alerts claimed.') }),
  output: z.object({ released: z.int().min(0) }),
  example: { alert_ids: ['0192a3b4-0000-7000-8000-000000000001'] },
  async handler(ctx, input) {
    const ids = [...new Set(input.alert_ids)];
    const known = new Set((await ctx.db.spendAlert.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw notFound('budget alert', unknown);
    const { count } = await ctx.db.spendAlert.updateMany({ where: { id: { in: ids } }, data: { postedAt: null } });
    return { released: count };
  },
});
