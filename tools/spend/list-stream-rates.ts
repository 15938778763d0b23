import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';

export const listStreamRates = defineTool({
  name: 'list_stream_rates',
  title: 'List per-stream rates',
  description: 'The per-stream rate set for each platform (in its own currency), as used by estimated_earnings, reconcile_payouts, weekly_artist_stats and campaign_lift.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({}),
  output: z.object({ rates: z.array(z.object({ platform: z.string(), rate_per_stream: z.number(), currency: z.string() })) }),
  example: {},
  async handler(ctx) {
    const rates = await ctx.db.streamRate.findMany({ orderBy: { platform: 'asc' } });
    return { rates: rates.map((rate) => ({ platform: rate.platform, rate_per_stream: Number(rate.ratePerStream), currency: rate.currency })) };
  },
});
