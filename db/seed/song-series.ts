import { createHash } from 'node:crypto';
import { EDITORIAL_PLAYLISTS, listenerPlaylist } from './catalogue.ts';
import type { PlannedCampaign, PlannedPlacement, PlannedSong } from './campaigns.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import type { DailySpend } from './spend.ts';

/** One playlist a song sat on, with the Spotify streams it drove each day of the seeded period. */
export interface PlaylistSeries {
  playlistId: string | null;
  spotifyPlaylistId: string | null;
  name: string;
  curator: string;
  /** Day index shown as `date_added` (null for algorithmic playlists). */
  addedDay: number | null;
  /** Saves per stream: listeners who find a song organically keep it; bought bot-like plays do not. */
  saveRate: number;
  daily: Float64Array;
}

/** A song's streams by day: Spotify outside playlists, its playlists, and the other platforms. */
export interface SongSeries {
  organic: Float64Array;
  playlists: PlaylistSeries[];
  appleMusic: Float64Array;
  youtube: Float64Array;
  /** Spotify streams a day before the seeded period (for the 12-month play counts). */
  dailyBeforePeriod: number;
}

/** Streams swing through the week: low early in the week, highest on Friday (release day) and Saturday. */
export const WEEKDAY = [1.0, 0.92, 0.94, 0.97, 1.0, 1.1, 1.08];

/** Builds the daily series of one song; spend is the song's share of its campaign's ad spend. */
export function songSeries(random: Random, calendar: SeedCalendar, campaign: PlannedCampaign, song: PlannedSong, spend: DailySpend): SongSeries {
  const days = calendar.days;
  const share = 1 / campaign.songs.length;
  const organic = new Float64Array(days);
  const appleMusic = new Float64Array(days);
  const youtube = new Float64Array(days);
  const appleRatio = random.float(0.12, 0.3);
  const youtubeRatio = random.float(0.2, 0.8);
  for (let day = Math.max(0, song.releaseDay); day < days; day++) {
    const age = day - song.releaseDay;
    const level = song.baseDaily * (1 + 1.2 * Math.exp(-age / 12)) * WEEKDAY[calendar.weekday(day)]!;
    const spent = (channel: keyof DailySpend) => share * (spend[channel][day]! + (day > 0 ? spend[channel][day - 1]! : 0)) / 2;
    organic[day] = level * random.noise(0.08) + ((spent('meta') + spent('tiktok')) * 22 + spent('spotify_marquee') * 55) * random.noise(0.2);
    appleMusic[day] = level * appleRatio * random.noise(0.1) + (spent('meta') + spent('tiktok')) * 3.5;
    youtube[day] = level * youtubeRatio * random.noise(0.12) + spent('google') * 35 + spent('tiktok') * 6;
  }
  const vendor: PlaylistSeries[] = [];
  const genuine = new Float64Array(days);
  for (const placement of song.placements) {
    const delivered = vendorSeries(random, calendar, campaign, placement);
    vendor.push(...delivered);
    if (placement.vendor.quality !== 'under') for (const entry of delivered) entry.daily.forEach((value, day) => (genuine[day] = genuine[day]! + value));
  }
  const campaignStart = Math.max(song.releaseDay, campaign.startDay);
  const playlists = [...vendor, ...spotifySeries(random, calendar, song, campaignStart, genuine), ...listenerSeries(random, calendar, campaignStart)];
  return { organic, playlists, appleMusic, youtube, dailyBeforePeriod: song.releaseDay < 0 ? song.baseDaily * 1.05 : 0 };
}

