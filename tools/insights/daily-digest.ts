import { z } from 'zod';
import { isoDate, isoDay, money, parseDay, rate, todayIn } from '../common/format.ts';
import { loadCampaignTotals, toStreamsFigures } from '../campaigns/records/campaign-totals.ts';
import { UNDER_DELIVERY_THRESHOLD } from '../campaigns/delivery/delivery-math.ts';
import { vendorPerformance } from '../campaigns/performance/vendor-performance.ts';
import type { ToolContext } from '../registry/context.ts';
import { defineTool } from '../registry/define-tool.ts';
import { percentChange } from '../spend/output-format.ts';
import { ANOMALY_RULE, findAnomalies } from './digest/anomalies.ts';
import { byOffset, dayBefore, loadDigestSeries, totalOn } from './digest/daily-series.ts';
import { overdueTasksByAssignee, overdueTasksOutput } from './digest/overdue-tasks.ts';

const TOP_CAMPAIGNS = 5;
const CHART_DAYS = 14;
const MS_PER_DAY = 86_400_000;

const metric = z.object({
  metric: z.enum(['streams', 'spend', 'revenue', 'conversions']),
  unit: z.string().describe('streams, conversions, or the base currency.'),
  value: z.number().describe('On `date`.'),
  previous_day: z.number(),
  change_vs_previous_day_percent: z.number().nullable().describe('% of the previous day; null when it was 0.'),
  same_weekday_last_week: z.number(),
  change_vs_last_week_percent: z.number().nullable().describe('% of the same weekday a week earlier; null when it was 0.'),
});

export const dailyDigestOutput = z.object({
  date: z.string().describe('The day summarised (local calendar day).'),
  previous_day: z.string(),
  same_weekday_last_week: z.string(),
  currency: z.string(),
  metrics: z.array(metric).describe('Streams (StreamStat), marketing spend, conversion revenue (base currency) and conversions.'),
  daily: z.array(z.object({ date: z.string(), streams: z.number(), spend: z.number() })).describe(`The last ${CHART_DAYS} days up to date, oldest first.`),
  top_campaigns: z.array(z.object({
    campaign_id: z.string(), name: z.string(),
    streams_7d: z.number().describe('Last-7-days streams on the vendors\' playlists (equals vendor_streams_7d; list_campaigns\' streams_7d is the songs\' own plays, real_streams_7d here).'),
    vendor_streams_7d: z.number().describe('The same figure under list_campaigns\' name for it.'),
    real_streams_7d: z.number().describe('The songs\' own last-7-days plays (every source), each song once: list_campaigns\' streams_7d.'),
    delivered: z.number(), goal: z.number(), progress: z.number().nullable(),
  }))
    .describe(`Active playlist campaigns with the most last-7-days streams on vendor playlists (latest scrape on or before date); at most ${TOP_CAMPAIGNS}.`),
  under_delivering_vendors: z.array(z.object({
    vendor_id: z.string(), vendor_name: z.string(), delivery_rate: z.number(), delivered_streams: z.number(), promised_streams: z.number(),
    real_cost_per_1k: z.number().nullable(), promised_cost_per_1k: z.number(),
    promised_cost_currency: z.string().describe("The base currency; the vendor's own when there is no exchange rate for it (see note)."),
    note: z.string().nullable().describe("vendor_performance's note: what of this row is not converted (no exchange rate) and how to fix it."),
  })).describe(`Active vendors whose delivery rate (vendor_performance) is below ${UNDER_DELIVERY_THRESHOLD}; worst first.`),
  anomalies: z.array(z.object({
    metric: z.enum(['streams', 'spend']), dimension: z.enum(['artist', 'channel']), key: z.string(),
    value: z.number(), mean: z.number(), sd: z.number(), direction: z.enum(['above', 'below']),
  })),
  anomaly_rule: z.string(),
  notes: z.array(z.string()).describe('Money left out of the spend and revenue figures because no exchange rate converts it (currency, amount, days), with what to do; empty when nothing was.'),
  pending_approvals: z.object({
    count: z.int().min(0),
    oldest: z.object({ approval_id: z.string(), action: z.string(), preview: z.string(), requested_at: z.string(), age_days: z.int().min(0) }).nullable(),
  }),
  overdue_tasks: overdueTasksOutput.describe('Open CRM tasks past due now, per assignee (each assignee\'s part of the digest).'),
});
export type DailyDigest = z.infer<typeof dailyDigestOutput>;

