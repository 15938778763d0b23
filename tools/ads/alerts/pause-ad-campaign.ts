import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { accountAccess, asToolError } from '../sync/account-access.ts';
import { campaignActionContext, campaignEvidence, campaignFacts, demoNote, isPaused, pausedStatus, statusWords, type CampaignActionContext } from './campaign-action-context.ts';
import { amountText } from '../../common/display-figures.ts';

const input = z.object({
  ad_campaign_id: z.string().uuid().describe('The ad campaign to pause (get_ad_account lists them).'),
  reason: z.string().trim().min(1, 'must not be empty').max(500).optional().describe('Why, for the approver (an alert, a blown budget).'),
});

export const pauseAdCampaign = defineTool({
  name: 'pause_ad_campaign',
  title: 'Pause a platform campaign',
  description:
    'Stops a campaign on its ad platform (Meta, Google Ads, TikTok) after approval: files a request an approver reads with the campaign\'s status, budget and recent figures; once approved, the platform is called exactly once and the new status recorded. Demo accounts are changed in Crescendo only.',
  area: 'ads',
  access: 'approval',
  permission: 'ads:write',
  hints: { openWorld: true, idempotent: true },
  keywords: ['stop campaign', 'stop spending', 'turn off ads', 'halt'],
  input,
  output: z.object({
    ad_campaign_id: z.string(),
    campaign_name: z.string(),
    platform: z.string(),
    previous_status: z.string(),
    status: z.string(),
    platform_called: z.boolean().describe('False for a demo account: recorded in Crescendo only.'),
    note: z.string().nullable(),
  }),
  example: { ad_campaign_id: '01900000-0000-7000-8000-000000000000', reason: 'Over its daily limit two days running' },
  async preview(ctx, request) {
    return pausePreview(await campaignActionContext(ctx, request.ad_campaign_id), request.reason);
  },
  async summarize(ctx, request) {
    const context = await campaignActionContext(ctx, request.ad_campaign_id);
    const evidence = campaignEvidence(context);
    if (request.reason) evidence.push({ label: 'Reason', value: request.reason });
    const warnings = [];
    if (isPaused(context.campaign.status)) warnings.push(`It is already ${statusWords(context.campaign.status)} as of the last sync: pausing again changes nothing.`);
    if (context.account.isDemo) warnings.push(demoNote(context));
    return { headline: `Pause “${context.campaign.name}” on ${context.platformName}`, amount: null, campaign: null, songs: [], evidence, warnings };
  },
  async fingerprint(ctx, request) {
    return campaignFacts(await campaignActionContext(ctx, request.ad_campaign_id));
  },
  outcome: (result) =>
    result.platform_called ? `Paused “${result.campaign_name}” on ${platformWord(result.platform)}.` : `Paused “${result.campaign_name}” in Crescendo only (demo account: no platform was called).`,
  async handler(ctx, request) {
    // The registry runs an approval tool's handler only for an approved request, inside its claim.
    if (!ctx.approvalId) throw new Error('pause_ad_campaign ran without an approval id');
    const context = await campaignActionContext(ctx, request.ad_campaign_id);
    const { campaign, account } = context;
    let platformCalled = false;
    if (!account.isDemo) {
      const access = await accountAccess(ctx.db, account.id, ctx.now());
      try {
        await access.connector.pauseCampaign(access.accessToken, access.account, campaign.externalId, ctx.approvalId);
      } catch (error) {
        throw asToolError(error, [access.accessToken]);
      }
      platformCalled = true;
    }
    const status = pausedStatus(account.platform);
    await ctx.db.adCampaign.update({ where: { id: campaign.id }, data: { status } });
    return {
      ad_campaign_id: campaign.id,
      campaign_name: campaign.name,
      platform: account.platform.toLowerCase(),
      previous_status: statusWords(campaign.status),
      status: statusWords(status),
      platform_called: platformCalled,
      note: account.isDemo ? demoNote(context) : null,
    };
  },
});

function pausePreview(context: CampaignActionContext, reason: string | undefined): string {
  const { campaign, account, platformName, spendYesterday, spendMonthToDate } = context;
  const budget = campaign.dailyBudget !== null ? `daily budget ${amountText(campaign.dailyBudget, account.currency)}` : campaign.lifetimeBudget !== null ? `lifetime budget ${amountText(campaign.lifetimeBudget, account.currency)}` : 'no budget of its own';
  const lines = [
    `Pause ${platformName} campaign “${campaign.name}” in ad account “${account.name}” (now ${statusWords(campaign.status)}; ${budget}).`,
    `It spent ${amountText(spendYesterday, account.currency)} yesterday and ${amountText(spendMonthToDate, account.currency)} this month.`,
  ];
  if (reason) lines.push(`Reason: ${reason}.`);
  if (isPaused(campaign.status)) lines.push('It is already paused as of the last sync.');
  if (account.isDemo) lines.push(demoNote(context));
  return lines.join(' ');
}

export const platformWord = (platform: string) => ({ meta: 'Meta', google: 'Google Ads', tiktok: 'TikTok' } as Record<string, string>)[platform] ?? platform;
