import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { realCostPer1k } from '../delivery/delivery-math.ts';
import { basePrice, loadDelivery, type DeliveryReport, type PlacementDelivery } from '../delivery/load-delivery.ts';
import { isoDate, isoDay, money, moneyOrNull, resolveAsOf } from '../../common/format.ts';
import { placementCost, songBreakdown, songsOf, vendorBreakdown, vendorsOf, type BreakdownContext } from './campaign-breakdown.ts';
import { sumOf } from './group-by.ts';
import { promiseFigures, streamsFigures, sumPlacements, toPromiseFigures, toStreamsFigures } from './campaign-totals.ts';
import { campaignView, toCampaignView } from './campaign-view.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requireCampaign } from './lookups.ts';

const overview = streamsFigures.extend({
  placements: z.number(),
  songs: z.number(),
  promised_to_date: z.number().describe('Sum over placements of min(goal, daily x whole days since start; a removed placement\'s days stop on its removal day).'),
  daily_promise: z.number().describe('The campaign\'s total daily promise: sum of its live placements\' daily (not removed, neither paused nor completed).'),
  weekly_promise: z.number().describe('Sum of its live placements\' weekly promise (daily x 7 where none was quoted).'),
  live_placements: z.number(),
  budget: z.number().nullable().describe('The campaign budget, converted to currency.'),
  spent: z.number().describe('Sum of the placement prices.'),
  budget_left: z.number().nullable().describe('budget - spent.'),
});

const realVsPromised = z.object({
  delivered: z.number(),
  ...promiseFigures.pick({ promised_to_date: true, delivery_rate: true }).shape,
  real_cost_per_1k: z.number().nullable().describe('What the started placements cost (amounts paid to a vendor on this campaign where they exist, else prices) / (delivered / 1000); null when nothing was delivered.'),
  cost_basis: z.enum(['paid', 'price']).describe('paid when payments to at least one of its vendors on this campaign exist (see vendors[].cost_basis), else price.'),
  promised_cost_per_1k: z.number().nullable().describe("The vendors' promised prices per 1k, weighted by goal."),
  contract_cost_per_1k: z.number().nullable().describe('spent / (goal / 1000).'),
});

export const getCampaign = defineTool({
  name: 'get_campaign',
  title: 'Get a campaign',
  description: 'One campaign in full as of a date: goal, budget, progress, each song with its placements and playlists, and per vendor delivered vs promised streams with real vs promised cost per 1k. Use it for how a campaign is doing; money in the organisation\'s currency.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['how is it doing', 'delivered so far', 'goal', 'progress', 'owed', 'remaining streams', 'budget left', 'playlists of a campaign'],
  input: z.object({
    campaign_id: idInput.describe('Id of the campaign (list_campaigns).'),
    as_of: isoDate.optional().describe('Date of the figures (YYYY-MM-DD); later scrapes are ignored. Default: today.'),
    playlists_per_song: z.number().int().min(0).max(500).default(25).describe('At most this many playlists per song, most streams first.'),
  }),
  output: z.object({
    as_of: z.string(),
    currency: z.string(),
    campaign: campaignView,
    overview,
    songs: z.array(songBreakdown),
    vendors: z.array(vendorBreakdown),
    real_vs_promised: realVsPromised,
  }),
  example: { campaign_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const campaign = await requireCampaign(ctx.db, input.campaign_id);
    const report = await loadDelivery(ctx.db, ctx.orgId, { asOf, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, placements: { campaignGroupId: campaign.id } });
    const context = await breakdownContext(ctx, report, asOf, input.playlists_per_song);
    const toBase = await baseCurrencyConverter(ctx.db, ctx.org.baseCurrency, [campaign.currency], asOf);
    const placements = report.placements;
    const songs = [...report.songs.values()];
    const totals = sumPlacements(placements, {
      plays7d: sumOf(songs, (song) => song.plays?.plays7d ?? 0), plays28d: sumOf(songs, (song) => song.plays?.plays28d ?? 0),
      plays12m: sumOf(songs, (song) => song.plays?.plays12m ?? 0), scrapedSongs: songs.length,
    });
    const spent = sumOf(placements, basePrice);
    const budget = campaign.totalBudget === null ? null : toBase(Number(campaign.totalBudget), campaign.currency);
    const promisedRate = totals.goal > 0
      ? sumOf(placements, (placement) => placement.goal * context.vendors.get(placement.vendorId)!.costPer1kBase) / totals.goal
      : null;
    return {
      as_of: isoDay(asOf),
      currency: report.baseCurrency,
      campaign: toCampaignView(campaign),
      overview: {
        ...toStreamsFigures(totals),
        placements: placements.length,
        songs: new Set(placements.map((placement) => placement.spotifyTrackId)).size,
        promised_to_date: totals.promised,
        daily_promise: totals.dailyPromise,
        weekly_promise: totals.weeklyPromise,
        live_placements: totals.livePlacements,
        budget: moneyOrNull(budget),
        spent: money(spent),
        budget_left: moneyOrNull(budget === null ? null : budget - spent),
      },
      songs: songsOf(placements, report.songs, context),
      vendors: vendorsOf(placements, context),
      real_vs_promised: {
        delivered: totals.delivered,
        promised_to_date: totals.promised,
        delivery_rate: toPromiseFigures(totals).delivery_rate,
        real_cost_per_1k: moneyOrNull(realCostOfStarted(placements, asOf)),
        cost_basis: placements.some((placement) => placement.costBasis === 'paid') ? 'paid' as const : 'price' as const,
        promised_cost_per_1k: moneyOrNull(promisedRate),
        contract_cost_per_1k: moneyOrNull(totals.goal > 0 ? spent / (totals.goal / 1000) : null),
      },
    };
  },
});

