import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { money } from '../../common/format.ts';
import { averageDailyStreams, deliveryRate, realCostPer1k, reliabilityScore, RELIABLE_DELIVERY_RATE } from '../delivery/delivery-math.ts';
import type { PlacementDelivery } from '../delivery/load-delivery.ts';
import { DELIVERY_CHECKS, figureCtes, listingCtes } from '../delivery/delivery-sql.ts';
import { loadDeliveryScope, queryDelivery } from '../delivery/delivery-scope.ts';
import { inDeliverySession, withSessionCaches } from '../delivery/delivery-session.ts';

/**
 * A vendor's accountability figures (DESIGN.md section 6): ratios of sums, never averages of ratios.
 * Real cost uses what each placement cost: its share of what was paid to the vendor on its
 * campaign where payments exist, else its price. A placement whose money has no exchange rate
 * still counts for streams and reliability, but stays out of the money sums, never guessed at 1:1.
 */
export interface VendorStats {
  vendorId: string;
  placements: number;
  /** Placements with something promised by as_of: the sample behind the delivery rate and reliability. */
  placementsWithPromise: number;
  campaignIds: Set<string>;
  /** Active campaigns among campaignIds, when known (the SQL loader counts them). */
  activeCampaigns?: number;
  delivered: number;
  promised: number;
  /** Sum of the prices in the base currency, leaving out placements priced without a rate. */
  price: number;
  /** Delivered by the placements `price` covers. */
  pricedDelivered: number;
  /** Sum of what the placements cost (paid shares, else prices), leaving out `unpriced` ones. */
  cost: number;
  /** Delivered by the placements `cost` covers: the real cost's own denominator. */
  costDelivered: number;
  /** Placements whose cost comes from payments. */
  paidPlacements: number;
  /** Placements whose money has no rate by as_of: left out of the money sums. */
  unpriced: Array<{ listPrice: number; currency: string; priceNote: string }>;
  streams28d: number;
  deliveryRate: number | null;
  realCostPer1k: number | null;
  reliabilityScore: number | null;
  avgDailyStreams: number;
}

/** The same figures from placements already loaded (loadDelivery). */
export function vendorStats(placements: readonly PlacementDelivery[]): Map<string, VendorStats> {
  const byVendor = new Map<string, PlacementDelivery[]>();
  for (const placement of placements) byVendor.set(placement.vendorId, [...(byVendor.get(placement.vendorId) ?? []), placement]);
  const stats = new Map<string, VendorStats>();
  for (const [vendorId, own] of byVendor) {
    const sum = (rows: readonly PlacementDelivery[], value: (placement: PlacementDelivery) => number) => rows.reduce((total, placement) => total + value(placement), 0);
    const priced = own.filter((placement) => placement.price !== null);
    const costed = own.filter((placement) => placement.cost !== null);
    const delivered = sum(own, (placement) => placement.delivered);
    const promised = sum(own, (placement) => placement.promised);
    const cost = sum(costed, (placement) => placement.cost!);
    const costDelivered = sum(costed, (placement) => placement.delivered);
    const streams28d = sum(own, (placement) => placement.streams28d);
    stats.set(vendorId, {
      vendorId,
      placements: own.length,
      placementsWithPromise: own.filter((placement) => placement.promised > 0).length,
      campaignIds: new Set(own.map((placement) => placement.campaignGroupId)),
      delivered,
      promised,
      price: sum(priced, (placement) => placement.price!),
      pricedDelivered: sum(priced, (placement) => placement.delivered),
      cost,
      costDelivered,
      paidPlacements: own.filter((placement) => placement.costBasis === 'paid').length,
      unpriced: own.flatMap((placement) => (placement.cost === null || placement.price === null
        ? [{ listPrice: placement.listPrice, currency: placement.currency, priceNote: (placement.costNote ?? placement.priceNote)! }]
        : [])),
      streams28d,
      deliveryRate: deliveryRate(delivered, promised),
      realCostPer1k: realCostPer1k(cost, costDelivered),
      reliabilityScore: reliabilityScore(own),
      avgDailyStreams: averageDailyStreams(streams28d),
    });
  }
  return stats;
}

interface VendorRow {
  vendorId: string; placements: number; with_promise: number; reliable: number; campaign_ids: string[]; active_campaigns: number;
  delivered: number; promised: number; streams28d: number; price: number | null; priced_delivered: number | null; cost: number | null;
  cost_delivered: number | null; paid_placements: number; unknown_identities: number; unpriced: Array<{ list_price: number; currency: string; unconverted: string }> | null;
}

/**
 * Every vendor's figures over its placements started by as_of, added up in the database (the
 * scorecard at the size of a busy label): the same numbers as `vendorStats` over `loadDelivery`.
 */
