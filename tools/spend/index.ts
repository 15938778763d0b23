import type { AnyTool } from '../registry/define-tool.ts';
import { campaignLift } from './campaign-lift.ts';
import { estimatedEarnings } from './estimated-earnings.ts';
import { importPayouts } from './import-payouts.ts';
import { importSpend } from './import-spend.ts';
import { importStreams } from './import-streams.ts';
import { listStreamRates } from './list-stream-rates.ts';
import { reconcilePayouts } from './reconcile-payouts.ts';
import { recordSpend } from './record-spend.ts';
import { setStreamRates } from './set-stream-rates.ts';
import { weeklyArtistStats } from './weekly-artist-stats.ts';

/** Marketing spend, streams, stream rates, estimated earnings, payouts and their reconciliation, weekly artist stats, campaign lift. */
export const SPEND_TOOLS: AnyTool[] = [
  importSpend,
  importStreams,
  importPayouts,
  recordSpend,
  setStreamRates,
  listStreamRates,
  estimatedEarnings,
  reconcilePayouts,
  weeklyArtistStats,
  campaignLift,
];

export { computeWeeklyArtistStats } from './weekly/weekly-artist-stats.ts';
export { storeWeeklyArtistStats } from './weekly/store-weekly-artist-stats.ts';
export { lastCompleteWeek, weekOf } from './weekly/week-range.ts';
