import { isoDay } from '../../common/format.ts';

const DAY_MS = 86_400_000;
export const BASELINE_DAYS = 28;

export interface LiftSeries {
  /** First campaign day. */
  start: Date;
  /** Last campaign day wanted (campaign end, or the as-of day while it runs). */
  end: Date;
  /** The campaign's tracks that have stream data on this platform (a track not on the platform at all plays no part). */
  tracks: readonly string[];
  /** Streams per day (YYYY-MM-DD) summed over the tracks, from the baseline's first day to `end`. */
  daily: ReadonlyMap<string, number>;
  /** Each track's first day with stream data on this platform; absent when it has none. */
  firstDayByTrack: ReadonlyMap<string, string>;
}

export interface LiftMeasure {
  baselineFrom: string;
  baselineTo: string;
  /** Mean daily streams over the 28 days before start; null when the data does not reach back that far. */
  baselineDaily: number | null;
  /** Why there is no lift, in words; null when there is one. */
  insufficient: string | null;
  /** Last day counted: `end`, or the last day with stream data when the data stops earlier. */
  measuredThrough: string | null;
  /** Whole days from start to measuredThrough, inclusive. */
  campaignDays: number;
  duringDaily: number | null;
  /** duringDaily - baselineDaily. */
  lift: number | null;
  /** lift x campaignDays. */
  incrementalStreams: number | null;
}

const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/**
 * Campaign lift on one platform. baseline = streams over the 28 days before start / 28, which
 * needs every track's stream history to begin on or before the first of those days (a day inside
 * the history with no row counts as 0 streams, as exports often leave out empty days). The
 * campaign runs from start to the earlier of `end` and the last day with stream data (so data not
 * imported yet is not read as zero); lift = mean daily streams over those days - baseline;
 * incremental streams = lift x those days.
 */
export function measureLift(series: LiftSeries): LiftMeasure {
  const baselineFrom = isoDay(addDays(series.start, -BASELINE_DAYS));
  const baselineTo = isoDay(addDays(series.start, -1));
  const startDay = isoDay(series.start);
  const lastWanted = isoDay(series.end);
  const sumBetween = (from: string, to: string) => [...series.daily].reduce((sum, [day, streams]) => (day >= from && day <= to ? sum + streams : sum), 0);
  const lastWithData = [...series.daily.keys()].filter((day) => day >= startDay && day <= lastWanted).sort().at(-1) ?? null;
  const campaignDays = lastWithData === null ? 0 : Math.round((Date.parse(lastWithData) - series.start.getTime()) / DAY_MS) + 1;
  const duringDaily = lastWithData === null ? null : sumBetween(startDay, lastWithData) / campaignDays;
  const short = series.tracks
    .map((track) => ({ track, first: series.firstDayByTrack.get(track) ?? null }))
    .filter(({ first }) => first === null || first > baselineFrom);
  const baselineDaily = series.tracks.length > 0 && short.length === 0 ? sumBetween(baselineFrom, baselineTo) / BASELINE_DAYS : null;
  let insufficient: string | null = null;
  if (series.tracks.length === 0) {
    insufficient = 'No stream data for these tracks on this platform.';
  } else if (short.length) {
    const detail = short.map(({ track, first }) => (first === null ? `${track} has no stream data` : `${track}'s stream data begins ${first}`)).join('; ');
    insufficient = `Not enough baseline data: the ${BASELINE_DAYS} days before the start (${baselineFrom}..${baselineTo}) must all be covered, but ${detail}.`;
  } else if (lastWithData === null) {
    insufficient = `No stream data from the start (${startDay}) to ${lastWanted} yet.`;
  }
  const lift = baselineDaily !== null && duringDaily !== null ? duringDaily - baselineDaily : null;
  return {
    baselineFrom,
    baselineTo,
    baselineDaily,
    insufficient,
    measuredThrough: lastWithData,
    campaignDays,
    duringDaily,
    lift,
    incrementalStreams: lift === null ? null : lift * campaignDays,
  };
}
