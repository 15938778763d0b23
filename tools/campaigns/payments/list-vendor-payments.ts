import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { money } from '../../common/format.ts';
import { EXAMPLE_ID, idInput } from '../records/inputs.ts';
import { requireCampaign, requireVendor } from '../records/lookups.ts';

const row = z.object({
  id: z.string(),
  vendor_id: z.string(),
  vendor_name: z.string(),
  campaign_id: z.string().nullable(),
  campaign_name: z.string().nullable(),
  amount: z.number().describe('In currency.'),
  currency: z.string(),
  reference: z.string().nullable(),
  paid_at: z.string(),
  approval_id: z.string().describe('The approved pay_vendor request that made the payment.'),
});

export const listVendorPayments = defineTool({
  name: 'list_vendor_payments',
  title: 'List vendor payments',
  keywords: ['paid', 'how much have we paid', 'paid so far', 'payments made', 'to whom'],
  description:
    'Payments made to playlist vendors (each through an approved pay_vendor request), newest first: vendor, campaign, amount and currency, reference, when paid, approval id; plus totals per currency over every matching payment. Filter by vendor or campaign. Pending requests are in list_approvals.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    vendor_id: idInput.optional().describe('Only payments to this vendor (list_vendors).'),
    campaign_id: idInput.optional().describe('Only payments for this campaign (list_campaigns).'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(row),
    totals: z.array(z.object({ currency: z.string(), amount: z.number(), payments: z.number() })).describe('Over all matching payments, not only this page.'),
    next_cursor: nextCursorOutput,
  }),
  example: { vendor_id: EXAMPLE_ID, campaign_id: EXAMPLE_ID },
  async handler(ctx, input) {
    if (input.vendor_id) await requireVendor(ctx.db, input.vendor_id);
    if (input.campaign_id) await requireCampaign(ctx.db, input.campaign_id);
    const where = {
      ...(input.vendor_id ? { vendorId: input.vendor_id } : {}),
      ...(input.campaign_id ? { campaignGroupId: input.campaign_id } : {}),
    };
    const query = pageQuery(input);
    const [payments, totals] = await Promise.all([
      ctx.db.vendorPayment.findMany({
        where: { ...where, ...query.idAfter },
        include: { vendor: { select: { name: true } }, campaignGroup: { select: { name: true } } },
        take: query.take,
        orderBy: query.orderBy,
      }),
      ctx.db.vendorPayment.groupBy({ by: ['currency'], where, _sum: { amount: true }, _count: { _all: true }, orderBy: { currency: 'asc' } }),
    ]);
    const page = toPage(payments, input.limit);
    return {
      rows: page.rows.map((payment) => ({
        id: payment.id,
        vendor_id: payment.vendorId,
        vendor_name: payment.vendor.name,
        campaign_id: payment.campaignGroupId,
        campaign_name: payment.campaignGroup?.name ?? null,
        amount: money(Number(payment.amount)),
        currency: payment.currency,
        reference: payment.reference,
        paid_at: payment.paidAt.toISOString(),
        approval_id: payment.approvalRequestId,
      })),
      totals: totals.map((total) => ({ currency: total.currency, amount: money(Number(total._sum.amount ?? 0)), payments: total._count._all })),
      next_cursor: page.nextCursor,
    };
  },
});
