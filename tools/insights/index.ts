import type { AnyTool } from '../registry/define-tool.ts';
import { dailyDigest } from './daily-digest.ts';
import { performanceTimeline } from './performance-timeline.ts';
import { storeWeeklyArtistStatsTool } from './store-weekly-artist-stats.ts';

/** Insights: the daily digest, the performance timeline, and storing the weekly artist stats (the digest and the stats run by scheduled jobs too). */
export const INSIGHTS_TOOLS: AnyTool[] = [dailyDigest, performanceTimeline, storeWeeklyArtistStatsTool];
