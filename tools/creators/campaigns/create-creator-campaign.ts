import { z } from 'zod';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { toDbNetwork } from '../networks.ts';
import { amountOrNone, campaignStatusInput, objectiveInput } from './campaign-common.ts';
import { budgetInput, campaignNameInput, checkCampaignShape, dayInput, dayOrNull, networkBudgetsInput, networksInput, requireLinks, storedBudgets } from './campaign-inputs.ts';
import { campaignOutput, campaignViewOf, networkFiguresOutput } from './campaign-view.ts';

export const campaignWithNetworksOutput = campaignOutput.extend({ per_network: z.array(networkFiguresOutput).describe('Budget, committed and paid per network.') });

const EXAMPLE_ID = '01900000-0000-7000-8000-000000000001';

export const createCreatorCampaign = defineTool({
  name: 'create_creator_campaign',
  title: 'Create a creator campaign',
  keywords: ['influencer campaign', 'book creators', 'tiktok campaign', 'multi-platform campaign'],
  description:
    'Creates a multi-platform creator (influencer) campaign, apart from playlist campaigns: name, objective, networks, budget in currency (default the base currency) with an optional allocation per network that must fit the budget, dates, the company/client and release it is for. Status starts DRAFT unless given. Then assign_creator books creators on it.',
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  input: z.object({
    name: campaignNameInput,
    objective: objectiveInput,
    networks: networksInput,
    budget: budgetInput.optional(),
    currency: currencyCode.optional().describe('ISO 4217 code of budget and allocations; default the organisation base currency.'),
    network_budgets: networkBudgetsInput.optional(),
    starts_on: dayInput.optional(),
    ends_on: dayInput.optional(),
    status: campaignStatusInput.optional().describe('Default DRAFT.'),
    company_id: z.string().uuid().optional().describe('The company (CRM) the campaign is for.'),
    client_id: z.string().uuid().optional().describe('The client the campaign is run for.'),
    release_id: z.string().uuid().optional().describe('The release it promotes.'),
  }),
  output: campaignWithNetworksOutput,
  example: { name: 'Silver Rush – creator push', objective: 'VIDEO_VIEWS', networks: ['tiktok', 'instagram'], budget: 12000, currency: 'USD', network_budgets: { tiktok: 8000, instagram: 4000 }, starts_on: '2026-12-01', ends_on: '2027-01-31', company_id: EXAMPLE_ID, release_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const networks = [...new Set(input.networks)];
    const currency = input.currency ?? ctx.org.baseCurrency;
    const allocations = checkCampaignShape({
      networks, budget: input.budget ?? null, currency, networkBudgets: input.network_budgets ?? {}, startsOn: input.starts_on ?? null, endsOn: input.ends_on ?? null,
    });
    const names = await requireLinks(ctx, input);
    const campaign = await ctx.db.campaign.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        objective: input.objective,
        networks: networks.map(toDbNetwork),
        budget: input.budget ?? null,
        currency,
        networkBudgets: storedBudgets(allocations),
        startsOn: dayOrNull(input.starts_on, 'starts_on'),
        endsOn: dayOrNull(input.ends_on, 'ends_on'),
        status: input.status ?? 'DRAFT',
        companyId: input.company_id ?? null,
        clientId: input.client_id ?? null,
        releaseId: input.release_id ?? null,
        ownerId: ctx.actor.userId,
        createdAt: ctx.now(),
      },
    });
    const subjects = [
      ...(campaign.companyId ? [{ type: 'company' as const, id: campaign.companyId }] : []),
      ...(campaign.clientId ? [{ type: 'client' as const, id: campaign.clientId }] : []),
    ];
    if (subjects.length) {
      await recordActivity(ctx, {
        subjects,
        kind: 'creator_campaign_created',
        summary: `${await actorName(ctx)} created creator campaign '${campaign.name}' on ${networks.join(', ')} with ${amountOrNone(input.budget ?? null, currency)}${names.release ? ` for ${names.release}` : ''}`,
        data: { creator_campaign_id: campaign.id },
      });
    }
    return campaignViewOf(ctx, campaign);
  },
});
