import { z } from 'zod';
import { isoDay } from '../../common/format.ts';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity, type CrmSubject } from '../../crm/timeline/record-activity.ts';
import { fromDbNetwork, toDbNetwork } from '../networks.ts';
import { amountOrNone, campaignStatusInput, networkBudgets, objectiveInput, requireCreatorCampaign } from './campaign-common.ts';
import { budgetInput, campaignNameInput, checkCampaignShape, dayInput, dayOrNull, networkBudgetsInput, networksInput, requireLinks, storedBudgets } from './campaign-inputs.ts';
import { campaignViewOf } from './campaign-view.ts';
import { campaignWithNetworksOutput } from './create-creator-campaign.ts';

export const updateCreatorCampaign = defineTool({
  name: 'update_creator_campaign',
  title: 'Update a creator campaign',
  description:
    'Changes a creator campaign: name, objective, networks, budget, currency, network_budgets (the object given replaces the allocation), dates, status (DRAFT, ACTIVE, PAUSED, COMPLETED, CANCELLED), company, client or release; fields left out stay, null clears one. The whole campaign is checked again: allocations within the budget, allocated networks among the networks, a network with booked deliverables stays. Lands on the company\'s timeline.',
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  input: z.object({
    creator_campaign_id: z.string().uuid().describe('The creator campaign (list_creator_campaigns).'),
    name: campaignNameInput.optional(),
    objective: objectiveInput.optional(),
    networks: networksInput.optional(),
    budget: budgetInput.nullable().optional(),
    currency: currencyCode.optional().describe('ISO 4217 code of budget and allocations.'),
    network_budgets: networkBudgetsInput.optional(),
    starts_on: dayInput.nullable().optional(),
    ends_on: dayInput.nullable().optional(),
    status: campaignStatusInput.optional(),
    company_id: z.string().uuid().nullable().optional(),
    client_id: z.string().uuid().nullable().optional(),
    release_id: z.string().uuid().nullable().optional(),
  }),
  output: campaignWithNetworksOutput,
  example: { creator_campaign_id: '01900000-0000-7000-8000-000000000001', status: 'ACTIVE', budget: 15000, network_budgets: { tiktok: 9000, instagram: 6000 } },
  async handler(ctx, input) {
    const campaign = await requireCreatorCampaign(ctx, input.creator_campaign_id);
    const { creator_campaign_id: _id, ...fields } = input;
    if (Object.values(fields).every((value) => value === undefined)) throw invalidInput('name', 'give at least one field to change');
    const networks = input.networks ? [...new Set(input.networks)] : campaign.networks.map(fromDbNetwork);
    const budget = input.budget === undefined ? (campaign.budget === null ? null : Number(campaign.budget)) : input.budget;
    const currency = input.currency ?? campaign.currency;
    const startsOn = input.starts_on === undefined ? (campaign.startsOn ? isoDay(campaign.startsOn) : null) : input.starts_on;
    const endsOn = input.ends_on === undefined ? (campaign.endsOn ? isoDay(campaign.endsOn) : null) : input.ends_on;
    const allocations = checkCampaignShape({ networks, budget, currency, networkBudgets: input.network_budgets ?? networkBudgets(campaign.networkBudgets), startsOn, endsOn });
    if (input.networks) {
      const dropped = campaign.networks.filter((network) => !networks.includes(fromDbNetwork(network)));
      const booked = dropped.length
        ? await ctx.db.campaignDeliverable.findFirst({ where: { network: { in: dropped }, assignment: { campaignId: campaign.id, status: { not: 'DECLINED' } } }, select: { network: true } })
        : null;
      if (booked) throw invalidInput('networks', `creators have deliverables on ${fromDbNetwork(booked.network)} in this campaign; change their deliverables (update_assignment) before dropping it`);
    }
    const names = await requireLinks(ctx, input);

    const changes: string[] = [];
    const data: Record<string, unknown> = {};
    const note = (changed: boolean, key: string, value: unknown, words: string) => {
      if (!changed) return;
      data[key] = value;
      changes.push(words);
    };
    note(input.name !== undefined && input.name !== campaign.name, 'name', input.name, `renamed from '${campaign.name}'`);
    note(input.objective !== undefined && input.objective !== campaign.objective, 'objective', input.objective, `objective ${campaign.objective} -> ${input.objective}`);
    note(input.status !== undefined && input.status !== campaign.status, 'status', input.status, `status ${campaign.status} -> ${input.status}`);
    const before = campaign.networks.map(fromDbNetwork);
    note(input.networks !== undefined && networks.join() !== before.join(), 'networks', networks.map(toDbNetwork), `networks ${before.join(', ')} -> ${networks.join(', ')}`);
    const oldBudget = campaign.budget === null ? null : Number(campaign.budget);
    note(budget !== oldBudget || currency !== campaign.currency, 'budget', budget, `budget ${amountOrNone(oldBudget, campaign.currency)} -> ${amountOrNone(budget, currency)}`);
    if (currency !== campaign.currency) data.currency = currency;
    const oldAllocations = JSON.stringify(campaign.networkBudgets);
    const newAllocations = storedBudgets(allocations);
    note(input.network_budgets !== undefined && JSON.stringify(newAllocations) !== oldAllocations, 'networkBudgets', newAllocations, `network budgets ${Object.entries(allocations).map(([network, amount]) => `${network} ${amount}`).join(', ') || 'cleared'}`);
    const oldStart = campaign.startsOn ? isoDay(campaign.startsOn) : null;
    const oldEnd = campaign.endsOn ? isoDay(campaign.endsOn) : null;
    note(startsOn !== oldStart, 'startsOn', dayOrNull(startsOn, 'starts_on'), `starts ${oldStart ?? 'none'} -> ${startsOn ?? 'none'}`);
    note(endsOn !== oldEnd, 'endsOn', dayOrNull(endsOn, 'ends_on'), `ends ${oldEnd ?? 'none'} -> ${endsOn ?? 'none'}`);
    note(input.company_id !== undefined && input.company_id !== campaign.companyId, 'companyId', input.company_id, names.company ? `company set to ${names.company}` : 'company removed');
    note(input.client_id !== undefined && input.client_id !== campaign.clientId, 'clientId', input.client_id, names.client ? `client set to ${names.client}` : 'client removed');
    note(input.release_id !== undefined && input.release_id !== campaign.releaseId, 'releaseId', input.release_id, names.release ? `release set to ${names.release}` : 'release removed');
    if (!changes.length) return campaignViewOf(ctx, campaign);

    const updated = await ctx.db.campaign.update({ where: { id: campaign.id }, data });
    const present = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))];
    const subjects: Array<{ type: CrmSubject; id: string }> = [
      ...present([campaign.companyId, updated.companyId]).map((id) => ({ type: 'company' as const, id })),
      ...present([campaign.clientId, updated.clientId]).map((id) => ({ type: 'client' as const, id })),
    ];
    if (subjects.length) {
      await recordActivity(ctx, {
        subjects,
        kind: 'creator_campaign_updated',
        summary: `${await actorName(ctx)} updated creator campaign '${updated.name}': ${changes.join('; ')}`,
        data: { creator_campaign_id: campaign.id, changed: Object.keys(data) },
      });
    }
    return campaignViewOf(ctx, updated);
  },
});