export const dailyDigest = defineTool({
  name: 'daily_digest',
  title: 'Daily digest',
  description:
    'One day at a glance (default yesterday): streams, spend, revenue and conversions against the day before and a week earlier, top campaigns, under-delivering vendors, anomalies, pending approvals and overdue CRM tasks per assignee. Use it for "how did yesterday go"; base currency.',
  area: 'insights',
  access: 'read',
  permission: 'insights:read',
  input: z.object({ date: isoDate.optional().describe('The day to summarise (YYYY-MM-DD); default yesterday in the organisation time zone.') }),
  output: dailyDigestOutput,
  example: { date: '2026-11-19' },
  async handler(ctx, input) {
    const day = input.date ? parseDay(input.date) : dayBefore(todayIn(ctx.org.timeZone, ctx.now()));
    const [previous, lastWeek] = [dayBefore(day), dayBefore(day, 7)];
    const series = await loadDigestSeries(ctx.db, ctx.org, day);
    const compare = (name: z.infer<typeof metric>['metric'], unit: string, valueOn: (day: string) => number, round: (value: number) => number) => {
      const [value, before, weekAgo] = [day, previous, lastWeek].map((when) => valueOn(isoDay(when))) as [number, number, number];
      return {
        metric: name, unit, value: round(value), previous_day: round(before), change_vs_previous_day_percent: percentChange(value, before),
        same_weekday_last_week: round(weekAgo), change_vs_last_week_percent: percentChange(value, weekAgo),
      };
    };
    const currency = ctx.org.baseCurrency;
    const whole = (value: number) => Math.round(value);
    const anomalies = [
      ...findAnomalies(byOffset(series.streams, day)).map((found) => ({ metric: 'streams' as const, dimension: 'artist' as const, ...found, value: whole(found.value), mean: whole(found.mean), sd: whole(found.sd) })),
      ...findAnomalies(byOffset(series.spend, day)).map((found) => ({ metric: 'spend' as const, dimension: 'channel' as const, ...found, value: money(found.value), mean: money(found.mean), sd: money(found.sd) })),
    ];
    return {
      date: isoDay(day),
      previous_day: isoDay(previous),
      same_weekday_last_week: isoDay(lastWeek),
      currency,
      metrics: [
        compare('streams', 'streams', (when) => totalOn(series.streams, when), whole),
        compare('spend', currency, (when) => totalOn(series.spend, when), money),
        compare('revenue', currency, (when) => series.conversions.get(when)?.revenue ?? 0, money),
        compare('conversions', 'conversions', (when) => series.conversions.get(when)?.count ?? 0, whole),
      ],
      daily: Array.from({ length: CHART_DAYS }, (_, index) => isoDay(dayBefore(day, CHART_DAYS - 1 - index))).map((when) => ({
        date: when, streams: whole(totalOn(series.streams, when)), spend: money(totalOn(series.spend, when)),
      })),
      top_campaigns: await topCampaigns(ctx, day),
      under_delivering_vendors: await underDeliveringVendors(ctx, day),
      anomalies,
      notes: series.notes,
      anomaly_rule: `A day's streams (per artist) or spend (per channel) outside mean ± ${ANOMALY_RULE.deviations} sd of the previous ${ANOMALY_RULE.windowDays} days (missing days count as 0; at least ${ANOMALY_RULE.minimumDaysWithData} days with data).`,
      pending_approvals: await pendingApprovals(ctx),
      overdue_tasks: await overdueTasksByAssignee(ctx),
    };
  },
});

async function topCampaigns(ctx: ToolContext, day: Date): Promise<DailyDigest['top_campaigns']> {
  const campaigns = await ctx.db.campaignGroup.findMany({ where: { status: 'ACTIVE' }, select: { id: true, name: true } });
  const totals = await loadCampaignTotals(ctx, campaigns.map((campaign) => campaign.id), day);
  return campaigns
    .map((campaign) => {
      const figures = toStreamsFigures(totals.get(campaign.id)!);
      return { ...figures, campaign_id: campaign.id, name: campaign.name, streams_7d: figures.vendor_streams_7d, real_streams_7d: figures.streams_7d };
    })
    .filter((campaign) => campaign.streams_7d > 0)
    .sort((a, b) => b.streams_7d - a.streams_7d || a.name.localeCompare(b.name))
    .slice(0, TOP_CAMPAIGNS)
    .map(({ campaign_id, name, streams_7d, vendor_streams_7d, real_streams_7d, delivered, goal, progress }) => ({ campaign_id, name, streams_7d, vendor_streams_7d, real_streams_7d, delivered, goal, progress }));
}

/** vendor_performance's own figures (never recomputed here), filtered to those below the threshold. */
async function underDeliveringVendors(ctx: ToolContext, day: Date): Promise<DailyDigest['under_delivering_vendors']> {
  const scorecard = await vendorPerformance.handler(ctx, { as_of: isoDay(day), active_only: true });
  return scorecard.rows
    .filter((row) => row.placements_with_promise > 0 && row.delivery_rate !== null && row.delivery_rate < UNDER_DELIVERY_THRESHOLD)
    .sort((a, b) => a.delivery_rate! - b.delivery_rate!)
    .map((row) => ({
      vendor_id: row.vendor_id, vendor_name: row.vendor_name, delivery_rate: rate(row.delivery_rate)!, delivered_streams: row.delivered_streams,
      promised_streams: row.promised_streams, real_cost_per_1k: row.real_cost_per_1k, promised_cost_per_1k: row.promised_cost_per_1k,
      promised_cost_currency: row.promised_cost_currency, note: row.note,
    }));
}

async function pendingApprovals(ctx: ToolContext): Promise<DailyDigest['pending_approvals']> {
  const [count, oldest] = await Promise.all([
    ctx.db.approvalRequest.count({ where: { status: 'PENDING' } }),
    ctx.db.approvalRequest.findFirst({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    count,
    oldest: oldest && {
      approval_id: oldest.id, action: oldest.action, preview: oldest.preview, requested_at: oldest.createdAt.toISOString(),
      age_days: Math.max(0, Math.floor((ctx.now().getTime() - oldest.createdAt.getTime()) / MS_PER_DAY)),
    },
  };
}
