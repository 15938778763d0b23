import type { BulkWriter } from '../bulk/bulk-writer.ts';
import type { PlannedSong } from './campaigns.ts';
import type { SeedCalendar, SeedMonth } from './seed-calendar.ts';
import type { SongSeries } from './song-series.ts';
import { streamStats } from '../bulk/tables.ts';

export const PLATFORMS = ['spotify', 'apple_music', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What the demo organisation expects one stream to earn (USD). */
export const STREAM_RATES: Record<Platform, number> = { spotify: 0.0035, apple_music: 0.007, youtube: 0.0012 };

/** Streams per artist, platform and complete calendar month, for the payouts. */
export class MonthlyStreams {
  private readonly monthOfDay: Int16Array;
  private readonly totals = new Map<string, { artist: string; platform: Platform; month: SeedMonth; streams: number }>();

  constructor(private readonly months: SeedMonth[], days: number) {
    this.monthOfDay = new Int16Array(days).fill(-1);
    months.forEach((month, index) => this.monthOfDay.fill(index, month.first, month.last + 1));
  }

  add(artist: string, platform: Platform, day: number, streams: number): void {
    const index = this.monthOfDay[day]!;
    if (index < 0) return;
    const key = `${artist}\u0000${platform}\u0000${index}`;
    const entry = this.totals.get(key);
    if (entry) entry.streams += streams;
    else this.totals.set(key, { artist, platform, month: this.months[index]!, streams });
  }

  /** Totals, in the (deterministic) order they were first seen. */
  entries() {
    return [...this.totals.values()];
  }
}

/** Spotify streams of the song each day: outside playlists plus every playlist it was on. */
export function spotifyDaily(series: SongSeries): Int32Array {
  const total = new Int32Array(series.organic.length);
  for (let day = 0; day < total.length; day++) {
    let streams = series.organic[day]!;
    for (const playlist of series.playlists) streams += playlist.daily[day]!;
    total[day] = Math.round(streams);
  }
  return total;
}

/** Writes a song's daily StreamStat rows per platform (from its release on) and adds them to the monthly totals. */
export function writeStreamStats(
  writer: BulkWriter,
  calendar: SeedCalendar,
  organizationId: string,
  artist: string,
  song: PlannedSong,
  series: SongSeries,
  spotify: Int32Array,
  monthly: MonthlyStreams,
): void {
  const byPlatform: Record<Platform, ArrayLike<number>> = { spotify, apple_music: series.appleMusic, youtube: series.youtube };
  for (const platform of PLATFORMS) {
    for (let day = Math.max(0, song.releaseDay); day < calendar.days; day++) {
      const streams = Math.round(byPlatform[platform][day]!);
      writer.add(streamStats, { organizationId, date: calendar.date(day), artist, trackId: song.trackId, platform, streams });
      monthly.add(artist, platform, day, streams);
    }
  }
}
