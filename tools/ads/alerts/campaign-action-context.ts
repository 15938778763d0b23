import { amountText } from '../../common/display-figures.ts';
import { todayIn } from '../../common/format.ts';
import type { ApprovalFacts } from '../../registry/define-tool.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';

const DAY_MS = 86_400_000;
const PLATFORM_NAMES: Record<string, string> = {
  META: 'Meta', GOOGLE: 'Google Ads', TIKTOK: 'TikTok', SNAPCHAT: 'Snapchat', LINKEDIN: 'LinkedIn', TWITTER: 'X', PINTEREST: 'Pinterest', AMAZON: 'Amazon Ads', DV360: 'DV360',
};

/** What pausing a campaign or changing its budget is weighed against: the campaign as last synced and its spend. */
export interface CampaignActionContext {
  campaign: { id: string; name: string; externalId: string; status: string; dailyBudget: number | null; lifetimeBudget: number | null };
  account: { id: string; name: string; platform: string; currency: string; timeZone: string; isDemo: boolean };
  platformName: string;
  spendYesterday: number;
  spendMonthToDate: number;
}

export async function campaignActionContext(ctx: ToolContext, adCampaignId: string): Promise<CampaignActionContext> {
  const row = await ctx.db.adCampaign.findFirst({
    where: { id: adCampaignId },
    select: {
      id: true, name: true, externalId: true, status: true, dailyBudget: true, lifetimeBudget: true,
      account: { select: { id: true, name: true, platform: true, currency: true, timeZone: true, isDemo: true } },
    },
  });
  if (!row) throw notFound('ad campaign', adCampaignId);
  const today = todayIn(row.account.timeZone, ctx.now());
  const yesterday = new Date(today.getTime() - DAY_MS);
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const [dayBefore, month] = await Promise.all([
    ctx.db.campaignMetric.aggregate({ where: { adCampaignId: row.id, date: yesterday }, _sum: { spend: true } }),
    ctx.db.campaignMetric.aggregate({ where: { adCampaignId: row.id, date: { gte: monthStart, lte: today } }, _sum: { spend: true } }),
  ]);
  return {
    campaign: {
      id: row.id, name: row.name, externalId: row.externalId, status: row.status,
      dailyBudget: row.dailyBudget === null ? null : Number(row.dailyBudget),
      lifetimeBudget: row.lifetimeBudget === null ? null : Number(row.lifetimeBudget),
    },
    account: row.account,
    platformName: PLATFORM_NAMES[row.account.platform] ?? row.account.platform,
    spendYesterday: Number(dayBefore._sum.spend ?? 0),
    spendMonthToDate: Number(month._sum.spend ?? 0),
  };
}

export const budgetText = (value: number | null, currency: string) => (value === null ? 'none' : amountText(value, currency));

/** Words for a platform's status (ACTIVE, ENABLED, CAMPAIGN_STATUS_ENABLE...). */
export const statusWords = (status: string) => status.toLowerCase().replace(/^campaign_status_/, '').replace(/_/g, ' ');

/** Lines every approver reads: where the campaign is, how it stands and what it spent. */
export function campaignEvidence(context: CampaignActionContext): Array<{ label: string; value: string }> {
  const { campaign, account, platformName, spendYesterday, spendMonthToDate } = context;
  return [
    { label: 'Campaign', value: `${campaign.name} (${platformName} ${campaign.externalId})` },
    { label: 'Ad account', value: `${account.name}${account.isDemo && !/\(demo\)/i.test(account.name) ? ' (demo)' : ''}` },
    { label: 'Platform status', value: statusWords(campaign.status) },
    { label: 'Daily budget', value: budgetText(campaign.dailyBudget, account.currency) },
    { label: 'Lifetime budget', value: budgetText(campaign.lifetimeBudget, account.currency) },
    { label: 'Spent yesterday', value: amountText(spendYesterday, account.currency) },
    { label: 'Spent this month', value: amountText(spendMonthToDate, account.currency) },
  ];
}

/** The facts an approval rests on that can move before it runs (a sync changes status or budgets). */
export function campaignFacts(context: CampaignActionContext): ApprovalFacts {
  const { campaign, account } = context;
  return {
    'Platform status': statusWords(campaign.status),
    'Daily budget': budgetText(campaign.dailyBudget, account.currency),
    'Lifetime budget': budgetText(campaign.lifetimeBudget, account.currency),
  };
}

export const demoNote = (context: CampaignActionContext) =>
  `${context.account.name} is a demo account: the change is recorded in Crescendo only and no platform is called.`;

/** The status word each platform uses for a paused campaign. */
export function pausedStatus(platform: string): string {
  return platform === 'TIKTOK' ? 'DISABLE' : 'PAUSED';
}

export const isPaused = (status: string) => /paused|disable/i.test(status);
