import type { CreatorNetwork } from '../generated/prisma/enums.ts';
import type { CreatorKind, Persona } from './creators-personas.ts';
import type { Random } from './random.ts';

/**
 * Captions, post links and audiences for the demo's creators: captions name genres, trends and
 * songs (in the creator's language), so searching by words finds the right people.
 */

type Family = 'latin' | 'brazil' | 'afro' | 'asia' | 'electronic' | 'hiphop' | 'indie' | 'pop';

/** Fictional songs and artists each genre family's creators post about. */
const SONGS: Record<Family, Array<[string, string]>> = {
  latin: [['Perreo en la Luna', 'Nena Santos'], ['Calle Ocho', 'Los Rayos'], ['Baile Eterno', 'Kamilo'], ['Tú y Yo en Tulum', 'Dani Flow'], ['Corridos de Neón', 'Grupo Alba']],
  brazil: [['Passinho do Verão', 'MC Lume'], ['Baile da Favela Azul', 'DJ Tatu'], ['Saudade Boa', 'Clara Nunes Jr'], ['Modão de Domingo', 'Irmãos Prado'], ['Beira-Mar', 'Lia Sol']],
  afro: [['Lagos Nights', 'Tems Ade'], ['Log Drum Therapy', 'Kabza Mo'], ['Jollof Summer', 'Burna Kid'], ['Soweto Sunset', 'Nkosi Deep']],
  asia: [['Starlight Comeback', 'LUMEN9'], ['Neon Tokyo', 'Aki & Yuna'], ['Monsoon Heart', 'Rhea Kapoor'], ['Paper Moon', 'SEVENTH WAVE']],
  electronic: [['Warehouse 03', 'Kessel'], ['Afterglow Protocol', 'Maren Voss'], ['Italo Dreams', 'Ferro & Luce'], ['Rain on Glass', 'Lowfield']],
  hiphop: [['No Ceilings', 'Jay Carter'], ['Block Party 2026', 'Lil Verse'], ['Gold Teeth Gospel', 'Marcel King'], ['Night Shift', 'Kofi Blaze']],
  indie: [['Paper Planes in June', 'The Quiet Hours'], ['Soft Static', 'Juniper Lane'], ['Polaroid Summer', 'Fern & Fable'], ['Glasshouse', 'Vera Hale']],
  pop: [['Golden Hour Again', 'Mia Rivers'], ['Heartbeat Delivery', 'Noah Lane'], ['Sugar Rush City', 'Skye'], ['Midnight Bloom', 'Luna Vega']],
};

const TRENDS = ['#SpedUpChallenge', '#SlowMoDance', '#POVChallenge', 'the mirror transition trend', '#DuetThis', '#GRWM', 'the one-take challenge', '#OutfitCheck'];

export function familyOf(genres: readonly string[]): Family {
  const text = genres.join(' ');
  if (/reggaeton|latin|dembow|urbano|salsa|cumbia|corridos|regional|flamenco|guaracha/.test(text)) return 'latin';
  if (/funk brasileiro|sertanejo|mpb|forró|axé|bossa|fado/.test(text)) return 'brazil';
  if (/afro|amapiano|gqom|alté|raï/.test(text)) return 'afro';
  if (/k-pop|j-pop|anime|bollywood|indian|city pop/.test(text)) return 'asia';
  if (/techno|house|electronic|trance|ambient|lo-fi|chillhop|italo|synth/.test(text)) return 'electronic';
  if (/hip-hop|trap|rap|drill|r&b|gospel|soul/.test(text)) return 'hiphop';
  if (/indie|folk|shoegaze|dream|bedroom|garage|jazz|rock/.test(text)) return 'indie';
  return 'pop';
}

type Template = (words: { song: string; artist: string; genre: string; tag: string; trend: string; niche: string }) => string;

