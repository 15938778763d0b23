import { GENRES, NameRegistry, artistName, kebab, labelName, personName, vendorName, vendorPlaylistName, type Genre } from './catalogue.ts';
import type { Random } from './random.ts';
import { uuidV7 } from '../uuid-v7.ts';

export interface PlannedArtist {
  name: string;
  genre: Genre;
  /** Typical organic Spotify streams a day of one of the artist's songs. */
  popularity: number;
}

export interface PlannedClient {
  id: string;
  name: string;
  emails: string[];
  contactPerson: string;
  phone: string;
  artists: PlannedArtist[];
}

/** over: delivers more and faster than promised; solid: about what was promised; under: 40-70%. */
export type VendorQuality = 'over' | 'solid' | 'under';

export interface PlannedPlaylist {
  /** Null for a playlist the vendor uses but never registered (found only in scrapes). */
  id: string | null;
  name: string;
  spotifyPlaylistId: string;
  genres: Genre[];
  followerCount: number;
  curator: string;
}

export interface PlannedVendor {
  id: string;
  name: string;
  contactEmail: string;
  costPer1kStreams: number;
  isActive: boolean;
  quality: VendorQuality;
  /** Streams actually delivered per stream promised. */
  deliveryFactor: number;
  genres: Genre[];
  playlists: PlannedPlaylist[];
  unregistered: PlannedPlaylist[];
}

/** Clients (labels with several artists, or self-managed artists) and their artists. */
export function planClients(random: Random, count: number, names: NameRegistry): PlannedClient[] {
  return Array.from({ length: count }, () => {
    const isLabel = random.chance(0.6);
    const artists = Array.from({ length: isLabel ? random.int(2, 4) : 1 }, () => ({
      name: names.unique(() => artistName(random)),
      genre: random.pick(GENRES),
      popularity: random.logUniform(150, 6000),
    }));
    const name = isLabel ? names.unique(() => labelName(random)) : artists[0]!.name;
    const contactPerson = personName(random);
    const domain = `${kebab(name)}.example`;
    return {
      id: uuidV7(),
      name,
      emails: [`${kebab(contactPerson.split(' ')[0]!)}@${domain}`, ...(random.chance(0.4) ? [`accounts@${domain}`] : [])],
      contactPerson,
      phone: `+34 6${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}`,
      artists,
    };
  });
}

/** Playlist curators paid per placement, deliberately of uneven quality. */
export function planVendors(random: Random, count: number, names: NameRegistry, spotifyIds: SpotifyIds): PlannedVendor[] {
  const qualities = random.shuffle(qualityMix(count));
  return qualities.map((quality) => {
    const name = names.unique(() => vendorName(random));
    const genres = random.sample(GENRES, random.int(1, 2));
    const curator = random.chance(0.7) ? name : name.split(' ')[0]!;
    const playlist = (registered: boolean): PlannedPlaylist => {
      const genre = random.pick(genres);
      const spotifyPlaylistId = spotifyIds.next(random);
      return {
        id: registered ? uuidV7() : null,
        name: names.unique(() => vendorPlaylistName(random, genre)),
        spotifyPlaylistId,
        genres: [genre],
        followerCount: Math.round(random.logUniform(3_000, 400_000)),
        curator,
      };
    };
    return {
      id: uuidV7(),
      name,
      contactEmail: `bookings@${kebab(name)}.example`,
      costPer1kStreams: round2(costPer1k(random, quality)),
      isActive: !(quality === 'under' && random.chance(0.3)),
      quality,
      deliveryFactor: deliveryFactor(random, quality),
      genres,
      playlists: Array.from({ length: random.int(2, 6) }, () => playlist(true)),
      unregistered: random.chance(0.35) ? [playlist(false)] : [],
    };
  });
}

/** Spotify-style 22-character base62 ids, never repeated within one seed. */
export class SpotifyIds {
  private readonly used = new Set<string>();

  next(random: Random): string {
    for (;;) {
      const id = random.base62(22);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** About a quarter over-deliver, 40% are solid, a third under-deliver; at least one of each. */
function qualityMix(count: number): VendorQuality[] {
  const over = Math.max(1, Math.round(count * 0.25));
  const under = Math.max(1, Math.round(count * 0.33));
  const solid = Math.max(1, count - over - under);
  return [...Array<VendorQuality>(over).fill('over'), ...Array<VendorQuality>(under).fill('under'), ...Array<VendorQuality>(solid).fill('solid')];
}

function deliveryFactor(random: Random, quality: VendorQuality): number {
  if (quality === 'over') return random.float(1.15, 1.4);
  if (quality === 'solid') return random.float(0.92, 1.05);
  return random.float(0.4, 0.7);
}

/** Cheap vendors tend to be the ones that under-deliver: their real cost per 1k ends up highest. */
function costPer1k(random: Random, quality: VendorQuality): number {
  if (quality === 'over') return random.float(2.6, 4.2);
  if (quality === 'solid') return random.float(2.0, 3.4);
  return random.float(1.2, 2.3);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
