import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import { partialBaseCurrencyConverter } from '../../money/fx.ts';
import { isoDate, isoDay, resolveAsOf } from '../../common/format.ts';
import { loadDelivery } from '../delivery/load-delivery.ts';
import { EXAMPLE_ID, idInput } from '../records/inputs.ts';
import { requireCampaign } from '../records/lookups.ts';
import { outcomeFigures, sumOutcomes } from '../plans/outcome-figures.ts';
import { byVendor, loadPlanLines, planOutcomes, type PlanLineOutcome } from '../plans/plan-outcomes.ts';

const vendorOutcome = outcomeFigures.extend({ vendor_id: z.string(), vendor_name: z.string() });

export const allocationOutcome = defineTool({
  name: 'allocation_outcome',
  title: 'Budget plan against delivery',
  description:
    "What a budget plan expected against what was delivered, per vendor: expected vs delivered streams, delivery rate, expected vs real cost per 1k, as scrapes arrive. Give an executed commit_allocation's approval_id, or a campaign_id for every plan kept in that campaign. Money in the organisation currency.",
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['plan vs actual', 'did the plan deliver', 'expected streams', 'allocation results', 'budget plan outcome'],
  input: z.object({
    approval_id: idInput.optional().describe('An approval request of commit_allocation (list_approvals).'),
    campaign_id: idInput.optional().describe('A campaign (list_campaigns): every plan kept for its placements.'),
    as_of: isoDate.optional().describe('Date of the figures (YYYY-MM-DD); later scrapes are ignored. Default: today.'),
  }),
  output: z.object({
    as_of: z.string(),
    currency: z.string(),
    campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
    approval: z.object({ id: z.string(), status: z.string() }).nullable(),
    vendors: z.array(vendorOutcome).describe('Largest expectation first.'),
    totals: outcomeFigures,
    notes: z.array(z.string()),
  }),
  example: { campaign_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const scope = await resolveScope(ctx, input);
    const lines = await loadPlanLines(ctx.db, scope.where);
    const delivery = await loadDelivery(ctx.db, ctx.orgId, {
      asOf, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, withPlaylists: false,
      placements: { id: { in: lines.map((line) => line.placementId) } },
    });
    const outcomes = planOutcomes(lines, new Map(delivery.placements.map((placement) => [placement.placementId, placement])), asOf, ctx.org.timeZone);
    const fx = await partialBaseCurrencyConverter(ctx.db, ctx.org.baseCurrency, lines.map((line) => line.currency), asOf);
    const vendors = [...byVendor(outcomes).values()]
      .map((own) => ({ vendor_id: own[0]!.vendorId, vendor_name: own[0]!.vendorName, ...sumOutcomes(own, fx.toBase) }))
      .sort((a, b) => b.expected_streams - a.expected_streams || a.vendor_name.localeCompare(b.vendor_name));
    return {
      as_of: isoDay(asOf),
      currency: ctx.org.baseCurrency,
      campaign: scope.campaign,
      approval: scope.approval,
      vendors,
      totals: sumOutcomes(outcomes, fx.toBase),
      notes: [...scope.notes, ...currencyNotes(outcomes, fx)],
    };
  },
});

type Scope = {
  where: { approvalRequestId: string } | { campaignGroupId: string };
  campaign: { id: string; name: string } | null;
  approval: { id: string; status: string } | null;
  notes: string[];
};

/** Exactly one of approval_id and campaign_id. Each given id is looked up first, so an unknown one answers not_found. */
async function resolveScope(ctx: ToolContext, input: { approval_id?: string; campaign_id?: string }): Promise<Scope> {
  const request = input.approval_id ? await ctx.db.approvalRequest.findUnique({ where: { id: input.approval_id } }) : null;
  if (input.approval_id && !request) throw notFound('approval request', input.approval_id);
  const campaign = input.campaign_id ? await requireCampaign(ctx.db, input.campaign_id) : null;
  if (request && campaign) throw invalidInput('approval_id', 'give approval_id or campaign_id, not both');
  if (campaign) {
    const [placements, planned] = await Promise.all([
      ctx.db.placement.count({ where: { campaignGroupId: campaign.id } }),
      ctx.db.allocationPlanLine.count({ where: { campaignGroupId: campaign.id } }),
    ]);
    const unplanned = placements - planned;
    return {
      where: { campaignGroupId: campaign.id },
      campaign: { id: campaign.id, name: campaign.name },
      approval: null,
      notes: unplanned > 0 ? [`${unplanned} placement${unplanned === 1 ? ' was' : 's were'} booked before plans were kept and ${unplanned === 1 ? 'has' : 'have'} no plan line: get_campaign shows ${unplanned === 1 ? 'its' : 'their'} delivery against the order.`] : [],
    };
  }
  if (!request) throw invalidInput('approval_id', 'give approval_id (an executed commit_allocation) or campaign_id');
  if (request.action !== 'commit_allocation') throw invalidInput('approval_id', `is a ${request.action} request; only commit_allocation requests book a plan`);
  const campaignId = (request.payload as { campaign_id?: string }).campaign_id;
  const booked = campaignId ? await ctx.db.campaignGroup.findUnique({ where: { id: campaignId }, select: { id: true, name: true } }) : null;
  const status = request.status.toLowerCase();
  return {
    where: { approvalRequestId: request.id },
    campaign: booked,
    approval: { id: request.id, status },
    notes: request.status === 'EXECUTED' ? [] : [`The request is ${status}: nothing is booked, so nothing is expected yet, until it is approved and has run.`],
  };
}

function currencyNotes(outcomes: readonly PlanLineOutcome[], fx: { toBase(amount: number, currency: string): number | null; missingRateNote(currency: string): string }): string[] {
  const notes = new Set<string>();
  for (const line of outcomes) {
    if (fx.toBase(1, line.currency) === null) notes.add(`Expected cost unknown: ${fx.missingRateNote(line.currency)}`);
    if (line.costNote) notes.add(`Real cost leaves out a placement: ${line.costNote}`);
  }
  return [...notes];
}
