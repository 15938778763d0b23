import { UNASSIGNED_ARTIST_KEY } from '../../common/channel-name.ts';
import { spendByKey } from '../spend-by-key.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { estimateEarnings } from '../earnings/estimate-earnings.ts';
import { previousWeek, type Week } from './week-range.ts';

/** One artist's figures for one week, full precision, money in the base currency. */
export interface ArtistWeekFigures {
  streams: number;
  spend: number;
  estimatedEarnings: number;
}

export interface ArtistWeek {
  artist: string;
  current: ArtistWeekFigures;
  previous: ArtistWeekFigures;
}

export interface WeeklyArtistStats {
  week: Week;
  currency: string;
  /** Every artist with streams or artist-tagged spend in the week or the week before, by name. */
  artists: ArtistWeek[];
  /** Spend of the week with no artist on it (not in any artist's figures). */
  spendWithoutArtist: number;
}

const ZERO: ArtistWeekFigures = { streams: 0, spend: 0, estimatedEarnings: 0 };

/**
 * The weekly metrics record per artist: streams, marketing spend and estimated earnings (streams x
 * per-stream rate) of a Monday-Sunday week and of the week before, in the base currency. The
 * `weekly_artist_stats` tool shows it; the weekly job stores it with `storeWeeklyArtistStats`.
 */
export async function computeWeeklyArtistStats(db: ToolDb, org: { id: string; baseCurrency: string; timeZone: string }, week: Week): Promise<WeeklyArtistStats> {
  const [current, previous] = [await figuresOf(db, org, week), await figuresOf(db, org, previousWeek(week))];
  const names = [...new Set([...current.byArtist.keys(), ...previous.byArtist.keys()])].sort((a, b) => a.localeCompare(b));
  return {
    week,
    currency: org.baseCurrency,
    artists: names.map((artist) => ({ artist, current: current.byArtist.get(artist) ?? ZERO, previous: previous.byArtist.get(artist) ?? ZERO })),
    spendWithoutArtist: current.spendWithoutArtist,
  };
}

async function figuresOf(db: ToolDb, org: { id: string; baseCurrency: string; timeZone: string }, week: Week) {
  const byArtist = new Map<string, ArtistWeekFigures>();
  const entry = (artist: string) => {
    let figures = byArtist.get(artist);
    if (!figures) byArtist.set(artist, (figures = { ...ZERO }));
    return figures;
  };
  for (const estimate of await estimateEarnings(db, org, { from: week.start, to: week.end })) {
    const figures = entry(estimate.artist);
    figures.streams += estimate.streams;
    figures.estimatedEarnings += estimate.amount;
  }
  let spendWithoutArtist = 0;
  for (const row of await spendByKey(db, org, 'artist', week.start, week.end)) {
    if (row.key === UNASSIGNED_ARTIST_KEY) spendWithoutArtist += row.spend;
    else entry(row.key).spend += row.spend;
  }
  return { byArtist, spendWithoutArtist };
}
