import { z } from 'zod';
import { isoDay, money, parseDay } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { estimateEarnings } from './earnings/estimate-earnings.ts';
import { artistName, period, platformName } from './inputs.ts';
import { perStreamRate } from './output-format.ts';

const row = z.object({
  artist: z.string(),
  platform: z.string(),
  streams: z.number(),
  rate_per_stream: z.number().describe('Per-stream rate in `currency` (base currency), 8 decimals.'),
  amount: z.number().describe('streams x rate_per_stream, in `currency`, rounded to cents.'),
  currency: z.string(),
});

export const estimatedEarnings = defineTool({
  name: 'estimated_earnings',
  title: 'Estimated streaming earnings',
  description:
    'Estimated streaming earnings (streams x each platform\'s per-stream rate) per artist and platform over a period, largest first, with totals. Base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    period: period.describe('Days to cover, inclusive.'),
    artist: artistName.optional().describe('Only this artist (case-insensitive).'),
    platform: platformName.optional().describe('Only this platform, e.g. spotify.'),
    limit: z.int().min(1).max(500).default(100).describe('Rows to list (totals always cover every row).'),
  }),
  output: z.object({
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string().describe('Base currency of every amount.'),
    rows: z.array(row),
    rows_not_shown: z.int().min(0),
    totals: z.object({ streams: z.number(), amount: z.number(), currency: z.string() }),
  }),
  example: { period: { from: '2026-10-01', to: '2026-10-31' } },
  async handler(ctx, input) {
    const from = parseDay(input.period.from, 'period.from');
    const to = parseDay(input.period.to, 'period.to');
    const estimates = await estimateEarnings(ctx.db, { id: ctx.orgId, baseCurrency: ctx.org.baseCurrency }, { from, to, artist: input.artist, platform: input.platform });
    estimates.sort((a, b) => b.amount - a.amount || a.artist.localeCompare(b.artist) || a.platform.localeCompare(b.platform));
    const currency = ctx.org.baseCurrency;
    return {
      period: { from: isoDay(from), to: isoDay(to) },
      currency,
      rows: estimates.slice(0, input.limit).map((estimate) => ({
        artist: estimate.artist,
        platform: estimate.platform,
        streams: estimate.streams,
        rate_per_stream: perStreamRate(estimate.ratePerStream),
        amount: money(estimate.amount),
        currency,
      })),
      rows_not_shown: Math.max(0, estimates.length - input.limit),
      totals: {
        streams: estimates.reduce((sum, estimate) => sum + estimate.streams, 0),
        amount: money(estimates.reduce((sum, estimate) => sum + estimate.amount, 0)),
        currency,
      },
    };
  },
});