const EN: Record<CreatorKind, Template[]> = {
  dance: [
    (w) => `New choreo to ${w.song} by ${w.artist} 💃 who's learning it this weekend? #${w.tag} #dancechallenge`,
    (w) => `${w.trend} but make it ${w.genre} 🔥`,
    (w) => `Tutorial: the hook of ${w.song}, slowed down step by step #${w.tag} #dancetutorial`,
    (w) => `Freestyle to ${w.artist} in the street, tag someone who'd join 🕺 #${w.tag}`,
  ],
  review: [
    (w) => `Reviewing ${w.artist}'s new ${w.genre} record: is ${w.song} the song of the year?`,
    (w) => `First listen: ${w.song} by ${w.artist} (honest reaction)`,
    (w) => `Top 10 ${w.genre} songs this month, ranked. ${w.song} is not number one.`,
    (w) => `Why ${w.genre} is everywhere right now: the producers, the sounds, the ${w.niche}`,
  ],
  curator: [
    (w) => `This week's ${w.genre} picks 🎧 ${w.song} by ${w.artist} on repeat #${w.tag} #newmusic`,
    (w) => `Songs for a slow Sunday: ${w.genre}, coffee and ${w.song} ☕️`,
    (w) => `Underrated ${w.genre} artists you should know: starting with ${w.artist}`,
    (w) => `${w.trend} with my playlist of the month (${w.song} first)`,
  ],
  stream: [
    (w) => `LIVE: making a ${w.genre} beat from scratch, then flipping ${w.song} 🎹`,
    (w) => `Stream highlight: chat made me react to ${w.artist} for an hour #${w.tag}`,
    (w) => `Music Monday: you sent 300 songs, these ${w.genre} ones were the best`,
    (w) => `Clip: the ${w.song} drop broke the stream 😂`,
  ],
  business: [
    (w) => `What a ${w.genre} release campaign looks like in 2026: budgets, playlists and creators. A thread from the ${w.niche} side.`,
    (w) => `${w.song} by ${w.artist}: how a song from a small label reached 10 million streams in six weeks.`,
    (w) => `Streaming payouts explained without the jargon: what ${w.genre} artists really earn per stream.`,
    (w) => `Three lessons on ${w.niche} from this year's releases. Creators beat radio for ${w.genre} launches.`,
  ],
  covers: [
    (w) => `Acoustic cover of ${w.song} by ${w.artist} 🎶 should I record the full version? #cover #${w.tag}`,
    (w) => `${w.song} but it's a ${w.genre} ballad`,
    (w) => `Piano/vocal version of ${w.song}, one take #${w.tag}`,
    (w) => `You asked for more ${w.genre}: here's ${w.artist}'s ${w.song} in my kitchen`,
  ],
  comedy: [
    (w) => `When the ${w.genre} drop hits at the worst moment 😂 (${w.song})`,
    (w) => `POV: your friend gets the aux and plays ${w.song} for the fifth time`,
    (w) => `Lip sync battle: me vs ${w.artist} 🎤 #${w.tag} #comedy`,
    (w) => `${w.trend} gone wrong, part 3`,
  ],
  dj: [
    (w) => `Dropped ${w.song} at 3am and the room lost it 🔊 #${w.tag} #djset`,
    (w) => `Full ${w.genre} set from last Saturday, tracklist in comments (${w.artist} edit at 42:10)`,
    (w) => `Mixing ${w.song} into a ${w.genre} classic, did it work? #${w.tag}`,
    (w) => `My ${w.genre} edit of ${w.song} 🎛️ free download Friday`,
  ],
};

const ES: Partial<Record<CreatorKind, Template[]>> = {
  dance: [
    (w) => `Coreografía nueva con ${w.song} de ${w.artist} 🔥 ¿quién se anima? #${w.tag} #baile`,
    (w) => `Reto de baile: ${w.song} en cámara lenta 💃 #${w.tag} #retodebaile`,
    (w) => `Tutorial del paso de ${w.song}, fácil y rápido #${w.tag}`,
    (w) => `${w.trend} pero con ${w.genre} 🇲🇽`,
  ],
  review: [
    (w) => `Reseña: lo nuevo de ${w.artist}, ¿${w.song} es el hit del año? #${w.tag}`,
    (w) => `Reacciono a ${w.song} de ${w.artist} por primera vez 😱`,
    (w) => `Top 10 canciones de ${w.genre} del mes, sin filtro`,
    (w) => `Así se hizo ${w.song}: el beat, la voz y el ${w.genre} que lo cambió todo`,
  ],
  curator: [
    (w) => `Mi playlist de la semana 🎧 ${w.song} de ${w.artist} no sale de mi cabeza #${w.tag}`,
    (w) => `Temas de ${w.genre} que van a pegar este mes (guárdalo) ✨`,
    (w) => `Outfit + canción: hoy toca ${w.song} 💛`,
  ],
  stream: [
    (w) => `EN VIVO: haciendo un beat de ${w.genre} desde cero 🎹 inspirado en ${w.song}`,
    (w) => `Tutorial: cómo sonar como ${w.artist} en FL Studio #${w.tag}`,
  ],
  dj: [
    (w) => `Puse ${w.song} a las 3am y la pista explotó 🔊 #${w.tag}`,
    (w) => `Set completo de ${w.genre} del sábado, tracklist en comentarios`,
  ],
  comedy: [
    (w) => `Cuando suena ${w.song} en la boda y tu tía se viene arriba 😂 #${w.tag}`,
    (w) => `Playback: yo cantando ${w.song} de ${w.artist} a las 7 de la mañana`,
  ],
  business: [
    (w) => `Cómo lanzar un single de ${w.genre} en México con creadores de TikTok: presupuesto, calendario y resultados.`,
    (w) => `${w.song} de ${w.artist}: por qué funcionó la campaña con creadores y qué haría distinto.`,
  ],
};

