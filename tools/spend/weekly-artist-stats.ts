import { z } from 'zod';
import { isoDate, isoDay, money, parseDay } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { artistName } from './inputs.ts';
import { percentChange } from './output-format.ts';
import { lastCompleteWeek, weekOf } from './weekly/week-range.ts';
import { computeWeeklyArtistStats, type ArtistWeekFigures } from './weekly/weekly-artist-stats.ts';

const figures = z.object({
  streams: z.number(),
  spend: z.number().describe('Marketing spend tagged with the artist, in `currency`.'),
  estimated_earnings: z.number().describe('Streams x per-stream rate, in `currency`.'),
  currency: z.string(),
});

const record = z.object({
  artist: z.string(),
  ...figures.shape,
  listeners: z.number().nullable().describe('Unique listeners; null: no listener data is imported yet.'),
  previous_week: figures,
  week_over_week: z.object({
    streams: z.number().describe('Change in streams.'),
    streams_percent: z.number().nullable().describe('Change in % of the previous week; null when it had none.'),
    spend: z.number(),
    estimated_earnings: z.number(),
    estimated_earnings_percent: z.number().nullable(),
    currency: z.string(),
  }),
});

/**
 * Computed on every call (a read tool, so every role can ask): the figures always reflect the
 * latest imports and rates. The weekly job stores the same computation as WeeklyArtistStats rows
 * with `storeWeeklyArtistStats`.
 */
export const weeklyArtistStats = defineTool({
  name: 'weekly_artist_stats',
  title: 'Weekly artist stats',
  description:
    'Per artist for a Monday-Sunday week (default the last complete one): streams, listeners, marketing spend and estimated earnings, with the change from the week before. Base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({
    week: isoDate.optional().describe('Any day of the wanted week (YYYY-MM-DD); weeks start on Monday. Default: the last complete week.'),
    artist: artistName.optional().describe('Only this artist (case-insensitive).'),
    limit: z.int().min(1).max(500).default(50).describe('Artists to list.'),
  }),
  output: z.object({
    week_start: z.string().describe('Monday.'),
    week_end: z.string().describe('Sunday (inclusive).'),
    currency: z.string(),
    artists: z.array(record),
    artists_not_shown: z.int().min(0),
    spend_without_artist: z.number().describe('Spend this week not tagged with any artist, in `currency`.'),
  }),
  example: { week: '2026-11-16' },
  async handler(ctx, input) {
    const week = input.week ? weekOf(parseDay(input.week, 'week')) : lastCompleteWeek(ctx.org.timeZone, ctx.now());
    const stats = await computeWeeklyArtistStats(ctx.db, ctx.org, week);
    const currency = stats.currency;
    const wanted = input.artist?.toLowerCase();
    const artists = stats.artists
      .filter(({ artist }) => wanted === undefined || artist.toLowerCase() === wanted)
      .sort((a, b) => b.current.streams - a.current.streams || a.artist.localeCompare(b.artist));
    const view = (week: ArtistWeekFigures) => ({ streams: week.streams, spend: money(week.spend), estimated_earnings: money(week.estimatedEarnings), currency });
    return {
      week_start: isoDay(week.start),
      week_end: isoDay(week.end),
      currency,
      artists: artists.slice(0, input.limit).map(({ artist, current, previous }) => ({
        artist,
        ...view(current),
        listeners: null,
        previous_week: view(previous),
        week_over_week: {
          streams: current.streams - previous.streams,
          streams_percent: percentChange(current.streams, previous.streams),
          spend: money(current.spend - previous.spend),
          estimated_earnings: money(current.estimatedEarnings - previous.estimatedEarnings),
          estimated_earnings_percent: percentChange(current.estimatedEarnings, previous.estimatedEarnings),
          currency,
        },
      })),
      artists_not_shown: Math.max(0, artists.length - input.limit),
      spend_without_artist: money(stats.spendWithoutArtist),
    };
  },
});
