import type { AnyTool } from '../registry/define-tool.ts';
import { dailyDigest } from './daily-digest.ts';
import { storeWeeklyArtistStatsTool } from './store-weekly-artist-stats.ts';

/** Insights: the daily digest, and storing the weekly artist stats (both run by scheduled jobs too). */
export const INSIGHTS_TOOLS: AnyTool[] = [dailyDigest, storeWeeklyArtistStatsTool];
