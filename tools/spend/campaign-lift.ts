import { z } from 'zod';
import { isoDate, isoDay, money, parseDay, todayIn } from '../common/format.ts';
import { baseCurrencyConverter } from '../money/fx.ts';
import { defineTool } from '../registry/define-tool.ts';
import { invalidInput } from '../registry/errors.ts';
import { knownStreamRatesInBase } from './earnings/stream-rates.ts';
import { artistName, currencyCode, moneyAmount, platformName } from './inputs.ts';
import { BASELINE_DAYS, measureLift, type LiftMeasure } from './lift/lift-math.ts';
import { liftStreams } from './lift/lift-streams.ts';
import { campaignSubject, trackSubject, type LiftCost } from './lift/lift-subject.ts';
import { perStreamRate } from './output-format.ts';

const DAY_MS = 86_400_000;
const streams = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const ratio = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

const platformRow = z.object({
  platform: z.string(),
  enough_baseline: z.boolean().describe(`false when the stream history does not cover the ${BASELINE_DAYS} days before start: no lift is given then.`),
  baseline_from: z.string(),
  baseline_to: z.string(),
  baseline_daily_streams: z.number().nullable().describe(`Mean daily streams over the ${BASELINE_DAYS} days before start.`),
  measured_through: z.string().nullable().describe('Last campaign day counted (the end, or the last day with stream data).'),
  campaign_days: z.int(),
  campaign_daily_streams: z.number().nullable().describe('Mean daily streams from start to measured_through.'),
  lift_daily_streams: z.number().nullable().describe('campaign_daily_streams - baseline_daily_streams.'),
  incremental_streams: z.number().nullable().describe('lift x campaign_days (rounded).'),
  rate_per_stream: z.number().nullable().describe('The platform rate in `currency`; null when none is set.'),
  incremental_revenue: z.number().nullable().describe('incremental_streams x rate_per_stream, in `currency`.'),
  currency: z.string(),
  note: z.string().nullable().describe('Why a figure is missing.'),
});

export const campaignLift = defineTool({
  name: 'campaign_lift',
  title: 'Campaign lift',
  description: 'Incremental streams, revenue, cost per incremental stream and ROI of a playlist campaign (campaign_id) or of an artist\'s track between dates, per platform, against the 28 days before it started. Use it to ask whether a campaign paid off; money in the base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    campaign_id: z.string().optional().describe('A playlist campaign (CampaignGroup): its placements\' tracks from its start date to its end date.'),
    artist: artistName.optional().describe('Without campaign_id: the artist (required with track_id).'),
    track_id: z.string().trim().min(1).max(200).optional().describe('Without campaign_id: the track id as in imported streams (e.g. a Spotify track id).'),
    start: isoDate.optional().describe('Without campaign_id: first campaign day, YYYY-MM-DD.'),
    end: isoDate.optional().describe('Without campaign_id: last campaign day (default: as_of).'),
    platform: platformName.optional().describe('Only this platform (default: every platform with streams of the tracks).'),
    cost: z.object({ amount: moneyAmount, currency: currencyCode }).optional().describe('Use this cost instead of the placements\' prices or the artist\'s spend.'),
    as_of: isoDate.optional().describe('Count streams up to this day. Default: yesterday in the organisation time zone (the last complete day).'),
  }),
  output: z.object({
    campaign_id: z.string().nullable(),
    campaign_name: z.string().nullable(),
    artist: z.string(),
    track_ids: z.array(z.string()),
    start: z.string(),
    end: z.string().describe('Last day wanted (campaign end, capped at as_of).'),
    currency: z.string(),
    platforms: z.array(platformRow),
    total: z.object({
      incremental_streams: z.number().nullable().describe('Sum over platforms with a lift; null when none has one.'),
      incremental_revenue: z.number().nullable().describe('Sum over platforms with a lift and a rate, in `currency`.'),
      cost: z.number().describe('In `currency`.'),
      cost_basis: z.enum(['placements', 'marketing_spend', 'input']),
      cost_description: z.string(),
      cost_per_incremental_stream: z.number().nullable().describe('cost / incremental_streams; null unless streams were gained.'),
      roi: z.number().nullable().describe('(incremental_revenue - cost) / cost; null without revenue or cost.'),
      currency: z.string(),
      note: z.string().nullable(),
    }),
  }),
  example: { campaign_id: '01900000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const asOf = input.as_of ? parseDay(input.as_of, 'as_of') : new Date(todayIn(ctx.org.timeZone, ctx.now()).getTime() - DAY_MS);
    const subject = input.campaign_id
      ? await (async () => {
          for (const field of ['artist', 'track_id', 'start', 'end'] as const) {
            if (input[field] !== undefined) throw invalidInput(field, 'give either campaign_id or artist, track_id and start, not both');
          }
          return campaignSubject(ctx.db, ctx.org.baseCurrency, input.campaign_id!, asOf);
        })()
      : trackSubject(ctx.db, ctx.org, manualInput(input), asOf);
    const currency = ctx.org.baseCurrency;
    const byPlatform = await liftStreams(ctx.db, ctx.orgId, {
      trackIds: subject.trackIds, from: new Date(subject.start.getTime() - BASELINE_DAYS * DAY_MS), to: subject.end, platform: input.platform,
    });
    const rates = await knownStreamRatesInBase(ctx.db, currency, byPlatform.keys(), subject.end);
    const measured = [...byPlatform].sort(([a], [b]) => a.localeCompare(b)).map(([platform, series]) => {
      const tracks = subject.trackIds.filter((track) => series.firstDayByTrack.has(track));
      const measure = measureLift({ start: subject.start, end: subject.end, tracks, ...series });
      const rate = rates.get(platform) ?? null;
      const revenue = measure.incrementalStreams !== null && rate !== null ? measure.incrementalStreams * rate : null;
      return { platform, measure, rate, revenue };
    });
    const cost: LiftCost = input.cost
      ? { amount: (await baseCurrencyConverter(ctx.db, currency, [input.cost.currency], subject.end))(Number(input.cost.amount), input.cost.currency), basis: 'input', description: 'The cost given in the request.' }
      : await subject.cost(subject.end);
    return {
      campaign_id: subject.campaignId,
      campaign_name: subject.campaignName,
      artist: subject.artist,
      track_ids: subject.trackIds,
      start: isoDay(subject.start),
      end: isoDay(subject.end),
      currency,
      platforms: measured.map(({ platform, measure, rate, revenue }) => ({
        platform,
        ...viewMeasure(measure),
        rate_per_stream: rate === null ? null : perStreamRate(rate),
        incremental_revenue: revenue === null ? null : money(revenue),
        currency,
        note: measure.insufficient ?? (rate === null && measure.incrementalStreams !== null ? `No per-stream rate for ${platform}; set one with set_stream_rates to value these streams.` : null),
      })),
      total: totalOf(measured, cost, currency),
    };
  },
});

