import type { Random } from './random.ts';

/** The genres the demo label works in; vendor playlists and songs share them. */
export const GENRES = ['dance', 'techno', 'latin', 'indie', 'hip-hop', 'pop'] as const;
export type Genre = (typeof GENRES)[number];

const FIRST_NAMES = ['Luna', 'Mateo', 'Iris', 'Kai', 'Noa', 'Elio', 'Sofia', 'Milo', 'Vera', 'Leo', 'Nadia', 'Ruben', 'Alba', 'Theo', 'Zoe', 'Dario', 'Maya', 'Jonas', 'Lola', 'Nico', 'Ines', 'Oscar', 'Cleo', 'Hugo'];
const LAST_NAMES = ['Vega', 'Reyes', 'Marlow', 'Okafor', 'Lindqvist', 'Serrano', 'Hale', 'Moreau', 'Castell', 'Brooks', 'Amari', 'Quinn', 'Navarro', 'Sato', 'Blanco', 'Rivers', 'Duarte', 'Hart', 'Costa', 'Ferrer'];
const ALIASES = ['Solenne', 'Veyra', 'Kairo', 'Otrava', 'Mirage Club', 'Nightcrawler', 'Saint Ola', 'Lowtide', 'Amaru', 'Kid Cosmo', 'Yung Tesla', 'Neon Saints', 'Papi Sol', 'La Rubia', 'Glasshouse', 'Driftwood', 'Hexa', 'Monarca', 'Velour', 'Pale Atlas'];
const BAND_ADJECTIVES = ['Midnight', 'Velvet', 'Paper', 'Electric', 'Silver', 'Hollow', 'Golden', 'Wild', 'Quiet', 'Crystal'];
const BAND_NOUNS = ['Ferns', 'Wolves', 'Satellites', 'Lanterns', 'Tides', 'Echoes', 'Pilots', 'Daydreams', 'Foxes', 'Parades'];
const LABEL_WORDS = ['Nightjar', 'Cobalt', 'Marea', 'Northbound', 'Saltwater', 'Bright Lane', 'Arcadia', 'Low Orbit', 'Redline', 'Sundial', 'Fuego', 'Halcyon', 'Polar', 'Westside', 'Tandem'];
const LABEL_SUFFIXES = ['Records', 'Music', 'Recordings', 'Sound', 'Music Group'];
const TITLE_WORDS_A = ['Night', 'Golden', 'Neon', 'Slow', 'Lost', 'Electric', 'Summer', 'Broken', 'Wild', 'Paper', 'Fading', 'Blue', 'Late', 'Silver', 'Burning'];
const TITLE_WORDS_B = ['Drive', 'Hearts', 'Motion', 'Signals', 'Fever', 'Lights', 'Waves', 'Echo', 'Satellite', 'Horizon', 'Gravity', 'Paradise', 'Rush', 'Mirage', 'Tides'];
const LATIN_TITLES = ['Contigo', 'Fuego Lento', 'Perreo Azul', 'Dime Que Sí', 'La Noche', 'Bailando Sola', 'Mi Verano', 'Corazón Frío', 'Otra Vez', 'Sin Ti', 'Playa Roja', 'Te Extraño'];
const VENDOR_PREFIXES = ['Nightshift', 'Bassline', 'Velvet', 'Neon', 'Urban', 'Sunset', 'Pulse', 'Wave', 'Golden Hour', 'Moonrise', 'Tropical', 'Echo', 'Club', 'Rooftop', 'Skyline', 'Afterhours'];
const VENDOR_SUFFIXES = ['Playlists', 'Music Group', 'Curators', 'Collective', 'Media', 'Sounds', 'Network', 'Promotions'];
const LISTENER_NAMES = ['marta', 'jdub', 'sofi.music', 'beatsbyalex', 'ruben_g', 'kaylee', 'dj tomas', 'lena', 'moodboard', 'chris p'];
const LISTENER_PLAYLISTS = ['my chill mix', 'gym 2025', 'roadtrip', 'songs for the bus', 'vibes', 'party pregame', 'study beats', 'favs', 'summer 25', 'late night drive'];

const PLAYLIST_DECORATIONS = ['2025', 'Vol. 2', 'Mix', 'Weekly', 'Hits', 'Essentials', 'Radio', 'Selection'];

