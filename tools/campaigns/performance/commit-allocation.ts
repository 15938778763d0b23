import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import type { ToolContext } from '../../registry/context.ts';
import { isoDate, money, parseDay, spotifyTrackId } from '../../common/format.ts';
import { amountInput, countInput, currencyInput } from '../records/inputs.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { isSpotifyTrackReference } from '../records/song-input.ts';
import { allocationSummary, committedAllocationText } from './allocation-summary.ts';
import { keepPlanLines } from '../plans/keep-plan-lines.ts';
import { songTitles } from '../delivery/song-titles.ts';

const input = z.object({
  campaign_id: z.string().describe('Campaign that receives the placements.'),
  track_url: z.string().describe('Spotify URL of the song to place.'),
  start_date: isoDate.optional().describe("First day of the placements (YYYY-MM-DD); default the campaign's start."),
  genre: z.string().max(50).optional(),
  currency: currencyInput.optional().describe("Currency of the prices; default the organisation's, as plan_budget_allocation gives them. Converted to the campaign's."),
  allocations: z
    .array(z.object({
      vendor_id: z.string(),
      goal: countInput.positive().describe('Streams ordered (promise_streams of the plan).'),
      daily: countInput.positive(),
      price: amountInput.describe('In `currency`.'),
      expected_streams: countInput.positive().optional().describe('Real streams the plan expects (expected_streams of plan_budget_allocation); default the goal. Kept to compare with delivery (allocation_outcome).'),
    }))
    .min(1)
    .max(50)
    .describe('Usually the allocations of plan_budget_allocation.'),
});
type Input = z.infer<typeof input>;

export const commitAllocation = defineTool({
  name: 'commit_allocation',
  title: 'Commit a budget allocation',
  description:
    'Commits spend: files an approval request to create one placement per allocation in a campaign. Nothing is created until an approver approves it; returns the pending approval.',
  area: 'campaigns',
  access: 'approval',
  permission: 'campaigns:write',
  hints: { openWorld: false },
  input,
  output: z.object({
    campaign_id: z.string(),
    placements: z.array(z.object({ id: z.string(), vendor_id: z.string(), goal: z.number(), daily: z.number(), price: z.number() })),
  }),
  example: {
    campaign_id: '01900000-0000-7000-8000-000000000000',
    track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    allocations: [{ vendor_id: '01900000-0000-7000-8000-000000000001', goal: 40_000, daily: 1_500, price: 120 }],
  },
  async preview(ctx, request) {
    const { campaign, vendors, trackId, inCampaignCurrency } = await resolve(ctx, request);
    const total = request.allocations.reduce((sum, allocation) => sum + inCampaignCurrency(allocation.price), 0);
    // People (and the agent, which repeats it) read the song by name, never by its Spotify id.
    const [song] = await songTitles(ctx.db, [{ spotifyTrackId: trackId, campaignArtist: campaign.artistName }]);
    const lines = request.allocations.map((allocation) =>
      `${vendors.get(allocation.vendor_id)}: ${allocation.goal.toLocaleString('en')} streams at ${allocation.daily.toLocaleString('en')}/day for ${inCampaignCurrency(allocation.price).toFixed(2)} ${campaign.currency}`);
    const status = campaign.status === 'ACTIVE' ? '' : ` The campaign is ${campaign.status.toLowerCase()}.`;
    return `Create ${lines.length} placement${lines.length === 1 ? '' : 's'} in "${campaign.name}" for “${song!.title}” by ${song!.artist}, total ${total.toFixed(2)} ${campaign.currency}: ${lines.join('; ')}.${status}`;
  },
  async summarize(ctx, request) {
    return allocationSummary(ctx, request, await resolve(ctx, request));
  },
  outcome: committedAllocationText,
  // The campaign the placements join and the prices as converted for the preview: if either moves, it waits for a new decision.
  async fingerprint(ctx, request) {
    const { campaign, vendors, inCampaignCurrency } = await resolve(ctx, request);
    const total = request.allocations.reduce((sum, allocation) => sum + inCampaignCurrency(allocation.price), 0);
    return {
      'Campaign status': campaign.status.toLowerCase(),
      'Campaign currency': campaign.currency,
      [`Total in ${campaign.currency}`]: total.toFixed(2),
      Vendors: [...new Set(request.allocations.map((allocation) => vendors.get(allocation.vendor_id)))].join(', '),
    };
  },
  async handler(ctx, request) {
    const { campaign, trackId, inCampaignCurrency } = await resolve(ctx, request);
    const startDate = request.start_date ? parseDay(request.start_date, 'start_date') : campaign.startDate;
    const placements = [];
    const booked = [];
    for (const allocation of request.allocations) {
      const price = inCampaignCurrency(allocation.price);
      const placement = await ctx.db.placement.create({
        data: {
          organizationId: ctx.orgId,
          campaignGroupId: campaign.id,
          vendorId: allocation.vendor_id,
          trackUrl: request.track_url,
          spotifyTrackId: trackId,
          goal: allocation.goal,
          daily: allocation.daily,
          price,
          currency: campaign.currency,
          genre: request.genre ?? null,
          startDate,
        },
      });
      placements.push({ id: placement.id, vendor_id: allocation.vendor_id, goal: allocation.goal, daily: allocation.daily, price });
      booked.push({ ...placement, price, expectedStreams: allocation.expected_streams });
    }
    await keepPlanLines(ctx, booked, ctx.approvalId);
    await ctx.db.activity.create({
      data: {
        organizationId: ctx.orgId, actorUserId: ctx.actor.userId, subjectType: 'campaign', subjectId: campaign.id, kind: 'allocation.committed',
        summary: `${placements.length} placements created from an approved allocation`, data: { approvalId: ctx.approvalId ?? null },
      },
    });
    return { campaign_id: campaign.id, placements };
  },
});

async function resolve(ctx: ToolContext, request: Input) {
  const trackId = spotifyTrackId(request.track_url);
  if (!trackId || !isSpotifyTrackReference(request.track_url)) throw invalidInput('track_url', 'is not a Spotify track URL (https://open.spotify.com/track/<id>)');
  const campaign = await ctx.db.campaignGroup.findUnique({ where: { id: request.campaign_id } });
  if (!campaign) throw notFound('campaign', request.campaign_id);
  const ids = [...new Set(request.allocations.map((allocation) => allocation.vendor_id))];
  const found = await ctx.db.vendor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const vendors = new Map(found.map((vendor) => [vendor.id, vendor.name]));
  const missing = request.allocations.findIndex((allocation) => !vendors.has(allocation.vendor_id));
  if (missing >= 0) throw notFound(`vendor (allocations[${missing}].vendor_id)`, request.allocations[missing]!.vendor_id);
  const currency = request.currency ?? ctx.org.baseCurrency;
  const toBase = await baseCurrencyConverter(ctx.db, ctx.org.baseCurrency, [currency, campaign.currency], ctx.now());
  const inCampaignCurrency = (price: number) => money(toBase(price, currency) / toBase(1, campaign.currency));
  return { campaign, vendors, trackId, inCampaignCurrency };
}
