import { z } from 'zod';
import { endOfDayIn, money, parseDay, startOfDayIn } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../registry/pagination.ts';
import { requireCampaign, requireVendor } from '../campaigns/records/lookups.ts';
import { converterFor, requireCreator, requireCreatorCampaign } from '../creators/campaigns/campaign-common.ts';
import { dayInput } from '../creators/campaigns/campaign-inputs.ts';

const row = z.object({
  id: z.string(),
  payee_kind: z.enum(['vendor', 'creator']),
  payee_id: z.string().describe('vendor_id or creator_id.'),
  payee_name: z.string(),
  paid_for: z.object({ kind: z.enum(['playlist_campaign', 'creator_campaign']), id: z.string(), name: z.string() }).nullable().describe('The campaign the payment was for.'),
  amount: z.number().describe('In currency.'),
  currency: z.string(),
  amount_base: z.number().nullable().describe('In the organisation base currency at the payment date; null when no exchange rate converts it.'),
  reference: z.string().nullable(),
  paid_at: z.string(),
  approval_id: z.string().describe('The approved pay_vendor or pay_creator request that made the payment.'),
});

export const listPayments = defineTool({
  name: 'list_payments',
  title: 'List payments',
  keywords: ['ledger', 'all payments', 'what did we pay', 'creator payments', 'vendor payments', 'paid out', 'spend to date'],
  description:
    'One ledger of every payment made, playlist vendors (pay_vendor) and creators (pay_creator) together, newest first: date, payee kind and name, what it was for (a playlist campaign or a creator campaign), amount and currency, the amount in the base currency at the payment date, reference, approval id. Totals per currency and in the base currency over every matching payment. Filter by payee kind, paid dates (from/to, inclusive, the organisation\'s days), vendor, creator, playlist campaign or creator campaign.',
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  input: z.object({
    payee: z.enum(['vendor', 'creator']).optional().describe('Only vendor or only creator payments.'),
    from: dayInput.optional().describe('Paid on or after this day (YYYY-MM-DD).'),
    to: dayInput.optional().describe('Paid on or before this day (YYYY-MM-DD).'),
    vendor_id: z.string().uuid().optional().describe('Only payments to this vendor.'),
    creator_id: z.string().uuid().optional().describe('Only payments to this creator.'),
    campaign_id: z.string().uuid().optional().describe('Only payments for this playlist campaign.'),
    creator_campaign_id: z.string().uuid().optional().describe('Only payments for this creator campaign.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(row),
    totals: z.array(z.object({ currency: z.string(), amount: z.number(), payments: z.number() })).describe('Per currency, over all matching payments, not only this page.'),
    total_base: z.object({ amount: z.number(), currency: z.string(), unconverted_payments: z.number().describe('Payments left out for want of an exchange rate.') }),
    next_cursor: nextCursorOutput,
  }),
  example: { payee: 'creator', from: '2026-11-01', to: '2026-11-30' },
  async handler(ctx, input) {
    // Ids first: one of another organisation answers not_found whatever else the input says.
    if (input.vendor_id) await requireVendor(ctx.db, input.vendor_id);
    if (input.campaign_id) await requireCampaign(ctx.db, input.campaign_id);
    if (input.creator_id) await requireCreator(ctx, input.creator_id);
    if (input.creator_campaign_id) await requireCreatorCampaign(ctx, input.creator_campaign_id);
    const vendorSide = input.vendor_id !== undefined || input.campaign_id !== undefined;
    const creatorSide = input.creator_id !== undefined || input.creator_campaign_id !== undefined;
    if (vendorSide && creatorSide) throw invalidInput(input.vendor_id ? 'vendor_id' : 'campaign_id', 'vendor filters and creator filters cannot be combined: a payment goes to a vendor or to a creator');
    if (vendorSide && input.payee === 'creator') throw invalidInput('payee', 'vendor_id and campaign_id filter vendor payments; drop payee or set it to vendor');
    if (creatorSide && input.payee === 'vendor') throw invalidInput('payee', 'creator_id and creator_campaign_id filter creator payments; drop payee or set it to creator');
    if (input.from && input.to && input.to < input.from) throw invalidInput('to', `${input.to} is before from ${input.from}`);

    const tz = ctx.org.timeZone;
    const paidAt = {
      ...(input.from ? { gte: startOfDayIn(parseDay(input.from, 'from'), tz) } : {}),
      ...(input.to ? { lt: endOfDayIn(parseDay(input.to, 'to'), tz) } : {}),
    };
    const withVendors = input.payee !== 'creator' && !creatorSide;
    const withCreators = input.payee !== 'vendor' && !vendorSide;
    const vendorWhere = { paidAt, ...(input.vendor_id ? { vendorId: input.vendor_id } : {}), ...(input.campaign_id ? { campaignGroupId: input.campaign_id } : {}) };
    const creatorWhere = { paidAt, ...(input.creator_id ? { creatorId: input.creator_id } : {}), ...(input.creator_campaign_id ? { assignment: { campaignId: input.creator_campaign_id } } : {}) };
    // Both ledgers page by time-ordered id, newest first: the same cursor cuts both.
    const query = pageQuery(input);
    const [vendorRows, creatorRows, vendorAll, creatorAll] = await Promise.all([
      withVendors
        ? ctx.db.vendorPayment.findMany({ where: { ...vendorWhere, ...query.idAfter }, include: { vendor: { select: { name: true } }, campaignGroup: { select: { name: true } } }, take: query.take, orderBy: query.orderBy })
        : [],
      withCreators
        ? ctx.db.creatorPayment.findMany({
          where: { ...creatorWhere, ...query.idAfter },
          include: { creator: { select: { handle: true, contact: { select: { name: true } } } }, assignment: { select: { campaignId: true, campaign: { select: { name: true } } } } },
          take: query.take,
          orderBy: query.orderBy,
        })
        : [],
      withVendors ? ctx.db.vendorPayment.findMany({ where: vendorWhere, select: { amount: true, currency: true, paidAt: true } }) : [],
      withCreators ? ctx.db.creatorPayment.findMany({ where: creatorWhere, select: { amount: true, currency: true, paidAt: true } }) : [],
    ]);
    const all = [...vendorAll, ...creatorAll];
    const merged = [
      ...vendorRows.map((payment) => ({
        id: payment.id, payee_kind: 'vendor' as const, payee_id: payment.vendorId, payee_name: payment.vendor.name,
        paid_for: payment.campaignGroupId && payment.campaignGroup ? { kind: 'playlist_campaign' as const, id: payment.campaignGroupId, name: payment.campaignGroup.name } : null,
        amount: Number(payment.amount), currency: payment.currency, reference: payment.reference, paidAt: payment.paidAt, approval_id: payment.approvalRequestId,
      })),
      ...creatorRows.map((payment) => ({
        id: payment.id, payee_kind: 'creator' as const, payee_id: payment.creatorId, payee_name: `${payment.creator.contact.name} (@${payment.creator.handle})`,
        paid_for: { kind: 'creator_campaign' as const, id: payment.assignment.campaignId, name: payment.assignment.campaign.name },
        amount: Number(payment.amount), currency: payment.currency, reference: payment.reference, paidAt: payment.paidAt, approval_id: payment.approvalRequestId,
      })),
    ].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const page = toPage(merged.slice(0, query.take), input.limit);
    const converter = await converterFor(ctx, [...all, ...page.rows].map((payment) => ({ currency: payment.currency, at: payment.paidAt })));
    const base = ctx.org.baseCurrency;

    const totals = new Map<string, { amount: number; payments: number }>();
    let baseTotal = 0;
    let unconverted = 0;
    for (const payment of all) {
      const amount = Number(payment.amount);
      const total = totals.get(payment.currency) ?? { amount: 0, payments: 0 };
      total.amount += amount;
      total.payments += 1;
      totals.set(payment.currency, total);
      const converted = converter.convert(amount, payment.currency, base, payment.paidAt);
      if (converted === null) unconverted += 1;
      else baseTotal += converted;
    }
    return {
      rows: page.rows.map(({ paidAt: at, ...payment }) => {
        const converted = converter.convert(payment.amount, payment.currency, base, at);
        return { ...payment, amount: money(payment.amount), amount_base: converted === null ? null : money(converted), paid_at: at.toISOString() };
      }),
      totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, total]) => ({ currency, amount: money(total.amount), payments: total.payments })),
      total_base: { amount: money(baseTotal), currency: base, unconverted_payments: unconverted },
      next_cursor: page.nextCursor,
    };
  },
});
