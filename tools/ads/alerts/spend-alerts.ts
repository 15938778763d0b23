import { z } from 'zod';
import { isoDate } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { notFound } from '../../registry/errors.ts';
import { ALERT_CAUSES, causeEnum, evaluateSpendAlerts } from './spend-alert-rules.ts';

const alertOutput = z.object({
  cause: z.enum(ALERT_CAUSES).describe('over_daily_limit, monthly_pace or no_conversions.'),
  scope: z.enum(['account', 'campaign']),
  ad_account_id: z.string(),
  account_name: z.string(),
  platform: z.string(),
  ad_campaign_id: z.string().nullable(),
  campaign_name: z.string().nullable(),
  day: z.string().describe("The account's local day the alert is about (YYYY-MM-DD)."),
  partial_day: z.boolean().describe("The day is the account's today: spend so far."),
  currency: z.string().describe("The account's currency; every amount is in it."),
  spend: z.number().describe('The day\'s spend (over_daily_limit), month-to-date spend (monthly_pace), or the spend over the days without conversions.'),
  limit: z.number().nullable().describe('The daily or monthly limit it breaks.'),
  projected: z.number().nullable().describe('monthly_pace: month-to-date / days elapsed x days in the month.'),
  days_elapsed: z.number().nullable(),
  days_in_month: z.number().nullable(),
  days_without_conversions: z.number().nullable(),
  message: z.string(),
  alert_id: z.string().nullable().describe('The stored alert, once the alerts check has recorded it.'),
  posted_at: z.string().nullable().describe('When it was posted to the Slack alerts channel; null if not yet.'),
});

export const spendAlerts = defineTool({
  name: 'spend_alerts',
  title: 'Budget alerts',
  description:
    "Budget alerts on ad accounts and campaigns: over the daily limit, on pace to pass the monthly limit, or paying with no conversions for the account's set number of days. Figures in each account's currency and local days; default yesterday (and today so far for daily limits). Says which alerts were already posted to Slack.",
  area: 'ads',
  access: 'read',
  permission: 'ads:read',
  keywords: ['over budget', 'overspend', 'budget pacing', 'blown budget', 'no conversions', 'daily cap'],
  input: z.object({
    day: isoDate.optional().describe("One local day to check (YYYY-MM-DD); default each account's yesterday, plus today for daily limits."),
    ad_account_id: z.string().uuid().optional().describe('Only this ad account (list_ad_accounts); default all.'),
    include_posted: z.boolean().default(true).describe('False: only alerts not yet posted to Slack.'),
  }),
  output: z.object({
    alerts: z.array(alertOutput),
    counts: z.object({ over_daily_limit: z.number(), monthly_pace: z.number(), no_conversions: z.number() }),
    accounts_with_limits: z.number().describe('Accounts checked: those with a limit, a no-conversion rule, or a campaign limit.'),
    note: z.string().nullable(),
  }),
  example: { day: '2026-12-05' },
  async handler(ctx, input) {
    if (input.ad_account_id) {
      const account = await ctx.db.adAccount.findFirst({ where: { id: input.ad_account_id }, select: { id: true } });
      if (!account) throw notFound('ad account', input.ad_account_id);
    }
    const evaluated = await evaluateSpendAlerts(ctx.db, ctx.orgId, ctx.now(), { day: input.day, adAccountId: input.ad_account_id });
    const stored = evaluated.length
      ? await ctx.db.spendAlert.findMany({
          where: { OR: evaluated.map((alert) => ({ scopeKey: alert.scopeKey, cause: causeEnum(alert.cause), day: new Date(`${alert.day}T00:00:00Z`) })) },
          select: { id: true, scopeKey: true, cause: true, day: true, postedAt: true },
        })
      : [];
    const byKey = new Map(stored.map((row) => [`${row.scopeKey}|${row.cause}|${row.day.toISOString().slice(0, 10)}`, row]));
    const alerts = evaluated
      .map((alert) => {
        const row = byKey.get(`${alert.scopeKey}|${causeEnum(alert.cause)}|${alert.day}`);
        return {
          cause: alert.cause, scope: alert.scope, ad_account_id: alert.adAccountId, account_name: alert.accountName, platform: alert.platform,
          ad_campaign_id: alert.adCampaignId, campaign_name: alert.campaignName, day: alert.day, partial_day: alert.partialDay,
          ...alert.figures, message: alert.message, alert_id: row?.id ?? null, posted_at: row?.postedAt?.toISOString() ?? null,
        };
      })
      .filter((alert) => input.include_posted || alert.posted_at === null);
    const accountsWithLimits = new Set((await ctx.db.adAccount.findMany({
      where: { ...(input.ad_account_id ? { id: input.ad_account_id } : {}), OR: [{ dailyBudgetLimit: { not: null } }, { monthlyBudgetLimit: { not: null } }, { noConversionDays: { not: null } }, { adCampaigns: { some: { dailyLimit: { not: null } } } }] },
      select: { id: true },
    })).map((row) => row.id)).size;
    const counts = { over_daily_limit: 0, monthly_pace: 0, no_conversions: 0 };
    for (const alert of alerts) counts[alert.cause] += 1;
    const note = accountsWithLimits === 0
      ? 'No ad account has a daily or monthly limit, a no-conversion rule or a campaign limit: set them with update_ad_account.'
      : alerts.length === 0 ? 'No alert: every account and campaign is within its limits.' : null;
    return { alerts, counts, accounts_with_limits: accountsWithLimits, note };
  },
});
