import type { ToolContext } from '../../registry/context.ts';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { loadPlacementDelivery } from '../delivery/load-delivery.ts';
import { todayIn } from '../../common/format.ts';
import { partialBaseCurrencyConverter } from '../../money/fx.ts';
import { money } from '../../common/format.ts';
import { estimateVendor, genreFit, overallRecord, type VendorEstimate } from './vendor-estimates.ts';
import { unpricedPlacementsNote, vendorStats, type VendorStats } from './vendor-stats.ts';
import { planRecord, type PlanRecord } from '../plans/plan-math.ts';
import { byVendor, loadPlanLines, planOutcomes } from '../plans/plan-outcomes.ts';

export interface VendorOutlook {
  vendorId: string;
  vendorName: string;
  promisedCostPer1k: number;
  stats: VendorStats | undefined;
  estimate: VendorEstimate;
  genreFit: number | null;
  /** Sum of the vendor's playlists' average daily streams (fitting the genre, when one is given). */
  dailyCapacity: number;
  /** Its kept plans against what they delivered: a vendor that under-delivers them ranks lower. */
  plans: PlanRecord;
}

/**
 * Every active vendor's record to date, its shrunk estimate, genre fit and daily capacity. A vendor
 * priced in a currency without an exchange rate cannot be compared with the others: it is left out
 * of `outlook` and described in `notes` (with its price in its own currency), never guessed at 1:1;
 * so are placements booked in such a currency: out of the vendor's real cost, named in `notes`.
 */
export async function loadVendorOutlook(ctx: ToolContext, genre: string | undefined): Promise<{ asOf: Date; outlook: VendorOutlook[]; notes: string[] }> {
  const asOf = todayIn(ctx.org.timeZone, ctx.now());
  const vendors = await ctx.db.vendor.findMany({
    where: { isActive: true },
    include: { playlists: { select: { genres: true, avgDailyStreams: true } } },
    orderBy: { name: 'asc' },
  });
  const placements = await loadPlacementDelivery(ctx, { asOf, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, placements: Prisma.sql`p."startDate" <= ${asOf}` });
  const stats = vendorStats(placements);
  const plans = byVendor(planOutcomes(await loadPlanLines(ctx.db, {}), new Map(placements.map((placement) => [placement.placementId, placement])), asOf, ctx.org.timeZone));
  // Vendors price in their own currency; every figure here is in the organisation's.
  const fx = await partialBaseCurrencyConverter(ctx.db, ctx.org.baseCurrency, vendors.map((vendor) => vendor.currency), asOf);
  const priced = vendors.filter((vendor) => fx.toBase(1, vendor.currency) !== null);
  const notes = [
    ...vendors
      .filter((vendor) => !priced.includes(vendor))
      .map((vendor) => `${vendor.name} (${money(Number(vendor.costPer1kStreams))} ${vendor.currency} per 1k promised) was left out: ${fx.missingRateNote(vendor.currency)}`),
    ...priced.flatMap((vendor) => {
      const note = unpricedPlacementsNote(stats.get(vendor.id));
      return note ? [`${vendor.name}: ${note}`] : [];
    }),
  ];
  const overall = overallRecord(stats.values());
  const wanted = genre?.trim().toLowerCase();
  return {
    asOf,
    notes,
    outlook: priced.map((vendor) => {
      const own = stats.get(vendor.id);
      const promisedCostPer1k = fx.toBase(Number(vendor.costPer1kStreams), vendor.currency)!;
      const fitting = wanted ? vendor.playlists.filter((playlist) => playlist.genres.some((tag) => tag.toLowerCase() === wanted)) : vendor.playlists;
      const registeredCapacity = fitting.reduce((sum, playlist) => sum + Number(playlist.avgDailyStreams ?? 0), 0);
      // Before a playlist's first scrape its average is unknown: fall back to what the vendor delivered lately.
      const dailyCapacity = registeredCapacity > 0 ? registeredCapacity : fitting.length > 0 || !wanted ? (own?.avgDailyStreams ?? 0) : 0;
      return {
        vendorId: vendor.id,
        vendorName: vendor.name,
        promisedCostPer1k,
        stats: own,
        estimate: estimateVendor(vendor.id, promisedCostPer1k, own, overall),
        genreFit: genreFit(genre, vendor.playlists.map((playlist) => playlist.genres)),
        dailyCapacity,
        plans: planRecord(plans.get(vendor.id) ?? []),
      };
    }),
  };
}
