import { z } from 'zod';
import { isoDate, isoDay, money, rate } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';
import { conversionsByDay, spendByDay, streamsByDay, type DayRange, type InsightsOrg } from './series/by-day.ts';
import { DEFAULT_DAYS, GRANULARITIES, MAX_DAYS, daysOf, periodsOf, resolveRange } from './timeline/periods.ts';

const figures = {
  spend: z.number().describe('Marketing spend in `currency`, each day converted at that day\'s exchange rate.'),
  streams: z.int().describe('Streams from the daily stream stats, all artists, tracks and platforms.'),
  revenue: z.number().describe('Conversion revenue in `currency` (exchange rate at each conversion), counted on the conversion\'s local calendar day.'),
  conversions: z.int().min(0).describe('Number of conversions, counted on their local calendar day.'),
  roas: z.number().nullable().describe('revenue / spend (4 places; blended, not attributed to channels); null when spend is 0.'),
};

interface Totals {
  spend: number;
  streams: number;
  revenue: number;
  conversions: number;
}

const ZERO: Totals = { spend: 0, streams: 0, revenue: 0, conversions: 0 };

export const performanceTimeline = defineTool({
  name: 'performance_timeline',
  title: 'Performance timeline',
  description: 'Spend, streams, conversion revenue, conversions and blended ROAS per day, week or month over a date range, every period listed. Use it for trends and charts over time; for one day in detail use daily_digest, for revenue credited to channels use roas_summary.',
  area: 'insights',
  access: 'read',
  permission: 'insights:read',
  input: z.object({
    from: isoDate.optional().describe(`First day (YYYY-MM-DD, inclusive, organisation time zone). Default: ${DEFAULT_DAYS - 1} days before \`to\`.`),
    to: isoDate.optional().describe('Last day (inclusive). Default: yesterday in the organisation time zone.'),
    granularity: z.enum(GRANULARITIES).default('day').describe('Period length: day (default), week (Monday-Sunday) or month (calendar month).'),
  }),
  output: z.object({
    from: z.string().describe('First day of the range (YYYY-MM-DD).'),
    to: z.string().describe('Last day of the range (inclusive).'),
    granularity: z.enum(GRANULARITIES),
    currency: z.string().describe('The organisation base currency, for spend and revenue.'),
    periods: z.array(z.object({
      start: z.string().describe('First day of the period; the range start when it cuts into a week or month.'),
      end: z.string().describe('Last day of the period (inclusive); the range end when it cuts into a week or month.'),
      ...figures,
    })).describe('Every period of the range, oldest first, including empty ones (zeros, roas null).'),
    totals: z.object(figures).describe('The whole range; roas from the unrounded sums.'),
  }),
  example: { from: '2026-09-01', to: '2026-11-30', granularity: 'week' },
  async handler(ctx, input) {
    const range = resolveRange(input, ctx.org.timeZone, ctx.now());
    const byDay = await figuresByDay(ctx.db, ctx.org, range);
    const periods = periodsOf(range, input.granularity).map((period) => ({ period, totals: sum(daysOf(period).map((day) => byDay.get(day) ?? ZERO)) }));
    return {
      from: isoDay(range.from),
      to: isoDay(range.to),
      granularity: input.granularity,
      currency: ctx.org.baseCurrency,
      periods: periods.map(({ period, totals }) => ({ start: isoDay(period.from), end: isoDay(period.to), ...present(totals) })),
      totals: present(sum(periods.map(({ totals }) => totals))),
    };
  },
});

async function figuresByDay(db: ToolDb, org: InsightsOrg, range: DayRange): Promise<Map<string, Totals>> {
  const [streams, spend, conversions] = await Promise.all([streamsByDay(db, org, range), spendByDay(db, org, range), conversionsByDay(db, org, range)]);
  const byDay = new Map<string, Totals>();
  const entry = (day: string) => {
    let totals = byDay.get(day);
    if (!totals) byDay.set(day, (totals = { ...ZERO }));
    return totals;
  };
  for (const row of streams) entry(row.day).streams += row.streams;
  for (const row of spend) entry(row.day).spend += row.spend;
  for (const row of conversions) {
    entry(row.day).revenue += row.revenue;
    entry(row.day).conversions += row.conversions;
  }
  return byDay;
}

function sum(rows: Totals[]): Totals {
  return rows.reduce((total, row) => ({
    spend: total.spend + row.spend, streams: total.streams + row.streams, revenue: total.revenue + row.revenue, conversions: total.conversions + row.conversions,
  }), ZERO);
}

function present(totals: Totals) {
  return {
    spend: money(totals.spend),
    streams: Math.round(totals.streams),
    revenue: money(totals.revenue),
    conversions: totals.conversions,
    // Spend that nets to a float crumb (a refund cancelling a charge) shows as 0.00: no ratio then either.
    roas: money(totals.spend) === 0 ? null : rate(totals.revenue / totals.spend),
  };
}