/** Vendor names and promised rates (in the base currency), auto-detected flags and track links. */
async function breakdownContext(
  ctx: ToolContext,
  report: DeliveryReport,
  asOf: Date,
  playlistsPerSong: number,
): Promise<BreakdownContext> {
  const scraped = [...report.songs.values()].flatMap((song) => [...song.playlists, ...song.dropped]);
  const vendorIds = new Set([
    ...report.placements.map((placement) => placement.vendorId),
    ...scraped.flatMap((playlist) => (playlist.owner.kind === 'organic' ? [] : [playlist.owner.vendorId])),
  ]);
  // Each playlist once: the same playlist lists many of the campaign's songs, and a query's cost grows with its parameters.
  const playlistIds = [...new Set(scraped.flatMap((playlist) => (playlist.owner.kind === 'vendor' ? [playlist.owner.playlistId] : playlist.playlistId ? [playlist.playlistId] : [])))];
  const [vendors, flagged, placements] = await Promise.all([
    ctx.db.vendor.findMany({ where: { id: { in: [...vendorIds] } }, select: { id: true, name: true, costPer1kStreams: true, currency: true } }),
    ctx.db.playlist.findMany({ where: { id: { in: playlistIds }, autoDetected: true }, select: { id: true } }),
    ctx.db.placement.findMany({ where: { id: { in: report.placements.map((placement) => placement.placementId) } }, select: { id: true, trackUrl: true } }),
  ]);
  const toBase = await baseCurrencyConverter(ctx.db, report.baseCurrency, vendors.map((vendor) => vendor.currency), asOf);
  return {
    vendors: new Map(vendors.map((vendor) => [vendor.id, { name: vendor.name, costPer1kBase: toBase(Number(vendor.costPer1kStreams), vendor.currency) }])),
    autoDetected: new Set(flagged.map((playlist) => playlist.id)),
    trackUrls: new Map(placements.map((placement) => [placement.id, placement.trackUrl])),
    playlistsPerSong,
    asOf,
    timeZone: ctx.org.timeZone,
  };
}

/** Real cost per 1k over the placements started by as_of, as vendor_performance counts it. */
function realCostOfStarted(placements: readonly PlacementDelivery[], asOf: Date): number | null {
  const started = placements.filter((placement) => placement.startDate.getTime() <= asOf.getTime());
  return realCostPer1k(sumOf(started, placementCost), sumOf(started, (placement) => placement.delivered));
}
