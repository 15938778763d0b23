import { z } from 'zod';
import { isoDate, isoDay, parseDay } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { computeWeeklyArtistStats, lastCompleteWeek, storeWeeklyArtistStats, weekOf } from '../spend/index.ts';

/**
 * Stores a week's `weekly_artist_stats` computation as WeeklyArtistStats rows (the weekly job runs
 * it every Tuesday). Running it again for the same week refreshes the rows: nothing is duplicated.
 */
export const storeWeeklyArtistStatsTool = defineTool({
  name: 'store_weekly_artist_stats',
  title: 'Store weekly artist stats',
  description:
    'Computes the weekly artist stats of a Monday-Sunday week (default: the last complete week in the organisation time zone) and stores them, one row per active artist, replacing that week\'s earlier rows. Returns the week and how many artists were stored.',
  area: 'insights',
  access: 'write',
  permission: 'insights:write',
  hints: { idempotent: true },
  input: z.object({
    week: isoDate.optional().describe('Any day of the week to store (YYYY-MM-DD); weeks start on Monday. Default: the last complete week.'),
  }),
  output: z.object({
    week_start: z.string().describe('Monday.'),
    week_end: z.string().describe('Sunday (inclusive).'),
    currency: z.string(),
    artists_stored: z.int().min(0).describe('Artists with streams or spend that week.'),
  }),
  example: { week: '2026-11-16' },
  async handler(ctx, input) {
    const week = input.week ? weekOf(parseDay(input.week, 'week')) : lastCompleteWeek(ctx.org.timeZone, ctx.now());
    const stats = await computeWeeklyArtistStats(ctx.db, ctx.org, week);
    const stored = await storeWeeklyArtistStats(ctx.db, ctx.orgId, stats, ctx.now());
    return { week_start: isoDay(week.start), week_end: isoDay(week.end), currency: stats.currency, artists_stored: stored };
  },
});
