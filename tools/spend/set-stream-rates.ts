import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { currencyCode, platformName } from './inputs.ts';


const rateView = z.object({
  platform: z.string(),
  rate_per_stream: z.number().describe('Expected earnings of one stream, in `currency`.'),
  currency: z.string(),
});

/** Upserts per-stream rates; the previous value is returned so a mistaken change can be undone. */
export const setStreamRates = defineTool({
  name: 'set_stream_rates',
  title: 'Set per-stream rates',
  description:
    'Sets what one stream earns on each platform (e.g. spotify 0.0035 USD), replacing earlier rates; estimated earnings, payout reconciliation, weekly stats and lift use them.',
  area: 'attribution',
  access: 'write',
  permission: 'attribution:write',
  hints: { idempotent: true, destructive: true },
  input: z.object({
    rates: z
      .array(
        z.object({
          platform: platformName.describe('Platform such as spotify, apple_music, youtube.'),
          rate_per_stream: z
            .number()
            .positive()
            .max(1_000_000)
            // String(3.5e-7) is exponent notation, so the digits are checked on the scaled value.
            .refine((value) => Math.abs(Math.round(value * 1e8) - value * 1e8) < 1e-6, 'use at most 8 decimal places')
            .describe('Earnings of one stream (> 0, up to 8 decimals) in `currency`.'),
          currency: currencyCode.describe('ISO code of the rate, e.g. USD.'),
        }),
      )
      .min(1)
      .max(100)
      .describe('One entry per platform.'),
  }),
  output: z.object({ rates: z.array(rateView.extend({ previous: rateView.omit({ platform: true }).nullable().describe('The rate it replaced; null if new.') })) }),
  example: { rates: [{ platform: 'spotify', rate_per_stream: 0.0035, currency: 'USD' }] },
  async handler(ctx, input) {
    input.rates.forEach((rate, index) => {
      const first = input.rates.findIndex((other) => other.platform === rate.platform);
      if (first !== index) throw invalidInput(`rates[${index}].platform`, `${rate.platform} is already given at rates[${first}]`);
    });
    const stored = [];
    for (const rate of input.rates) {
      const previous = await ctx.db.streamRate.findFirst({ where: { platform: rate.platform } });
      const data = { ratePerStream: rate.rate_per_stream.toFixed(8), currency: rate.currency };
      if (previous) await ctx.db.streamRate.update({ where: { id: previous.id }, data });
      else await ctx.db.streamRate.create({ data: { ...data, organizationId: ctx.orgId, platform: rate.platform } });
      stored.push({
        ...rate,
        previous: previous ? { rate_per_stream: Number(previous.ratePerStream), currency: previous.currency } : null,
      });
    }
    return { rates: stored };
  },
});
