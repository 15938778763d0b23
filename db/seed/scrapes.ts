import type { BulkWriter } from '../bulk/bulk-writer.ts';
import type { PlannedSong } from './campaigns.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import type { SongSeries } from './song-series.ts';
import { campaignPlaylists, scrapeSnapshots } from '../bulk/tables.ts';
import { uuidV7 } from '../uuid-v7.ts';

const ORGANIC_SAVE_RATE = 0.04;

/** Running totals of a daily series: `sum(from, to)` adds days from..to-1 (clipped to the period). */
class RunningTotal {
  private readonly prefix: Float64Array;

  constructor(daily: ArrayLike<number>) {
    this.prefix = new Float64Array(daily.length + 1);
    for (let day = 0; day < daily.length; day++) this.prefix[day + 1] = this.prefix[day]! + Math.round(daily[day]!);
  }

  sum(from: number, to: number): number {
    const clip = (day: number) => Math.min(Math.max(day, 0), this.prefix.length - 1);
    return this.prefix[clip(to)]! - this.prefix[clip(from)]!;
  }
}

/**
 * Writes one ScrapeSnapshot a week for the song (as the scraper files of DESIGN.md section 7 would
 * load), with a CampaignPlaylist row for every playlist that drove streams in the 12 months before,
 * as Spotify for Artists lists them: a playlist the song has left keeps its 12-month streams while
 * its 7- and 28-day streams fall to zero.
 */
export function writeScrapes(
  writer: BulkWriter,
  random: Random,
  calendar: SeedCalendar,
  organizationId: string,
  artistName: string,
  song: PlannedSong,
  series: SongSeries,
  spotify: Int32Array,
): void {
  const plays = new RunningTotal(spotify);
  const organic = new RunningTotal(series.organic);
  const playlists = series.playlists.map((playlist) => ({ playlist, streams: new RunningTotal(playlist.daily) }));
  const firstDay = Math.max(1, song.releaseDay + 1);
  // Weekly, on the weekday that makes yesterday's run the latest, so current numbers are fresh.
  const offset = (calendar.weekday(calendar.days - 1) - calendar.weekday(firstDay) + 7) % 7;
  for (let day = firstDay + offset; day < calendar.days; day += 7) {
    const scrapedAt = calendar.at(day, 120 + random.int(0, 45));
    // Streams from before the seeded period (catalogue songs) count in windows reaching back there.
    const before = (length: number) => series.dailyBeforePeriod * Math.max(0, Math.min(-song.releaseDay, length - day));
    const visible = playlists.filter(({ playlist, streams }) => streams.sum(day - 365, day) > 0 && (playlist.addedDay ?? 0) < day);
    const snapshotId = uuidV7();
    const saves =
      (organic.sum(day - 365, day) + before(365)) * ORGANIC_SAVE_RATE +
      playlists.reduce((sum, { playlist, streams }) => sum + streams.sum(day - 365, day) * playlist.saveRate, 0);
    writer.add(scrapeSnapshots, {
      id: snapshotId,
      organizationId,
      spotifyTrackId: song.trackId,
      scrapedAt,
      trackName: song.title,
      artistName,
      plays7d: Math.round(plays.sum(day - 7, day) + before(7)),
      plays28d: Math.round(plays.sum(day - 28, day) + before(28)),
      plays12m: Math.round(plays.sum(day - 365, day) + before(365)),
      saves: Math.round(saves),
      playlistAdds: visible.filter(({ playlist }) => playlist.addedDay !== null && playlist.addedDay >= day - 7).length,
      sourceFile: `song_${song.trackId}_${scrapedAt.toISOString().replace(/[-:]|\.\d+/g, '')}.json`,
    });
    for (const { playlist, streams } of visible) {
      writer.add(campaignPlaylists, {
        organizationId,
        snapshotId,
        spotifyTrackId: song.trackId,
        scrapedAt,
        playlistId: playlist.playlistId,
        spotifyPlaylistId: playlist.spotifyPlaylistId,
        name: playlist.name,
        curator: playlist.curator,
        streams7d: streams.sum(day - 7, day),
        streams28d: streams.sum(day - 28, day),
        streams12m: streams.sum(day - 365, day),
        dateAdded: playlist.addedDay === null ? null : calendar.date(playlist.addedDay),
      });
    }
  }
}
