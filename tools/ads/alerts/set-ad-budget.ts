import { z } from 'zod';
import { amountText } from '../../common/display-figures.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { accountAccess, asToolError } from '../sync/account-access.ts';
import { budgetText, campaignActionContext, campaignEvidence, campaignFacts, demoNote, type CampaignActionContext } from './campaign-action-context.ts';
import { platformWord } from './pause-ad-campaign.ts';

const budget = z
  .number()
  .finite()
  .positive('must be more than 0')
  .max(1e9, 'must be at most 1,000,000,000')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'use at most two decimal places');

const input = z
  .object({
    ad_campaign_id: z.string().uuid().describe('The ad campaign whose budget changes (get_ad_account lists them).'),
    daily_budget: budget.optional().describe("New daily budget, in the ad account's currency."),
    lifetime_budget: budget.optional().describe("New lifetime budget, in the ad account's currency (instead of daily_budget)."),
    reason: z.string().trim().min(1, 'must not be empty').max(500).optional().describe('Why, for the approver.'),
  })
  .superRefine((value, issues) => {
    if ((value.daily_budget === undefined) === (value.lifetime_budget === undefined)) {
      issues.addIssue({ code: 'custom', path: ['daily_budget'], message: 'give exactly one of daily_budget or lifetime_budget' });
    }
  });

type BudgetRequest = z.output<typeof input>;

export const setAdBudget = defineTool({
  name: 'set_ad_budget',
  title: 'Set a platform campaign budget',
  description:
    "Changes an ad campaign's daily or lifetime budget on its platform (Meta, Google Ads, TikTok), in the account's currency, after approval: the request shows the current and new budget beside recent figures; once approved, the platform is called exactly once and the budget recorded. Demo accounts are changed in Crescendo only.",
  area: 'ads',
  access: 'approval',
  permission: 'ads:write',
  hints: { openWorld: true, idempotent: true },
  keywords: ['raise budget', 'lower budget', 'cut budget', 'increase spend', 'reallocate'],
  input,
  output: z.object({
    ad_campaign_id: z.string(),
    campaign_name: z.string(),
    platform: z.string(),
    currency: z.string(),
    kind: z.enum(['daily', 'lifetime']),
    previous_budget: z.number().nullable(),
    budget: z.number(),
    platform_called: z.boolean().describe('False for a demo account: recorded in Crescendo only.'),
    note: z.string().nullable(),
  }),
  example: { ad_campaign_id: '01900000-0000-7000-8000-000000000000', daily_budget: 80, reason: 'Best ROAS of the month' },
  async preview(ctx, request) {
    return budgetPreview(await campaignActionContext(ctx, request.ad_campaign_id), request);
  },
  async summarize(ctx, request) {
    const context = await campaignActionContext(ctx, request.ad_campaign_id);
    const { kind, value, previous } = change(context, request);
    const evidence = campaignEvidence(context);
    evidence.push({ label: `New ${kind} budget`, value: amountText(value, context.account.currency) });
    if (request.reason) evidence.push({ label: 'Reason', value: request.reason });
    const warnings = [];
    const other = kind === 'daily' ? context.campaign.lifetimeBudget : context.campaign.dailyBudget;
    if (previous === null && other !== null) warnings.push(`The campaign has a ${kind === 'daily' ? 'lifetime' : 'daily'} budget now; the platform may refuse to switch it to a ${kind} one.`);
    if (context.account.isDemo) warnings.push(demoNote(context));
    return { headline: `Set the ${kind} budget of “${context.campaign.name}” on ${context.platformName} to ${amountText(value, context.account.currency)}`, amount: { value, currency: context.account.currency }, campaign: null, songs: [], evidence, warnings };
  },
  async fingerprint(ctx, request) {
    return campaignFacts(await campaignActionContext(ctx, request.ad_campaign_id));
  },
  outcome: (result) =>
    `${result.kind === 'daily' ? 'Daily' : 'Lifetime'} budget of “${result.campaign_name}” set to ${amountText(result.budget, result.currency)}${result.platform_called ? ` on ${platformWord(result.platform)}` : ' in Crescendo only (demo account: no platform was called)'}.`,
  async handler(ctx, request) {
    if (!ctx.approvalId) throw new Error('set_ad_budget ran without an approval id');
    const context = await campaignActionContext(ctx, request.ad_campaign_id);
    const { campaign, account } = context;
    const { kind, value, previous } = change(context, request);
    let platformCalled = false;
    if (!account.isDemo) {
      const access = await accountAccess(ctx.db, account.id, ctx.now());
      try {
        await access.connector.setCampaignBudget(access.accessToken, access.account, campaign.externalId, kind === 'daily' ? { daily: value } : { lifetime: value }, ctx.approvalId);
      } catch (error) {
        throw asToolError(error, [access.accessToken]);
      }
      platformCalled = true;
    }
    await ctx.db.adCampaign.update({ where: { id: campaign.id }, data: kind === 'daily' ? { dailyBudget: value } : { lifetimeBudget: value } });
    return {
      ad_campaign_id: campaign.id,
      campaign_name: campaign.name,
      platform: account.platform.toLowerCase(),
      currency: account.currency,
      kind,
      previous_budget: previous,
      budget: value,
      platform_called: platformCalled,
      note: account.isDemo ? demoNote(context) : null,
    };
  },
});

function change(context: CampaignActionContext, request: BudgetRequest) {
  const kind = request.daily_budget !== undefined ? ('daily' as const) : ('lifetime' as const);
  const value = (request.daily_budget ?? request.lifetime_budget)!;
  const previous = kind === 'daily' ? context.campaign.dailyBudget : context.campaign.lifetimeBudget;
  return { kind, value, previous };
}

function budgetPreview(context: CampaignActionContext, request: BudgetRequest): string {
  const { campaign, account, platformName, spendYesterday, spendMonthToDate } = context;
  const { kind, value, previous } = change(context, request);
  const lines = [
    `Set the ${kind} budget of ${platformName} campaign “${campaign.name}” in ad account “${account.name}” from ${budgetText(previous, account.currency)} to ${amountText(value, account.currency)}.`,
    `It spent ${amountText(spendYesterday, account.currency)} yesterday and ${amountText(spendMonthToDate, account.currency)} this month.`,
  ];
  if (request.reason) lines.push(`Reason: ${request.reason}.`);
  if (account.isDemo) lines.push(demoNote(context));
  return lines.join(' ');
}
