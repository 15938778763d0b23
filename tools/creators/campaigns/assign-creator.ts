import { z } from 'zod';
import { amountText } from '../../common/display-figures.ts';
import { isoDay, money, parseDay } from '../../common/format.ts';
import { currencyCode } from '../../money/currency.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { fromDbNetwork, networkInput, toDbNetwork, type Network } from '../networks.ts';
import { converterFor, creatorLabel, formatInput, moneyAmount, recordCreatorActivity, requireCreator, requireCreatorCampaign, STATUS_LABELS } from './campaign-common.ts';
import { dayInput } from './campaign-inputs.ts';
import { assignmentOutput, assignmentViewOf } from './assignment-view.ts';
import { campaignViewOf } from './campaign-view.ts';
import { checkFeeRange } from './fee-range.ts';

export const deliverableInput = z.object({
  network: networkInput,
  format: formatInput,
  count: z.number().int().min(1, 'must be at least 1').max(1000).describe('Pieces of this format on this network.'),
  due_on: dayInput.optional().describe('When they are due (YYYY-MM-DD).'),
});
export const deliverablesInput = z.array(deliverableInput).min(1, 'name at least one deliverable').max(50).describe('What the creator delivers: [{network, format, count, due_on?}].');

export const budgetOutput = z.object({
  budget: z.number().nullable(),
  currency: z.string(),
  committed: z.number().describe('Fees of accepted (and later) assignments.'),
  invited: z.number().describe('Fees offered and not answered yet, this one included when it is an invitation.'),
  remaining: z.number().nullable().describe('budget - committed - invited: what is left if every invitation is accepted.'),
});

/** Deliverable networks must be the campaign's; the same (network, format) twice is one line with both counts. */
export function checkDeliverables(deliverables: ReadonlyArray<z.output<typeof deliverableInput>>, campaignNetworks: readonly Network[], field = 'deliverables') {
  deliverables.forEach((line, index) => {
    if (!campaignNetworks.includes(line.network)) {
      throw invalidInput(`${field}[${index}].network`, `${line.network} is not one of the campaign's networks (${campaignNetworks.join(', ')})`);
    }
  });
  const merged = new Map<string, { network: Network; format: string; count: number; due_on?: string }>();
  for (const line of deliverables) {
    const key = `${line.network}/${line.format}/${line.due_on ?? ''}`;
    const seen = merged.get(key);
    if (seen) seen.count += line.count;
    else merged.set(key, { ...line });
  }
  return [...merged.values()];
}

export function deliverablesPhrase(lines: ReadonlyArray<{ network: string; format: string; count: number; due_on?: string | null }>): string {
  return lines.map((line) => `${line.count} ${line.network} ${line.format}${line.count === 1 ? '' : 's'}${line.due_on ? ` by ${line.due_on}` : ''}`).join(', ');
}

