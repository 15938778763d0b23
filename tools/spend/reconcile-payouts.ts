import { z } from 'zod';
import { isoDay, money, parseDay } from '../common/format.ts';
import { baseCurrencyConverter, type ToBase } from '../money/fx.ts';
import { defineTool } from '../registry/define-tool.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';
import { streamRatesInBase } from './earnings/stream-rates.ts';
import { artistName, period, platformName } from './inputs.ts';
import { payoutsWithStreams, type PayoutWithStreams } from './reconciliation/payout-streams.ts';
import { byLargestGap, payoutGap, percent, totalGap, type Gap } from './reconciliation/reconciliation-math.ts';

const DAY_MS = 86_400_000;

const gapFields = {
  estimated: z.number().describe('Estimated earnings (streams x per-stream rate) over the payout period, in `currency`.'),
  actual: z.number().describe('What the platform paid, in `currency`.'),
  difference: z.number().describe('actual - estimated, in `currency`: negative means paid less than expected.'),
  variance_percent: z.number().nullable().describe('difference / estimated x 100; null when estimated is 0.'),
  currency: z.string().describe('Base currency of estimated, actual and difference.'),
};

const row = z.object({
  payout_id: z.string(),
  artist: z.string(),
  platform: z.string(),
  period_start: z.string(),
  period_end: z.string(),
  streams: z.number().describe('Streams of this artist and platform from period_start to period_end.'),
  ...gapFields,
  paid_amount: z.number().describe('The payout as stated, in paid_currency.'),
  paid_currency: z.string(),
  period_days: z.int(),
  stream_days: z.int().describe('Days of the period with stream data.'),
  note: z.string().nullable().describe('Set when stream data does not cover the whole period, so the estimate is partial.'),
});

interface Reconciled {
  payout: PayoutWithStreams;
  gap: Gap;
}

export const reconcilePayouts = defineTool({
  name: 'reconcile_payouts',
  title: 'Reconcile payouts with estimated earnings',
  description: 'Compares what platforms paid per artist, platform and statement period with the estimated earnings of that period: difference and % variance, largest gaps first. Base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    period: period.describe('Payouts whose statement period overlaps these days (inclusive) are reconciled, each over its full statement period.'),
    artist: artistName.optional().describe('Only this artist (case-insensitive).'),
    platform: platformName.optional().describe('Only this platform, e.g. spotify.'),
    limit: z.int().min(1).max(500).default(100).describe('Rows to list (totals always cover every payout).'),
  }),
  output: z.object({
    period: z.object({ from: z.string(), to: z.string() }),
    rows: z.array(row),
    rows_not_shown: z.int().min(0),
    totals: z.object({ payouts: z.int(), streams: z.number(), ...gapFields }),
  }),
  example: { period: { from: '2026-09-01', to: '2026-09-30' } },
  async handler(ctx, input) {
    const from = parseDay(input.period.from, 'period.from');
    const to = parseDay(input.period.to, 'period.to');
    const payouts = await payoutsWithStreams(ctx.db, ctx.orgId, { from, to, artist: input.artist, platform: input.platform });
    const pricing = new PeriodPricing(ctx.db, ctx.org.baseCurrency);
    const reconciled: Reconciled[] = [];
    for (const payout of payouts) {
      const { toBase, rates } = await pricing.at(payout.periodEnd, payouts);
      const estimated = payout.streams === 0 ? 0 : payout.streams * rates.get(payout.platform)!;
      reconciled.push({ payout, gap: payoutGap(estimated, toBase(payout.amount, payout.currency)) });
    }
    const currency = ctx.org.baseCurrency;
    const total = totalGap(reconciled.map((entry) => entry.gap));
    return {
      period: { from: isoDay(from), to: isoDay(to) },
      rows: byLargestGap(reconciled).slice(0, input.limit).map(({ payout, gap }) => {
        const periodDays = Math.round((payout.periodEnd.getTime() - payout.periodStart.getTime()) / DAY_MS) + 1;
        return {
          payout_id: payout.id,
          artist: payout.artist,
          platform: payout.platform,
          period_start: isoDay(payout.periodStart),
          period_end: isoDay(payout.periodEnd),
          streams: payout.streams,
          ...viewGap(gap, currency),
          paid_amount: money(payout.amount),
          paid_currency: payout.currency,
          period_days: periodDays,
          stream_days: payout.streamDays,
          note: coverageNote(payout.streamDays, periodDays),
        };
      }),
      rows_not_shown: Math.max(0, reconciled.length - input.limit),
      totals: { payouts: reconciled.length, streams: payouts.reduce((sum, payout) => sum + payout.streams, 0), ...viewGap(total, currency) },
    };
  },
});

function viewGap(gap: Gap, currency: string) {
  return { estimated: money(gap.estimated), actual: money(gap.actual), difference: money(gap.difference), variance_percent: percent(gap.variancePercent), currency };
}

function coverageNote(streamDays: number, periodDays: number): string | null {
  if (streamDays === 0) return 'No stream data for this artist and platform in the period: nothing could be estimated.';
  if (streamDays < periodDays) return `Stream data covers ${streamDays} of the period's ${periodDays} days: the estimate counts only those days.`;
  return null;
}

/**
 * FX and per-stream rates as of each statement's last day, loaded once per distinct period end
 * (statements are usually monthly, so a handful). Rates are needed only for platforms with
 * streams in periods ending that day, so a platform without streams needs no rate.
 */
class PeriodPricing {
  private readonly byEnd = new Map<string, Promise<{ toBase: ToBase; rates: Map<string, number> }>>();

  constructor(private readonly db: ToolDb, private readonly baseCurrency: string) {}

  at(periodEnd: Date, payouts: readonly PayoutWithStreams[]) {
    const key = isoDay(periodEnd);
    let pricing = this.byEnd.get(key);
    if (!pricing) {
      const ending = payouts.filter((payout) => isoDay(payout.periodEnd) === key);
      pricing = (async () => ({
        toBase: await baseCurrencyConverter(this.db, this.baseCurrency, ending.map((payout) => payout.currency), periodEnd),
        rates: await streamRatesInBase(this.db, this.baseCurrency, ending.filter((payout) => payout.streams > 0).map((payout) => payout.platform), periodEnd),
      }))();
      this.byEnd.set(key, pricing);
    }
    return pricing;
  }
}