const PT: Partial<Record<CreatorKind, Template[]>> = {
  dance: [
    (w) => `Coreografia nova de ${w.song} do ${w.artist} 💃 marca quem dança comigo #${w.tag} #dança`,
    (w) => `Desafio do passinho com ${w.song} 🔥 #${w.tag} #desafio`,
    (w) => `Tutorial rápido do ${w.genre}: ${w.song} passo a passo`,
    (w) => `${w.trend} versão ${w.genre} 🇧🇷`,
  ],
  curator: [
    (w) => `Playlist da sexta 🎧 ${w.song} de ${w.artist} e mais ${w.genre} pra ouvir no fim de semana #${w.tag}`,
    (w) => `Artistas de ${w.genre} que você precisa conhecer: começando por ${w.artist}`,
  ],
  stream: [
    (w) => `Live de hoje: react de clipe e ${w.song} no talo 🎮 #${w.tag}`,
    (w) => `Melhores momentos da live: o chat pediu ${w.genre} e eu atendi`,
  ],
  covers: [
    (w) => `Cantando ${w.song} do ${w.artist} pra família 🎤 #${w.tag}`,
    (w) => `Modão de domingo: ${w.song} em versão ${w.genre}`,
  ],
};

const FR: Partial<Record<CreatorKind, Template[]>> = {
  curator: [
    (w) => `La playlist du dimanche 🎧 ${w.song} de ${w.artist} en boucle #${w.tag}`,
    (w) => `Mes coups de cœur ${w.genre} du mois, à sauvegarder ✨`,
  ],
  dance: [
    (w) => `Nouvelle choré sur ${w.song} de ${w.artist} 💫 qui la tente ? #${w.tag} #danse`,
    (w) => `Tuto danse ${w.genre} : le refrain de ${w.song} au ralenti`,
  ],
  covers: [(w) => `Reprise de ${w.song} (${w.artist}) en version ${w.genre} 🎤 #${w.tag}`],
};

function templatesFor(persona: Persona): Template[] {
  const language = persona.languages[0];
  const local = language === 'es' ? ES[persona.kind] : language === 'pt' ? PT[persona.kind] : language === 'fr' ? FR[persona.kind] : undefined;
  return local?.length ? local : EN[persona.kind];
}

/** A caption the persona would write, in their language, about one of their genres. */
export function caption(random: Random, persona: Persona): string {
  const genre = random.pick(persona.genres.length ? persona.genres : ['pop']);
  const [song, artist] = random.pick(SONGS[familyOf([genre])]);
  const words = { song, artist, genre, tag: genre.replace(/[^a-z0-9]+/gi, ''), trend: random.pick(TRENDS), niche: random.pick(persona.niches) };
  return random.pick(templatesFor(persona))(words);
}

/** The format a post on this network usually is. */
export function formatOf(random: Random, network: CreatorNetwork, kind: CreatorKind): string {
  switch (network) {
    case 'TIKTOK': return 'video';
    case 'INSTAGRAM': return random.pick(['reel', 'reel', 'post', 'story']);
    case 'YOUTUBE': return kind === 'review' || kind === 'covers' ? random.pick(['video', 'video', 'short']) : random.pick(['video', 'short']);
    case 'TWITCH': return 'live';
    case 'LINKEDIN': return 'post';
    case 'TWITTER': return 'post';
    case 'FACEBOOK': return 'video';
    case 'PINTEREST': return 'pin';
    case 'SNAPCHAT': return 'story';
  }
}

const DIGITS = '0123456789';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function draw(random: Random, alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(random.next() * alphabet.length)];
  return text;
}

/** A profile link in the network's own shape. */
export function profileUrl(network: CreatorNetwork, handle: string): string {
  const plain = handle.replace(/\./g, '');
  switch (network) {
    case 'TIKTOK': return `https://www.tiktok.com/@${handle}`;
    case 'INSTAGRAM': return `https://www.instagram.com/${handle}/`;
    case 'YOUTUBE': return `https://www.youtube.com/@${plain}`;
    case 'TWITCH': return `https://www.twitch.tv/${plain}`;
    case 'LINKEDIN': return `https://www.linkedin.com/in/${plain}`;
    case 'TWITTER': return `https://x.com/${plain}`;
    case 'FACEBOOK': return `https://www.facebook.com/${plain}`;
    case 'PINTEREST': return `https://www.pinterest.com/${plain}/`;
    case 'SNAPCHAT': return `https://www.snapchat.com/add/${plain}`;
  }
}

