import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { requireCampaign, requireVendor } from '../records/lookups.ts';

export interface PaymentRequest {
  vendor_id: string;
  campaign_id?: string;
  currency?: string;
}

/**
 * The vendor and (optional) campaign a payment names, checked: both exist in this organisation,
 * and the campaign booked the vendor, since paying a vendor for a campaign they had no part in
 * is almost always a slip of the id.
 */
export async function resolvePaymentParties(ctx: ToolContext, request: PaymentRequest) {
  const vendor = await requireVendor(ctx.db, request.vendor_id);
  const campaign = request.campaign_id ? await requireCampaign(ctx.db, request.campaign_id) : null;
  if (campaign) {
    const booked = await ctx.db.placement.count({ where: { campaignGroupId: campaign.id, vendorId: vendor.id } });
    if (booked === 0) {
      throw invalidInput('campaign_id', `campaign “${campaign.name}” has no placement with ${vendor.name}; name a campaign that booked them, or leave campaign_id out`);
    }
  }
  return { vendor, campaign, currency: request.currency ?? vendor.currency };
}

/**
 * What the approver weighs the amount against, in the payment's currency: the price of the
 * vendor's placements (in the campaign, or all of them) and what was already paid for the same.
 */
export async function priceAndPaidSoFar(ctx: ToolContext, vendorId: string, campaignId: string | null, currency: string) {
  const scope = { vendorId, ...(campaignId ? { campaignGroupId: campaignId } : {}) };
  const [priced, paid] = await Promise.all([
    ctx.db.placement.groupBy({ by: ['currency'], where: scope, _sum: { price: true } }),
    ctx.db.vendorPayment.groupBy({ by: ['currency'], where: scope, _sum: { amount: true } }),
  ]);
  const sums = [
    ...priced.map((row) => ({ currency: row.currency, amount: row._sum.price, paid: false })),
    ...paid.map((row) => ({ currency: row.currency, amount: row._sum.amount, paid: true })),
  ];
  const toBase = await baseCurrencyConverter(ctx.db, ctx.org.baseCurrency, [currency, ...sums.map((sum) => sum.currency)], ctx.now());
  const inPaymentCurrency = (amount: Prisma.Decimal | null, from: string) =>
    from === currency ? Number(amount ?? 0) : toBase(Number(amount ?? 0), from) / toBase(1, currency);
  let placementPrice = 0;
  let paidSoFar = 0;
  for (const sum of sums) {
    if (sum.paid) paidSoFar += inPaymentCurrency(sum.amount, sum.currency);
    else placementPrice += inPaymentCurrency(sum.amount, sum.currency);
  }
  return { placementPrice, paidSoFar };
}