/** What one vendor delivered, split over the playlists it used. */
function vendorSeries(random: Random, calendar: SeedCalendar, campaign: PlannedCampaign, placement: PlannedPlacement): PlaylistSeries[] {
  const total = new Float64Array(calendar.days);
  const rate = placement.daily * placement.factor;
  const target = placement.goal * Math.min(placement.factor, 1.2);
  const stop = Math.min(campaign.pausedDay ?? Infinity, calendar.days);
  let delivered = 0;
  let day = placement.startDay;
  for (; day < stop && delivered < target; day++) {
    const rampUp = Math.min(1, (day - placement.startDay + 1) / 3);
    const amount = Math.min(rate * rampUp * random.noise(0.15), target - delivered);
    total[day] = amount;
    delivered += amount;
  }
  // The song lingers on the playlists for a few days after the run before the curator removes it.
  for (const end = Math.min(stop, day + random.int(3, 10)); day < end; day++) total[day] = rate * random.float(0.02, 0.05);
  const quality = placement.vendor.quality;
  return placement.playlists.map(({ playlist, share }) => ({
    playlistId: playlist.id,
    // Scrapers sometimes miss the id; the name still matches a registered playlist.
    spotifyPlaylistId: random.chance(playlist.id !== null ? 0.9 : 0.5) ? playlist.spotifyPlaylistId : null,
    name: playlist.name,
    curator: playlist.curator,
    addedDay: placement.startDay,
    saveRate: quality === 'under' ? 0.004 : 0.025,
    daily: total.map((value) => value * share * random.noise(0.05)),
  }));
}

/**
 * Spotify's own playlists: Release Radar after release, Radio always, Discover Weekly and editorial
 * when earned, that is after enough genuine listening (streams from vendors that do not under-deliver).
 */
function spotifySeries(random: Random, calendar: SeedCalendar, song: PlannedSong, campaignStart: number, genuine: Float64Array): PlaylistSeries[] {
  const days = calendar.days;
  const series: PlaylistSeries[] = [];
  const spotify = (name: string, addedDay: number | null, withId: boolean): PlaylistSeries => {
    const entry = { playlistId: null, spotifyPlaylistId: withId ? editorialId(name) : null, name, curator: 'Spotify', addedDay, saveRate: 0.03, daily: new Float64Array(days) };
    series.push(entry);
    return entry;
  };
  if (song.releaseDay >= 0 && song.releaseDay < days) {
    const radar = spotify('Release Radar', song.releaseDay, false);
    for (let day = song.releaseDay; day < Math.min(days, song.releaseDay + 7); day++) radar.daily[day] = song.baseDaily * random.float(0.3, 0.7);
  }
  const radio = spotify('Radio', null, false);
  for (let day = Math.max(0, song.releaseDay); day < days; day++) radio.daily[day] = song.baseDaily * 0.06 * random.noise(0.2) + (day >= 3 ? genuine[day - 3]! * 0.04 : 0);
  const firstGenuine = genuine.findIndex((value) => value > 0);
  const genuineTotal = genuine.reduce((sum, value) => sum + value, 0);
  if (firstGenuine >= 0 && genuineTotal > 15_000) {
    const start = firstGenuine + random.int(10, 20);
    const level = random.float(0.12, 0.25) * (genuineTotal / Math.max(1, genuine.filter((value) => value > 0).length));
    const discover = spotify('Discover Weekly', null, false);
    for (let day = start; day < Math.min(days, start + random.int(14, 42)); day++) discover.daily[day] = level * random.noise(0.25);
  }
  if (random.chance(genuineTotal > 40_000 ? 0.35 : 0.08)) {
    const start = Math.max(0, campaignStart) + random.int(3, 21);
    const peak = random.logUniform(1500, 12_000);
    const editorial = spotify(random.pick(EDITORIAL_PLAYLISTS[song.genre]), start, true);
    for (let day = start; day < Math.min(days, start + random.int(14, 35)); day++) editorial.daily[day] = peak * Math.exp(-(day - start) / 20) * random.noise(0.1);
  }
  return series;
}

/** Now and then a listener's own playlist picks the song up. */
function listenerSeries(random: Random, calendar: SeedCalendar, campaignStart: number): PlaylistSeries[] {
  if (!random.chance(0.3)) return [];
  const { name, curator } = listenerPlaylist(random);
  const start = Math.max(0, campaignStart) + random.int(5, 40);
  const daily = new Float64Array(calendar.days);
  const level = random.float(20, 300);
  for (let day = start; day < Math.min(calendar.days, start + random.int(20, 80)); day++) daily[day] = level * random.noise(0.3);
  return [{ playlistId: null, spotifyPlaylistId: null, name, curator, addedDay: start, saveRate: 0.03, daily }];
}

/** Editorial playlists have fixed public ids (`37i9dQZF1DX…`), the same for every organisation. */
function editorialId(name: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const digest = createHash('sha256').update(name).digest();
  return `37i9dQZF1DX${Array.from(digest.subarray(0, 11), (byte) => alphabet[byte % 62]).join('')}`;
}
