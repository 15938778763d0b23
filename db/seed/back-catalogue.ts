import type { BulkWriter } from '../bulk/bulk-writer.ts';
import { songTitle } from './catalogue.ts';
import type { PlannedSong } from './campaigns.ts';
import type { Random } from './random.ts';
import type { PlannedArtist } from './roster.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { WEEKDAY, type SongSeries } from './song-series.ts';
import { SPEND_CHANNELS, type DailySpend } from './spend.ts';
import { spotifyDaily, writeStreamStats, type MonthlyStreams } from './streams.ts';

/** Share of a campaign's ad-driven streams that spills over to the artist's older songs. */
const HALO = 0.15;

/** Ad spend per artist and day, summed over the artist's campaigns. */
export class ArtistSpend {
  private readonly byArtist = new Map<string, DailySpend>();

  constructor(private readonly days: number) {}

  add(artist: string, spend: DailySpend): void {
    let total = this.byArtist.get(artist);
    if (!total) {
      total = Object.fromEntries(SPEND_CHANNELS.map((channel) => [channel, new Float64Array(this.days)])) as DailySpend;
      this.byArtist.set(artist, total);
    }
    for (const channel of SPEND_CHANNELS) spend[channel].forEach((amount, day) => (total[channel][day] = total[channel][day]! + amount));
  }

  of(artist: string): DailySpend | undefined {
    return this.byArtist.get(artist);
  }
}

/**
 * Daily streams of each artist's older songs (released before the period, never placed), so an
 * artist has a baseline before its campaigns and payouts cover more than the promoted singles.
 */
export function writeBackCatalogue(
  context: { writer: BulkWriter; random: Random; calendar: SeedCalendar; organizationId: string; monthly: MonthlyStreams; trackId: () => string },
  artist: PlannedArtist,
  spend: DailySpend | undefined,
): void {
  const { random, calendar } = context;
  for (let track = random.int(1, 2); track > 0; track--) {
    const song: PlannedSong = {
      trackId: context.trackId(),
      title: songTitle(random, artist.genre),
      genre: artist.genre,
      releaseDay: -random.int(60, 900),
      baseDaily: artist.popularity * random.float(0.2, 0.9),
      placements: [],
    };
    const series: SongSeries = {
      organic: new Float64Array(calendar.days),
      playlists: [],
      appleMusic: new Float64Array(calendar.days),
      youtube: new Float64Array(calendar.days),
      dailyBeforePeriod: song.baseDaily,
    };
    const appleRatio = random.float(0.12, 0.3);
    const youtubeRatio = random.float(0.2, 0.8);
    for (let day = 0; day < calendar.days; day++) {
      const level = song.baseDaily * WEEKDAY[calendar.weekday(day)]!;
      const social = spend ? HALO * (spend.meta[day]! + spend.tiktok[day]!) : 0;
      series.organic[day] = level * random.noise(0.08) + social * 22;
      series.appleMusic[day] = level * appleRatio * random.noise(0.1) + social * 3.5;
      series.youtube[day] = level * youtubeRatio * random.noise(0.12) + (spend ? HALO * spend.google[day]! * 35 : 0);
    }
    writeStreamStats(context.writer, calendar, context.organizationId, artist.name, song, series, spotifyDaily(series), context.monthly);
  }
}