/** A post link in the network's own shape, with a random (deterministic) post id. */
export function postUrl(random: Random, network: CreatorNetwork, handle: string, format: string): string {
  const plain = handle.replace(/\./g, '');
  switch (network) {
    case 'TIKTOK': return `https://www.tiktok.com/@${handle}/video/7${draw(random, DIGITS, 18)}`;
    case 'INSTAGRAM': return `https://www.instagram.com/${format === 'reel' ? 'reel' : 'p'}/${draw(random, URL_SAFE.slice(0, 62), 11)}/`;
    case 'YOUTUBE': return format === 'short' ? `https://www.youtube.com/shorts/${draw(random, URL_SAFE, 11)}` : `https://www.youtube.com/watch?v=${draw(random, URL_SAFE, 11)}`;
    case 'TWITCH': return `https://www.twitch.tv/videos/2${draw(random, DIGITS, 9)}`;
    case 'LINKEDIN': return `https://www.linkedin.com/posts/${plain}_activity-7${draw(random, DIGITS, 18)}`;
    case 'TWITTER': return `https://x.com/${plain}/status/1${draw(random, DIGITS, 18)}`;
    case 'FACEBOOK': return `https://www.facebook.com/${plain}/videos/${draw(random, DIGITS, 15)}`;
    case 'PINTEREST': return `https://www.pinterest.com/pin/${draw(random, DIGITS, 18)}/`;
    case 'SNAPCHAT': return `https://www.snapchat.com/spotlight/${draw(random, URL_SAFE.slice(0, 62), 24)}`;
  }
}

/** A Phyllo-style id (a UUID) drawn from the seeded stream. */
export function phylloId(random: Random): string {
  const hex = draw(random, '0123456789abcdef', 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

// ───────────── audiences ─────────────

export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45+'] as const;

const AGE_PROFILE: Record<CreatorNetwork, number[]> = {
  TIKTOK: [0.16, 0.41, 0.27, 0.11, 0.05],
  INSTAGRAM: [0.07, 0.33, 0.34, 0.16, 0.1],
  YOUTUBE: [0.08, 0.3, 0.32, 0.17, 0.13],
  TWITCH: [0.1, 0.45, 0.32, 0.1, 0.03],
  LINKEDIN: [0, 0.12, 0.42, 0.28, 0.18],
  TWITTER: [0.04, 0.28, 0.35, 0.19, 0.14],
  FACEBOOK: [0.02, 0.12, 0.24, 0.27, 0.35],
  SNAPCHAT: [0.28, 0.44, 0.18, 0.07, 0.03],
  PINTEREST: [0.05, 0.3, 0.33, 0.18, 0.14],
};

/** Where a country's creators' audiences also live, nearest first. */
const NEIGHBOURS: Record<string, string[]> = {
  BR: ['PT', 'US', 'AR', 'AO', 'JP'], MX: ['US', 'CO', 'ES', 'GT', 'AR'], CO: ['MX', 'US', 'VE', 'ES', 'PE'], AR: ['UY', 'CL', 'ES', 'MX', 'US'],
  ES: ['MX', 'AR', 'CO', 'US', 'FR'], US: ['CA', 'GB', 'MX', 'AU', 'PH'], CA: ['US', 'GB', 'FR', 'AU', 'IN'], GB: ['US', 'IE', 'AU', 'CA', 'NG'],
  IE: ['GB', 'US', 'AU', 'CA', 'NZ'], AU: ['NZ', 'US', 'GB', 'PH', 'CA'], FR: ['BE', 'CH', 'CA', 'MA', 'SN'], DE: ['AT', 'CH', 'NL', 'TR', 'PL'],
  NL: ['BE', 'DE', 'GB', 'US', 'FR'], SE: ['NO', 'DK', 'FI', 'DE', 'GB'], DK: ['SE', 'NO', 'DE', 'GB', 'US'], IT: ['CH', 'DE', 'FR', 'ES', 'US'],
  PT: ['BR', 'FR', 'ES', 'GB', 'AO'], NG: ['GH', 'GB', 'US', 'ZA', 'KE'], ZA: ['NG', 'GB', 'BW', 'ZW', 'US'], MA: ['FR', 'DZ', 'BE', 'ES', 'TN'],
  KR: ['US', 'PH', 'ID', 'JP', 'BR'], JP: ['US', 'TW', 'KR', 'TH', 'PH'], IN: ['US', 'AE', 'GB', 'CA', 'NP'], SG: ['MY', 'PH', 'ID', 'US', 'AU'],
};

const CITIES: Record<string, string[]> = {
  BR: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Recife'], MX: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla'], CO: ['Bogotá', 'Medellín', 'Cali'],
  AR: ['Buenos Aires', 'Córdoba', 'Rosario'], ES: ['Madrid', 'Barcelona', 'Sevilla', 'Valencia'], US: ['Los Angeles', 'New York', 'Houston', 'Chicago', 'Miami'],
  CA: ['Toronto', 'Vancouver', 'Montreal'], GB: ['London', 'Manchester', 'Birmingham', 'Bristol'], IE: ['Dublin', 'Cork'], AU: ['Sydney', 'Melbourne', 'Brisbane'],
  FR: ['Paris', 'Lyon', 'Marseille'], DE: ['Berlin', 'Hamburg', 'Köln', 'München'], NL: ['Amsterdam', 'Rotterdam', 'Utrecht'], SE: ['Stockholm', 'Göteborg', 'Malmö'],
  DK: ['København', 'Aarhus'], IT: ['Milano', 'Roma', 'Torino'], PT: ['Lisboa', 'Porto'], NG: ['Lagos', 'Abuja', 'Ibadan'], ZA: ['Johannesburg', 'Cape Town', 'Durban'],
  MA: ['Casablanca', 'Rabat', 'Marrakech'], KR: ['Seoul', 'Busan'], JP: ['Tokyo', 'Osaka'], IN: ['Mumbai', 'Delhi', 'Bengaluru'], SG: ['Singapore'],
};

export interface Slice {
  dimension: 'AGE' | 'GENDER' | 'COUNTRY' | 'CITY';
  value: string;
  share: number;
}

/** Shares that add up to `total` at most (rounded down to 5 decimals, the column's scale). */
function shares(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((weight / sum) * total * 100_000) / 100_000);
}

