import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { partialBaseCurrencyConverter } from '../../money/fx.ts';
import { isoDate, isoDay, money, moneyOrNull, rate, resolveAsOf, score } from '../../common/format.ts';
import { loadVendorStats } from './vendor-stats.ts';
import { unpricedPlacementsNote } from './vendor-stats.ts';

const row = z.object({
  vendor_id: z.string(),
  vendor_name: z.string(),
  is_active: z.boolean(),
  placements: z.number().describe('Placements started on or before as_of.'),
  active_campaigns: z.number().describe('Active campaigns with a placement of this vendor.'),
  delivered_streams: z.number().describe('Streams_12m of the songs on this vendor\'s playlists (latest scrape on or before as_of).'),
  promised_streams: z.number().describe('Sum over placements of min(goal, daily x days since start).'),
  delivery_rate: z.number().nullable().describe('delivered / promised (1 = as promised); null when nothing was promised yet.'),
  real_cost_per_1k: z.number().nullable().describe('What the placements cost / (delivered / 1000): per campaign, the amount paid to the vendor where payments exist (shared among its placements there by goal), else the prices; placements without an exchange rate left out (see note); null when they delivered nothing.'),
  cost_basis: z.enum(['paid', 'price']).describe('paid: real_cost_per_1k uses amounts paid for at least one of its placements (see paid_placements); price: only placement prices.'),
  paid_placements: z.number().describe('Placements whose cost comes from payments to the vendor on their campaign (paid on or before as_of).'),
  promised_cost_per_1k: z.number().describe("The vendor's own price per 1k streams, in promised_cost_currency."),
  promised_cost_currency: z.string().describe("The organisation currency; the vendor's own when there is no exchange rate for it (see note)."),
  note: z.string().nullable().describe('Why a figure of this row is not in the organisation currency or leaves placements out (no exchange rate), and how to fix it; null when all are converted.'),
  reliability_score: z.number().nullable().describe('0-100: share of placements with a promise that reached 90% of it; null without any.'),
  avg_daily_streams: z.number().describe('streams_28d / 28 over the vendor\'s credited playlists.'),
  spend: z.number().describe('Sum of placement prices in the currency, leaving out those without an exchange rate (see note).'),
  placements_with_promise: z.number().describe('Sample size behind delivery rate and reliability.'),
});

export const vendorPerformance = defineTool({
  name: 'vendor_performance',
  title: 'Vendor performance scorecard',
  description:
    'Per vendor as of a date: placements, delivered vs promised streams, delivery rate, real vs promised cost per 1k streams, reliability score (0-100), average daily streams. Money in the organisation currency; cheapest real cost first.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['cheapest', 'best vendor', 'worst vendor', 'reliable', 'delivery rate', 'scorecard', 'compare vendors'],
  input: z.object({
    as_of: isoDate.optional().describe('Date of the figures (YYYY-MM-DD); scrapes after it are ignored. Default: today.'),
    genre: z.string().min(1).optional().describe('Only placements of songs in this genre (case-insensitive).'),
    active_only: z.boolean().default(false).describe('Only vendors marked active.'),
  }),
  output: z.object({ as_of: z.string(), currency: z.string(), genre: z.string().nullable(), rows: z.array(row) }),
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const vendors = await ctx.db.vendor.findMany({ where: input.active_only ? { isActive: true } : {}, orderBy: { name: 'asc' } });
    // Compared here rather than in SQL, so case folds exactly as everywhere else (and _ and % are no wildcards).
    const wanted = input.genre?.trim().toLowerCase();
    const genres = wanted
      ? (await ctx.db.placement.findMany({ distinct: ['genre'], select: { genre: true }, where: { genre: { not: null } } }))
          .flatMap((row) => (row.genre?.toLowerCase() === wanted ? [row.genre] : []))
      : undefined;
    // A vendor priced in a currency without a rate keeps its own currency and says so: one record never fails the scorecard.
    const [stats, fx] = await Promise.all([
      loadVendorStats(ctx, { asOf, vendorIds: input.active_only ? vendors.map((vendor) => vendor.id) : undefined, genres }),
      partialBaseCurrencyConverter(ctx.db, ctx.org.baseCurrency, vendors.map((vendor) => vendor.currency), asOf),
    ]);
    const rows = vendors
      .filter((vendor) => stats.has(vendor.id) || !input.genre)
      .map((vendor) => {
        const own = stats.get(vendor.id);
        const promisedInBase = fx.toBase(Number(vendor.costPer1kStreams), vendor.currency);
        return {
          vendor_id: vendor.id,
          vendor_name: vendor.name,
          is_active: vendor.isActive,
          placements: own?.placements ?? 0,
          active_campaigns: own?.activeCampaigns ?? 0,
          delivered_streams: own?.delivered ?? 0,
          promised_streams: own?.promised ?? 0,
          delivery_rate: rate(own?.deliveryRate ?? null),
          real_cost_per_1k: moneyOrNull(own?.realCostPer1k ?? null),
          cost_basis: own && own.paidPlacements > 0 ? 'paid' as const : 'price' as const,
          paid_placements: own?.paidPlacements ?? 0,
          promised_cost_per_1k: money(promisedInBase ?? Number(vendor.costPer1kStreams)),
          promised_cost_currency: promisedInBase === null ? vendor.currency : ctx.org.baseCurrency,
          note: rowNote([
            promisedInBase === null ? `promised_cost_per_1k is in ${vendor.currency}: ${fx.missingRateNote(vendor.currency)}` : null,
            unpricedPlacementsNote(own),
          ]),
          reliability_score: score(own?.reliabilityScore ?? null),
          avg_daily_streams: Math.round(own?.avgDailyStreams ?? 0),
          spend: money(own?.price ?? 0),
          placements_with_promise: own?.placementsWithPromise ?? 0,
        };
      })
      .sort((a, b) => (a.real_cost_per_1k ?? Infinity) - (b.real_cost_per_1k ?? Infinity) || a.vendor_name.localeCompare(b.vendor_name));
    return { as_of: isoDay(asOf), currency: ctx.org.baseCurrency, genre: input.genre ?? null, rows };
  },
});

function rowNote(notes: Array<string | null>): string | null {
  const present = notes.filter((note) => note !== null);
  return present.length > 0 ? present.join(' ') : null;
}
