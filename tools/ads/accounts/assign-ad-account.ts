import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import { adAccountIdInput, EXAMPLE_ACCOUNT_ID, requireAdAccount } from './account-records.ts';

export const assignAdAccount = defineTool({
  name: 'assign_ad_account',
  title: 'Assign an ad account to a campaign',
  description:
    "Links an ad account, or only some of its campaigns, to a Crescendo campaign (creator_campaign_id), so its spend and results count for that campaign. With ad_campaign_ids only those campaigns are linked (they override the account's link); creator_campaign_id null removes the link.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  hints: { idempotent: true },
  keywords: ['link ad account to campaign', 'attach ads', 'map ad campaign', 'which campaign pays for these ads'],
  input: z.object({
    ad_account_id: adAccountIdInput,
    creator_campaign_id: z.string().uuid().nullable().describe('The Crescendo campaign (list_creator_campaigns); null unlinks.'),
    ad_campaign_ids: z.array(z.string().uuid()).min(1).max(500).optional().describe("Only these of the account's ad campaigns (get_ad_account lists them); omit for the whole account."),
  }),
  output: z.object({
    ad_account_id: z.string(),
    account_name: z.string(),
    creator_campaign: z.object({ creator_campaign_id: z.string(), name: z.string() }).nullable(),
    scope: z.enum(['account', 'campaigns']),
    ad_campaigns: z.array(z.object({ ad_campaign_id: z.string(), name: z.string() })).describe('The ad campaigns linked or unlinked by this call (with ad_campaign_ids).'),
  }),
  example: { ad_account_id: EXAMPLE_ACCOUNT_ID, creator_campaign_id: EXAMPLE_ACCOUNT_ID },
  async handler(ctx, input) {
    const account = await requireAdAccount(ctx.db, input.ad_account_id);
    const campaign = input.creator_campaign_id ? await ctx.db.campaign.findFirst({ where: { id: input.creator_campaign_id }, select: { id: true, name: true } }) : null;
    if (input.creator_campaign_id && !campaign) throw notFound('creator campaign', input.creator_campaign_id);
    const link = campaign ? { creator_campaign_id: campaign.id, name: campaign.name } : null;
    if (!input.ad_campaign_ids) {
      await ctx.db.adAccount.update({ where: { id: account.id }, data: { campaignId: campaign?.id ?? null } });
      return { ad_account_id: account.id, account_name: account.name, creator_campaign: link, scope: 'account' as const, ad_campaigns: [] };
    }
    const wanted = [...new Set(input.ad_campaign_ids)];
    const found = await ctx.db.adCampaign.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, adAccountId: true } });
    const byId = new Map(found.map((row) => [row.id, row]));
    wanted.forEach((id, index) => {
      const row = byId.get(id);
      if (!row) throw invalidInput(`ad_campaign_ids[${index}]`, `no ad campaign with id ${id} in this organisation`);
      if (row.adAccountId !== account.id) throw invalidInput(`ad_campaign_ids[${index}]`, `${row.name} belongs to another ad account, not ${account.name}`);
    });
    await ctx.db.adCampaign.updateMany({ where: { id: { in: wanted } }, data: { campaignId: campaign?.id ?? null } });
    return { ad_account_id: account.id, account_name: account.name, creator_campaign: link, scope: 'campaigns' as const, ad_campaigns: wanted.map((id) => ({ ad_campaign_id: id, name: byId.get(id)!.name })) };
  },
});