/** A platform's audience: age bands, gender, the top countries and cities (each dimension sums to 1 at most). */
export function audience(random: Random, persona: Persona, network: CreatorNetwork): Slice[] {
  const slices: Slice[] = [];
  const ages = shares(AGE_PROFILE[network].map((share) => share * random.noise(0.3)), 1);
  AGE_BANDS.forEach((band, index) => { if (ages[index]! > 0) slices.push({ dimension: 'AGE', value: band, share: ages[index]! }); });
  const female = persona.kind === 'dance' || persona.kind === 'curator' ? random.float(0.52, 0.74) : persona.kind === 'stream' || persona.kind === 'review' ? random.float(0.25, 0.48) : random.float(0.38, 0.6);
  const f = Math.floor(female * 100_000) / 100_000;
  const o = Math.floor(random.float(0.005, 0.03) * 100_000) / 100_000;
  slices.push({ dimension: 'GENDER', value: 'female', share: f }, { dimension: 'GENDER', value: 'male', share: Math.floor((1 - f - o) * 100_000) / 100_000 }, { dimension: 'GENDER', value: 'other', share: o });
  const global = persona.kind === 'business' || persona.languages[0] === 'en';
  const home = global && persona.country !== 'NG' ? random.float(0.32, 0.55) : random.float(0.5, 0.78);
  const neighbours = NEIGHBOURS[persona.country] ?? ['US', 'GB', 'DE', 'FR', 'BR'];
  const rest = shares(neighbours.map((_, index) => (5 - index) * random.noise(0.3)), (1 - home) * random.float(0.7, 0.9));
  const countries: Array<[string, number]> = [[persona.country, Math.floor(home * 100_000) / 100_000], ...neighbours.map((code, index): [string, number] => [code, rest[index]!])];
  countries.sort((a, b) => b[1] - a[1]);
  for (const [code, share] of countries) slices.push({ dimension: 'COUNTRY', value: code, share });
  for (const [code, share] of countries.slice(0, 3)) {
    const cities = CITIES[code] ?? [];
    const picked = code === persona.country ? cities.slice(0, 3) : cities.slice(0, 1);
    const cityShares = shares(picked.map((_, index) => (picked.length - index) * random.noise(0.2)), share * random.float(0.35, 0.6));
    picked.forEach((city, index) => slices.push({ dimension: 'CITY', value: `${city}, ${code}`, share: cityShares[index]! }));
  }
  return slices;
}
