import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { money } from '../../common/format.ts';
import { recordActivity } from '../records/activity.ts';
import { currencyInput, EXAMPLE_ID, idInput } from '../records/inputs.ts';
import type { ToolContext } from '../../registry/context.ts';
import { priceAndPaidSoFar, resolvePaymentParties, type PaymentRequest } from './payment-parties.ts';
import { paymentOutcome, paymentSummary } from './payment-summary.ts';

const input = z.object({
  vendor_id: idInput.describe('Vendor to pay (list_vendors).'),
  amount: z
    .number()
    .finite()
    .positive('must be more than 0')
    .max(1e13, 'must be at most 10,000,000,000,000')
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'use at most two decimal places')
    .describe('Amount to pay, in currency.'),
  currency: currencyInput.optional().describe("ISO 4217 code of amount; default the vendor's currency."),
  campaign_id: idInput.optional().describe('Campaign the payment is for (list_campaigns); it must have a placement with this vendor.'),
  reference: z.string().trim().min(1, 'must not be empty').max(200).optional().describe('Invoice number or note, shown to the approver and kept with the payment.'),
});

export const payVendor = defineTool({
  name: 'pay_vendor',
  title: 'Pay a vendor',
  description:
    "Pays a playlist vendor: files an approval request showing the amount beside the vendor's placement prices and what was paid so far. Nothing is paid until another person approves; then the payment is recorded exactly once. Amount in currency (default the vendor's). Returns the pending approval; list_vendor_payments shows payments made.",
  area: 'campaigns',
  access: 'approval',
  permission: 'campaigns:write',
  hints: { openWorld: false },
  input,
  output: z.object({
    payment_id: z.string(),
    vendor_id: z.string(),
    amount: z.number(),
    currency: z.string(),
    paid_at: z.string(),
  }),
  example: { vendor_id: EXAMPLE_ID, amount: 450, campaign_id: EXAMPLE_ID, reference: 'INV-1042' },
  async preview(ctx, request) {
    const { vendor, campaign, currency, placementPrice, paidSoFar } = await paymentContext(ctx, request);
    const amount = (value: number) => formatAmount(value, currency);
    const context = campaign
      ? `for campaign “${campaign.name}” (its placements with them are priced ${amount(placementPrice)}; paid so far ${amount(paidSoFar)})`
      : `with no campaign named (their placements across all campaigns are priced ${amount(placementPrice)}; paid so far ${amount(paidSoFar)})`;
    const lines = [`Pay ${vendor.name} ${amount(request.amount)} ${context}.`];
    if (request.reference) lines.push(`Reference: ${request.reference}.`);
    const after = paidSoFar + request.amount;
    if (money(after) > money(placementPrice)) lines.push(`Warning: this brings payments to ${amount(after)}, ${amount(after - placementPrice)} more than the placements are priced.`);
    return lines.join(' ');
  },
  async summarize(ctx, request) {
    return paymentSummary(ctx, request, await paymentContext(ctx, request));
  },
  outcome: paymentOutcome,
  // What the approver weighed the amount against: if any of it moves before the payment runs, it waits for a new decision.
  async fingerprint(ctx, request) {
    const { campaign, currency, placementPrice, paidSoFar } = await paymentContext(ctx, request);
    return {
      Currency: currency,
      'Placements priced': formatAmount(placementPrice, currency),
      'Paid so far': formatAmount(paidSoFar, currency),
      'Campaign status': campaign ? campaign.status.toLowerCase() : null,
    };
  },
  async handler(ctx, request) {
    // The registry runs an approval tool's handler only for an approved request, with its id.
    if (!ctx.approvalId) throw new Error('pay_vendor ran without an approval id');
    const { vendor, campaign, currency } = await resolvePaymentParties(ctx, request);
    const payment = await ctx.db.vendorPayment.create({
      data: {
        organizationId: ctx.orgId,
        vendorId: vendor.id,
        campaignGroupId: campaign?.id ?? null,
        amount: request.amount,
        currency,
        reference: request.reference ?? null,
        paidAt: ctx.now(),
        approvalRequestId: ctx.approvalId,
      },
    });
    await recordActivity(ctx, {
      subjectType: 'vendor',
      subjectId: vendor.id,
      kind: 'paid',
      summary: `Paid ${vendor.name} ${request.amount.toFixed(2)} ${currency}${campaign ? ` for ${campaign.name}` : ''}`,
      data: { paymentId: payment.id, approvalId: ctx.approvalId, campaignId: campaign?.id ?? null },
    });
    return { payment_id: payment.id, vendor_id: vendor.id, amount: money(Number(payment.amount)), currency, paid_at: payment.paidAt.toISOString() };
  },
});

/** The parties of a payment and what it is weighed against, as the preview and the facts show them. */
async function paymentContext(ctx: ToolContext, request: PaymentRequest) {
  const { vendor, campaign, currency } = await resolvePaymentParties(ctx, request);
  const { placementPrice, paidSoFar } = await priceAndPaidSoFar(ctx, vendor.id, campaign?.id ?? null, currency);
  return { vendor, campaign, currency, placementPrice, paidSoFar };
}

function formatAmount(value: number, currency: string): string {
  return `${money(value).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}