export const assignCreator = defineTool({
  name: 'assign_creator',
  title: 'Assign a creator to a campaign',
  keywords: ['book a creator', 'invite influencer', 'hire creator', 'add creator to campaign'],
  description:
    "Books a creator on a creator campaign (status INVITED): deliverables [{network, format, count, due_on}] on the campaign's networks, the fee and its currency (default the campaign's). A creator is on a campaign once. When the creator's contract has fee ranges for these formats, a fee outside them is refused unless outside_contract_reason says why. Answers the assignment and the campaign's budget after it (committed, invited, remaining), with warnings when the fees pass the budget.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  input: z.object({
    creator_campaign_id: z.string().uuid().describe('The creator campaign (list_creator_campaigns).'),
    creator_id: z.string().uuid().describe('The creator (search_creators, list_creators).'),
    deliverables: deliverablesInput,
    fee: moneyAmount.describe('The fee for all the deliverables, in currency.'),
    currency: currencyCode.optional().describe("ISO 4217 code of the fee; default the campaign's currency."),
    notes: z.string().trim().max(2000).optional().describe('Brief, terms, anything agreed.'),
    outside_contract_reason: z.string().trim().min(3).max(500).optional().describe("Why a fee outside the creator's contract fee range is right; without it such a fee is refused."),
  }),
  output: z.object({ assignment: assignmentOutput, budget: budgetOutput, fee_range: z.object({ min: z.number(), max: z.number().nullable(), currency: z.string() }).nullable(), warnings: z.array(z.string()) }),
  example: {
    creator_campaign_id: '01900000-0000-7000-8000-000000000001', creator_id: '01900000-0000-7000-8000-000000000002',
    deliverables: [{ network: 'tiktok', format: 'video', count: 3, due_on: '2026-12-10' }], fee: 1200, currency: 'USD',
  },
  async handler(ctx, input) {
    const campaign = await requireCreatorCampaign(ctx, input.creator_campaign_id);
    const creator = await requireCreator(ctx, input.creator_id);
    if (campaign.status === 'CANCELLED' || campaign.status === 'COMPLETED') {
      throw invalidInput('creator_campaign_id', `'${campaign.name}' is ${campaign.status.toLowerCase()}; reopen it (update_creator_campaign status) to book creators`);
    }
    if (!creator.isActive) throw invalidInput('creator_id', `${creatorLabel(creator)} is archived; restore them first`);
    const existing = await ctx.db.campaignCreator.findFirst({ where: { campaignId: campaign.id, creatorId: creator.id }, select: { id: true, status: true } });
    if (existing) {
      throw conflict(`${creatorLabel(creator)} is already on '${campaign.name}' (assignment ${existing.id}, ${STATUS_LABELS[existing.status].toLowerCase()}); change it with update_assignment.`);
    }
    const lines = checkDeliverables(input.deliverables, campaign.networks.map(fromDbNetwork));
    const currency = input.currency ?? campaign.currency;
    const now = ctx.now();
    const converter = await converterFor(ctx, [{ currency, at: now }, { currency: campaign.currency, at: now }]);
    const check = checkFeeRange(creator.feeRanges, lines, input.fee, currency, converter, now);
    if (check.outside && !input.outside_contract_reason) {
      throw invalidInput('fee', `${check.outside}; give outside_contract_reason to book it anyway`);
    }
    const warnings: string[] = [];
    if (check.note) warnings.push(check.note);
    if (check.outside) warnings.push(`${check.outside}; booked anyway: ${input.outside_contract_reason}`);
    for (const line of lines) {
      if (line.due_on && campaign.endsOn && line.due_on > isoDay(campaign.endsOn)) warnings.push(`${line.network} ${line.format} is due ${line.due_on}, after the campaign ends (${isoDay(campaign.endsOn)}).`);
      if (line.due_on && campaign.startsOn && line.due_on < isoDay(campaign.startsOn)) warnings.push(`${line.network} ${line.format} is due ${line.due_on}, before the campaign starts (${isoDay(campaign.startsOn)}).`);
    }
    if (creator.exclusive && creator.exclusiveUntil && creator.exclusiveUntil < now) warnings.push(`${creatorLabel(creator)}'s exclusivity ended ${isoDay(creator.exclusiveUntil)}.`);

    const assignment = await ctx.db.campaignCreator.create({
      data: {
        organizationId: ctx.orgId, campaignId: campaign.id, creatorId: creator.id, fee: input.fee, currency, status: 'INVITED', notes: input.notes ?? null, createdAt: now,
        deliverables: {
          create: lines.map((line) => ({ network: toDbNetwork(line.network), format: line.format, count: line.count, dueOn: line.due_on ? parseDay(line.due_on, 'due_on') : null })),
        },
      },
    });
    const view = await campaignViewOf(ctx, campaign);
    const budget = {
      budget: view.budget, currency: view.currency, committed: view.committed, invited: view.invited,
      remaining: view.budget === null ? null : money(view.budget - view.committed - view.invited),
    };
    if (budget.remaining !== null && budget.remaining < 0) {
      warnings.push(`Committed and invited fees (${amountText(view.committed + view.invited, view.currency)}) pass the budget of ${amountText(view.budget!, view.currency)} by ${amountText(-budget.remaining, view.currency)}.`);
    }
    warnings.push(...view.notes);
    await recordCreatorActivity(ctx, { contactIds: [creator.contactId], companyId: campaign.companyId }, 'creator_assigned',
      `${await actorName(ctx)} invited ${creatorLabel(creator)} to creator campaign '${campaign.name}' for ${amountText(input.fee, currency)}: ${deliverablesPhrase(lines)}`,
      { creator_campaign_id: campaign.id, assignment_id: assignment.id, creator_id: creator.id, fee: input.fee, currency, ...(input.outside_contract_reason ? { outside_contract_reason: input.outside_contract_reason } : {}) });
    return {
      assignment: await assignmentViewOf(ctx, assignment.id),
      budget,
      fee_range: check.range ? { min: money(check.range.min), max: check.range.max === null ? null : money(check.range.max), currency } : null,
      warnings,
    };
  },
});
