import { SALESPEOPLE, kebab, songTitle, type Genre, type NameRegistry } from './catalogue.ts';
import type { Random } from './random.ts';
import { round2, type PlannedArtist, type PlannedClient, type PlannedPlaylist, type PlannedVendor, type SpotifyIds } from './roster.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { uuidV7 } from '../uuid-v7.ts';

export interface PlannedPlacement {
  vendor: PlannedVendor;
  goal: number;
  daily: number;
  price: number;
  startDay: number;
  /** Streams delivered per stream promised for this placement (the vendor's factor, jittered). */
  factor: number;
  /** The vendor playlists the song goes on, with each one's share of the delivery. */
  playlists: { playlist: PlannedPlaylist; share: number }[];
}

export interface PlannedSong {
  trackId: string;
  title: string;
  genre: Genre;
  /** Day index of release; negative when released before the seeded period. */
  releaseDay: number;
  /** Organic Spotify streams a day, before campaigns. */
  baseDaily: number;
  placements: PlannedPlacement[];
}

export interface PlannedCampaign {
  id: string;
  index: number;
  client: PlannedClient;
  artist: PlannedArtist;
  name: string;
  /** The key spend and touchpoints use for this campaign. */
  key: string;
  startDay: number;
  /** Last planned day (may lie after the seeded period). */
  endDay: number;
  /** The day delivery and spend stopped, for a paused campaign. */
  pausedDay: number | null;
  status: 'ACTIVE' | 'PAUSED' | 'COMPLETED';
  invoiceStatus: 'NOT_INVOICED' | 'INVOICED' | 'PAID';
  salesperson: string;
  totalBudget: number;
  songs: PlannedSong[];
}

interface CampaignContext {
  random: Random;
  calendar: SeedCalendar;
  clients: PlannedClient[];
  vendors: PlannedVendor[];
  names: NameRegistry;
  spotifyIds: SpotifyIds;
}

/** Campaign groups started over the seeded period: every client gets one before any gets two. */
export function planCampaigns(context: CampaignContext, count: number): PlannedCampaign[] {
  const clientOrder = context.random.shuffle(context.clients);
  return Array.from({ length: count }, (_, index) => {
    const random = context.random.fork(`campaign-${index}`);
    const client = index < clientOrder.length ? clientOrder[index]! : random.pick(context.clients);
    return planCampaign(context, random, index, client);
  });
}

function planCampaign(context: CampaignContext, random: Random, index: number, client: PlannedClient): PlannedCampaign {
  const { calendar } = context;
  const artist = random.pick(client.artists);
  const startDay = random.int(21, Math.max(22, calendar.days - 5));
  const songs = Array.from({ length: random.weighted([[1, 5], [2, 3], [3, 2]] as const) }, () => planSong(context, random, artist, startDay));
  const placements = songs.flatMap((song) => song.placements);
  const endDay = Math.max(...placements.map((placement) => placement.startDay + Math.ceil(placement.goal / placement.daily))) + random.int(0, 7);
  const pausedDay = startDay < calendar.days - 10 && random.chance(0.12) ? random.int(startDay + 7, Math.min(endDay, calendar.days - 1)) : null;
  const status = pausedDay !== null ? 'PAUSED' : endDay < calendar.days ? 'COMPLETED' : 'ACTIVE';
  const title = songs[0]!.title;
  return {
    id: uuidV7(),
    index,
    client,
    artist,
    name: `${artist.name} – ${title}${songs.length > 1 ? ` + ${songs.length - 1} more` : ''}`,
    key: context.names.unique(() => kebab(`${artist.name} ${title}`), '-'),
    startDay,
    endDay,
    pausedDay,
    status,
    invoiceStatus: status === 'COMPLETED' ? random.weighted([['PAID', 3], ['INVOICED', 1]] as const) : random.weighted([['NOT_INVOICED', 2], ['INVOICED', 1]] as const),
    salesperson: random.pick(SALESPEOPLE),
    totalBudget: Math.round(placements.reduce((sum, placement) => sum + placement.price, 0) * random.float(1.3, 1.8) / 50) * 50,
    songs,
  };
}

function planSong(context: CampaignContext, random: Random, artist: PlannedArtist, startDay: number): PlannedSong {
  const genre = random.chance(0.85) ? artist.genre : random.pick(['dance', 'pop'] as const);
  // Most campaigns push a new release; about half of those starting a month into the period push a
  // catalogue song instead, which has the 28-day stream history campaign_lift needs for a baseline.
  const catalogueShare = startDay >= 28 ? 0.5 : 0.15;
  const releaseDay = random.chance(1 - catalogueShare) ? startDay - random.int(0, 21) : -random.int(30, 300);
  // Vendors the label has since dropped (inactive) only appear on older campaigns.
  const available = context.vendors.filter((vendor) => vendor.isActive || startDay < context.calendar.days - 60);
  const fitting = available.filter((vendor) => vendor.genres.includes(genre));
  const vendorCount = random.weighted([[1, 4], [2, 4], [3, 2]] as const);
  const vendors = random.sample(fitting.length >= vendorCount && random.chance(0.8) ? fitting : available, vendorCount);
  return {
    trackId: context.spotifyIds.next(random),
    title: songTitle(random, genre),
    genre,
    releaseDay,
    baseDaily: artist.popularity * random.float(0.5, 1.5),
    placements: vendors.map((vendor) => planPlacement(random, vendor, genre, startDay + random.int(0, 3))),
  };
}

function planPlacement(random: Random, vendor: PlannedVendor, genre: Genre, startDay: number): PlannedPlacement {
  const daily = Math.round(random.logUniform(500, 5000) / 50) * 50;
  const goal = Math.min(300_000, Math.max(20_000, Math.round((daily * random.int(14, 60)) / 1000) * 1000));
  const matching = vendor.playlists.filter((playlist) => playlist.genres.includes(genre));
  const chosen = random.sample(matching.length > 0 ? matching : vendor.playlists, random.int(1, 3));
  if (vendor.unregistered.length > 0 && random.chance(0.25)) chosen.push(vendor.unregistered[0]!);
  const weights = chosen.map(() => random.float(0.5, 1.5));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return {
    vendor,
    goal,
    daily,
    price: round2(Math.round(((goal / 1000) * vendor.costPer1kStreams * random.float(0.9, 1.1)) / 5) * 5),
    startDay,
    factor: vendor.deliveryFactor * random.float(0.93, 1.07),
    playlists: chosen.map((playlist, index) => ({ playlist, share: weights[index]! / total })),
  };
}
