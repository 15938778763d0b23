import { z } from 'zod';
import { isoDate, isoDay, parseDay } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { currencyCode } from './currency.ts';

export const setFxRate = defineTool({
  name: 'set_fx_rate',
  title: 'Set an exchange rate',
  description:
    'Records an exchange rate (how many units of quote one unit of base buys) from a date on; amounts convert at the latest rate on or before their date. Setting the same pair and date again replaces it.',
  area: 'attribution',
  access: 'write',
  permission: 'attribution:write',
  input: z.object({
    date: isoDate.describe('First day the rate applies (YYYY-MM-DD).'),
    base: currencyCode.describe('The currency being priced, e.g. EUR.'),
    quote: currencyCode.describe('The currency it is priced in, e.g. USD.'),
    rate: z.number().min(1e-10, 'must be at least 0.0000000001 (rates are stored with 10 decimals)').max(1e9).describe('Units of quote per one unit of base.'),
  }),
  output: z.object({
    date: z.string(),
    base: z.string(),
    quote: z.string(),
    rate: z.number(),
    replaced: z.number().nullable().describe('The rate this one replaced for the same pair and date, if any.'),
  }),
  hints: { idempotent: true },
  example: { date: '2026-10-01', base: 'EUR', quote: 'USD', rate: 1.08 },
  async handler(ctx, input) {
    if (input.base === input.quote) throw invalidInput('quote', `must differ from base (${input.base})`);
    const date = parseDay(input.date, 'date');
    const key = { organizationId_base_quote_date: { organizationId: ctx.orgId, base: input.base, quote: input.quote, date } };
    const previous = await ctx.db.fxRate.findUnique({ where: key });
    const stored = await ctx.db.fxRate.upsert({
      where: key,
      create: { organizationId: ctx.orgId, date, base: input.base, quote: input.quote, rate: input.rate },
      update: { rate: input.rate },
    });
    return { date: isoDay(stored.date), base: stored.base, quote: stored.quote, rate: Number(stored.rate), replaced: previous ? Number(previous.rate) : null };
  },
});