export async function loadVendorStats(ctx: ToolContext, options: { asOf: Date; vendorIds?: readonly string[]; genres?: readonly string[] }): Promise<Map<string, VendorStats>> {
  const conditions = [Prisma.sql`p."startDate" <= ${options.asOf}`];
  if (options.vendorIds) conditions.push(Prisma.sql`p."vendorId" = ANY(${[...options.vendorIds]}::text[])`);
  if (options.genres) conditions.push(Prisma.sql`p.genre = ANY(${[...options.genres]}::text[])`);
  const scope = await loadDeliveryScope(ctx.db, ctx.orgId, {
    asOf: options.asOf, timeZone: ctx.org.timeZone, baseCurrency: ctx.org.baseCurrency, placements: Prisma.join(conditions, ' AND '), wholeOrganization: true,
    allSongs: conditions.length === 1,
  });
  const rows = await inDeliverySession(ctx, async (db) => queryDelivery<VendorRow>(db, await withSessionCaches(db, scope), (current) => Prisma.sql`
    WITH ${listingCtes(current)}${figureCtes(current)},
    -- Each vendor's campaigns from the placements' two narrow columns, not DISTINCT aggregates over the figures (a sort per vendor).
    campaigns AS (
      SELECT v."vendorId", array_agg(v."campaignGroupId" ORDER BY v."campaignGroupId") AS campaign_ids, (count(*) FILTER (WHERE g.status = 'ACTIVE'))::int AS active_campaigns
      FROM (SELECT DISTINCT "vendorId", "campaignGroupId" FROM placed) v JOIN "CampaignGroup" g ON g."organizationId" = ${ctx.orgId} AND g.id = v."campaignGroupId"
      GROUP BY 1
    )
    -- Added up per vendor first, then given its campaigns: joined before the sums, the planner interleaves them with the figures.
    SELECT s.*, c.campaign_ids, c.active_campaigns
    FROM (
      SELECT f."vendorId", ${DELIVERY_CHECKS}, count(*)::int AS placements, count(*) FILTER (WHERE f.promised > 0)::int AS with_promise,
             count(*) FILTER (WHERE f.promised > 0 AND f.delivered / f.promised >= ${RELIABLE_DELIVERY_RATE}::float8)::int AS reliable,
             sum(f.delivered) AS delivered, sum(f.promised) AS promised, sum(f.streams28d) AS streams28d,
             sum(f.price_base) AS price, sum(f.delivered) FILTER (WHERE f.price_base IS NOT NULL) AS priced_delivered,
             sum(f.cost) AS cost, sum(f.delivered) FILTER (WHERE f.cost IS NOT NULL) AS cost_delivered,
             count(*) FILTER (WHERE f.paid)::int AS paid_placements,
             json_agg(json_build_object('list_price', f.price::float8, 'currency', f.currency, 'unconverted', coalesce(f.unconverted_currency, f.currency)))
               FILTER (WHERE f.cost IS NULL OR f.price_base IS NULL) AS unpriced
      FROM figures f GROUP BY f."vendorId"
    ) s JOIN campaigns c ON c."vendorId" = s."vendorId"`));
  return new Map(rows.map((row) => {
    const cost = row.cost ?? 0;
    const costDelivered = row.cost_delivered ?? 0;
    return [row.vendorId, {
      vendorId: row.vendorId,
      placements: row.placements,
      placementsWithPromise: row.with_promise,
      campaignIds: new Set(row.campaign_ids),
      activeCampaigns: row.active_campaigns,
      delivered: row.delivered,
      promised: row.promised,
      price: row.price ?? 0,
      pricedDelivered: row.priced_delivered ?? 0,
      cost,
      costDelivered,
      paidPlacements: row.paid_placements,
      unpriced: (row.unpriced ?? []).map((entry) => ({ listPrice: entry.list_price, currency: entry.currency.trim(), priceNote: scope.missingRateNote(entry.unconverted.trim()) })),
      streams28d: row.streams28d,
      deliveryRate: deliveryRate(row.delivered, row.promised),
      realCostPer1k: realCostPer1k(cost, costDelivered),
      reliabilityScore: row.with_promise > 0 ? (100 * row.reliable) / row.with_promise : null,
      avgDailyStreams: averageDailyStreams(row.streams28d),
    }];
  }));
}

/** Names the placements a vendor's spend and real cost leave out, with their own prices; null when all were converted. */
export function unpricedPlacementsNote(stats: VendorStats | undefined): string | null {
  const unpriced = stats?.unpriced ?? [];
  if (unpriced.length === 0) return null;
  const prices = unpriced.map((placement) => `${money(placement.listPrice).toFixed(2)} ${placement.currency}`).join(', ');
  const reasons = [...new Set(unpriced.map((placement) => placement.priceNote))].join(' ');
  return `${unpriced.length} placement${unpriced.length === 1 ? '' : 's'} (${prices}) left out of the spend and real cost: ${reasons}`;
}
