import { z } from 'zod';
import { isoDay, money } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { accountRow, accountRows, adAccountIdInput, EXAMPLE_ACCOUNT_ID, requireAdAccount } from './account-records.ts';
import { syncRunView, toSyncRunView } from './sync-run-view.ts';

const num = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));

export const getAdAccount = defineTool({
  name: 'get_ad_account',
  title: 'Get an ad account',
  description:
    "One ad account in full: status, hierarchy, alert limits, its campaigns (platform status and budgets, Crescendo's daily limit, 30-day cost, the Crescendo campaign each works for) and its recent sync runs.",
  area: 'ads',
  access: 'read',
  permission: 'ads:read',
  keywords: ['ad campaigns of account', 'account details', 'sync history of account'],
  input: z.object({
    ad_account_id: adAccountIdInput,
    campaigns_limit: z.number().int().min(1).max(500).default(100).describe('Most campaigns listed (highest 30-day spend first).'),
  }),
  output: accountRow.extend({
    campaigns: z.array(
      z.object({
        ad_campaign_id: z.string(),
        external_id: z.string(),
        name: z.string(),
        status: z.string().describe("The platform's status word, lower case."),
        objective: z.string().nullable(),
        daily_budget: z.number().nullable().describe("The platform's daily budget."),
        lifetime_budget: z.number().nullable(),
        daily_limit: z.number().nullable().describe("Crescendo's own daily alert limit."),
        creator_campaign: z.object({ creator_campaign_id: z.string(), name: z.string() }).nullable(),
        spend_30d: z.number().describe("Spend over the last 30 days, in the account's currency."),
      }),
    ),
    campaigns_total: z.number().int(),
    recent_syncs: z.array(syncRunView),
  }),
  example: { ad_account_id: EXAMPLE_ACCOUNT_ID },
  async handler(ctx, input) {
    const account = await requireAdAccount(ctx.db, input.ad_account_id);
    const [row] = await accountRows(ctx, [account]);
    const since = new Date(Date.parse(`${isoDay(ctx.now())}T00:00:00Z`) - 30 * 86_400_000);
    const [campaigns, spend, total, runs] = await Promise.all([
      ctx.db.adCampaign.findMany({ where: { adAccountId: account.id }, orderBy: { id: 'asc' } }),
      ctx.db.campaignMetric.groupBy({ by: ['adCampaignId'], where: { adAccountId: account.id, date: { gte: since } }, _sum: { spend: true } }),
      ctx.db.adCampaign.count({ where: { adAccountId: account.id } }),
      ctx.db.adSyncRun.findMany({ where: { adAccountId: account.id }, orderBy: { startedAt: 'desc' }, take: 10 }),
    ]);
    const spent = new Map(spend.map((entry) => [entry.adCampaignId, num(entry._sum.spend) ?? 0]));
    const creatorIds = [...new Set(campaigns.map((campaign) => campaign.campaignId).filter((id): id is string => Boolean(id)))];
    const creatorCampaigns = new Map((creatorIds.length ? await ctx.db.campaign.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }) : []).map((entry) => [entry.id, entry.name]));
    const listed = campaigns
      .map((campaign) => ({
        ad_campaign_id: campaign.id,
        external_id: campaign.externalId,
        name: campaign.name,
        status: campaign.status.toLowerCase(),
        objective: campaign.objective,
        daily_budget: num(campaign.dailyBudget),
        lifetime_budget: num(campaign.lifetimeBudget),
        daily_limit: num(campaign.dailyLimit),
        creator_campaign: campaign.campaignId ? { creator_campaign_id: campaign.campaignId, name: creatorCampaigns.get(campaign.campaignId) ?? '(unknown)' } : null,
        spend_30d: money(spent.get(campaign.id) ?? 0),
      }))
      .sort((a, b) => b.spend_30d - a.spend_30d)
      .slice(0, input.campaigns_limit);
    return { ...row!, campaigns: listed, campaigns_total: total, recent_syncs: runs.map((run) => toSyncRunView(run, account.name)) };
  },
});
