import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

/** Stores last week's artist stats (WeeklyArtistStats rows) through `store_weekly_artist_stats`. */
export const weeklyStatsJob = defineJob({
  name: 'stats.weekly',
  description: 'Compute and store the weekly artist stats of one Monday-Sunday week.',
  payload: z.object({ organizationId: z.string().min(1), weekStart: isoDate.describe('Monday of the week to store.') }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => jobKey('stats.weekly', payload.organizationId, payload.weekStart),
  run: (deps, payload) => callTool(deps, payload.organizationId, 'store_weekly_artist_stats', { week: payload.weekStart }),
});