function manualInput(input: { artist?: string; track_id?: string; start?: string; end?: string }) {
  if (!input.track_id) throw invalidInput('track_id', 'give campaign_id, or artist, track_id and start');
  if (!input.artist) throw invalidInput('artist', 'required with track_id');
  if (!input.start) throw invalidInput('start', 'required with track_id (the first campaign day)');
  const start = parseDay(input.start, 'start');
  const end = input.end ? parseDay(input.end, 'end') : null;
  if (end && end < start) throw invalidInput('end', `${input.end} is before start ${input.start}`);
  return { artist: input.artist, trackId: input.track_id, start, end };
}

function viewMeasure(measure: LiftMeasure) {
  return {
    enough_baseline: measure.baselineDaily !== null,
    baseline_from: measure.baselineFrom,
    baseline_to: measure.baselineTo,
    baseline_daily_streams: streams(measure.baselineDaily),
    measured_through: measure.measuredThrough,
    campaign_days: measure.campaignDays,
    campaign_daily_streams: streams(measure.duringDaily),
    lift_daily_streams: streams(measure.lift),
    incremental_streams: measure.incrementalStreams === null ? null : Math.round(measure.incrementalStreams),
  };
}

function totalOf(measured: Array<{ platform: string; measure: LiftMeasure; revenue: number | null }>, cost: LiftCost, currency: string) {
  const lifted = measured.filter(({ measure }) => measure.incrementalStreams !== null);
  const valued = lifted.filter(({ revenue }) => revenue !== null);
  const incrementalStreams = lifted.length ? lifted.reduce((sum, { measure }) => sum + measure.incrementalStreams!, 0) : null;
  const incrementalRevenue = valued.length ? valued.reduce((sum, { revenue }) => sum + revenue!, 0) : null;
  const left = measured.filter((entry) => !valued.includes(entry)).map(({ platform }) => platform);
  let note: string | null = null;
  if (measured.length === 0) note = 'No stream data for these tracks.';
  else if (lifted.length === 0) note = 'No platform has a measurable lift (see each platform\'s note).';
  else if (left.length) note = `Totals leave out ${left.join(', ')} (see each platform's note).`;
  return {
    incremental_streams: incrementalStreams === null ? null : Math.round(incrementalStreams),
    incremental_revenue: incrementalRevenue === null ? null : money(incrementalRevenue),
    cost: money(cost.amount),
    cost_basis: cost.basis,
    cost_description: cost.description,
    cost_per_incremental_stream: incrementalStreams !== null && incrementalStreams > 0 ? ratio(cost.amount / incrementalStreams) : null,
    roi: incrementalRevenue !== null && cost.amount > 0 ? ratio((incrementalRevenue - cost.amount) / cost.amount) : null,
    currency,
    note,
  };
}