/** Playlist names vendors run, by genre. */
const VENDOR_PLAYLIST_NAMES: Record<Genre, readonly string[]> = {
  dance: ['Dance Hits 2025', 'Club Bangers', 'House Party', 'Summer Dance Anthems', 'Deep House Sunset', 'Afro House Grooves', 'Dance Workout'],
  techno: ['Late Night Techno', 'Warehouse Techno', 'Berlin Underground', 'Peak Time Techno', 'Melodic Techno Journey', 'Hard Techno Rave'],
  latin: ['GYM - TEMAZOS MOTIVACION 2025', 'Reggaeton Hits', 'Latin Party', 'Perreo Intenso', 'Éxitos Latinos', 'Urbano Latino Fresh'],
  indie: ['Indie Chillout', 'Bedroom Pop', 'Fresh Indie Finds', 'Indie Roadtrip', 'Sad Indie Songs', 'Alt Indie Mix'],
  'hip-hop': ['Rap Workout', 'Trap Nation', 'Hip Hop Heat', 'Late Night Rap', 'Underground Rap', 'Drill Season'],
  pop: ['Pop Rising', 'Feel Good Pop', 'Top Pop Hits', 'Pop Party', 'Chill Pop Vibes', 'Viral Pop 2025'],
};

/** Spotify's own editorial playlists, by genre (curator "Spotify"). */
export const EDITORIAL_PLAYLISTS: Record<Genre, readonly string[]> = {
  dance: ['mint', 'Dance Rising'],
  techno: ['Techno Bunker', 'Housewerk'],
  latin: ['Viva Latino', 'Baila Reggaeton'],
  indie: ['Fresh Finds', 'All New Indie'],
  'hip-hop': ['RapCaviar', 'Most Necessary'],
  pop: ['New Music Friday', 'Pop Rising'],
};

export const SALESPEOPLE = ['Marta Ruiz', 'Jon Bell', 'Aisha Khan', 'Diego Torres'];

/** Hands out names that are unique (case-insensitively) within one seeded organisation. */
export class NameRegistry {
  private readonly used = new Set<string>();

  /** A fresh draw from `generate` when it repeats a name (a few tries), else the name numbered. */
  unique(generate: () => string, separator = ' '): string {
    let candidate = generate();
    for (let attempt = 0; attempt < 8 && this.used.has(candidate.toLowerCase()); attempt++) candidate = generate();
    let name = candidate;
    for (let number = 2; this.used.has(name.toLowerCase()); number++) name = `${candidate}${separator}${number}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function artistName(random: Random): string {
  return random.weighted<() => string>([
    [() => personName(random), 5],
    [() => random.pick(ALIASES), 3],
    [() => `The ${random.pick(BAND_ADJECTIVES)} ${random.pick(BAND_NOUNS)}`, 2],
  ])();
}

export function labelName(random: Random): string {
  return `${random.pick(LABEL_WORDS)} ${random.pick(LABEL_SUFFIXES)}`;
}

export function songTitle(random: Random, genre: Genre): string {
  if (genre === 'latin' && random.chance(0.8)) return random.pick(LATIN_TITLES);
  return `${random.pick(TITLE_WORDS_A)} ${random.pick(TITLE_WORDS_B)}`;
}

/** A vendor playlist name in the genre, sometimes decorated the way curators do ("Club Bangers Vol. 2"). */
export function vendorPlaylistName(random: Random, genre: Genre): string {
  const name = random.pick(VENDOR_PLAYLIST_NAMES[genre]);
  return random.chance(0.4) ? `${name} ${random.pick(PLAYLIST_DECORATIONS)}` : name;
}

export function vendorName(random: Random): string {
  return `${random.pick(VENDOR_PREFIXES)} ${random.pick(VENDOR_SUFFIXES)}`;
}

/** A listener's own playlist that happened to add the song (never registered with a vendor). */
export function listenerPlaylist(random: Random): { name: string; curator: string } {
  return { name: random.pick(LISTENER_PLAYLISTS), curator: random.pick(LISTENER_NAMES) };
}

/** `Luna Vega` → `luna-vega` (for campaign keys, e-mail domains and file names). */
export function kebab(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
