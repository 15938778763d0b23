import type { CreatorNetwork } from '../generated/prisma/enums.ts';

/**
 * The demo's creators, written by hand so search has something real to understand: dancers on
 * TikTok, reviewers on YouTube, curators on Instagram, streamers on Twitch and a few music-business
 * voices on LinkedIn, across countries and languages. Figures (followers) are the latest; history,
 * audiences and content are generated around them.
 */

/** What a creator makes, which picks the caption templates and the contact's title. */
export type CreatorKind = 'dance' | 'review' | 'curator' | 'stream' | 'business' | 'covers' | 'comedy' | 'dj';

/** rising: 2-5% more followers a week; steady: about 0.5%; declining: losing about 1.5% a week. */
export type Trend = 'rising' | 'steady' | 'declining';

export interface Persona {
  name: string;
  handle: string;
  country: string;
  languages: string[];
  kind: CreatorKind;
  niches: string[];
  genres: string[];
  bio: string;
  /** The main network first, with its followers today; then others. */
  platforms: Array<[CreatorNetwork, number]>;
  trend: Trend;
  /** A company the contact works at or is represented by (a CRM company's name). */
  company?: string;
  /** Signed exclusively with the agency. */
  exclusive?: boolean;
  /** The main platform is connected through Phyllo (figures synced, never typed). */
  phyllo?: boolean;
  /** A note the agency keeps. */
  notes?: string;
}

/** Talent agencies the demo works with (companies added with the creators). */
export const CREATOR_AGENCIES = [
  { name: 'Pulse Talent Agency', domain: 'pulsetalent.example', city: 'Los Angeles', country: 'US', size: '11-50' },
  { name: 'Onda Creators', domain: 'ondacreators.example', city: 'Ciudad de México', country: 'MX', size: '11-50' },
  { name: 'Nuvem Talentos', domain: 'nuvemtalentos.example', city: 'São Paulo', country: 'BR', size: '2-10' },
] as const;

export const PERSONAS: Persona[] = [
  // Brazil: TikTok dancers and more.
  { name: 'Larissa Menezes', handle: 'lari.dancebr', country: 'BR', languages: ['pt'], kind: 'dance', niches: ['dance', 'choreography'], genres: ['funk brasileiro', 'pop'], bio: 'Coreógrafa de São Paulo 💃 funk, pop e muito passinho. Parcerias: contato na bio', platforms: [['TIKTOK', 1_240_000], ['INSTAGRAM', 310_000]], trend: 'rising', company: 'Nuvem Talentos', exclusive: true, phyllo: true },
  { name: 'Thiago Rocha', handle: 'thiagomoves', country: 'BR', languages: ['pt', 'en'], kind: 'dance', niches: ['dance', 'street dance'], genres: ['funk brasileiro', 'hip-hop'], bio: 'Dancer from Rio 🇧🇷 street, funk and hip-hop choreo. Teaching the world to passinho.', platforms: [['TIKTOK', 342_000], ['YOUTUBE', 41_000]], trend: 'rising', company: 'Nuvem Talentos' },
  { name: 'Bia Fontes', handle: 'biafontes', country: 'BR', languages: ['pt'], kind: 'dance', niches: ['dance', 'fitness'], genres: ['funk brasileiro', 'axé'], bio: 'Dança + treino em casa 🔥 aulas de funk fitness toda segunda', platforms: [['TIKTOK', 86_000]], trend: 'rising' },
  { name: 'Duda & Caio', handle: 'dudaecaio', country: 'BR', languages: ['pt'], kind: 'dance', niches: ['dance', 'couples', 'comedy'], genres: ['funk brasileiro', 'sertanejo', 'pop'], bio: 'Casal que dança tudo 💑 trends, desafios e muita risada', platforms: [['TIKTOK', 2_150_000], ['INSTAGRAM', 890_000], ['YOUTUBE', 120_000]], trend: 'steady', company: 'Nuvem Talentos', phyllo: true },
  { name: 'Rafa Lima', handle: 'rafalimadance', country: 'BR', languages: ['pt'], kind: 'dance', niches: ['dance', 'trends'], genres: ['funk brasileiro', 'reggaeton'], bio: 'Passinho, funk e reggaeton. Recife ➡️ o mundo', platforms: [['TIKTOK', 154_000]], trend: 'rising' },
  { name: 'Júlia Prado', handle: 'juliaprado.dance', country: 'BR', languages: ['pt'], kind: 'dance', niches: ['dance', 'ballet'], genres: ['pop', 'mpb'], bio: 'Bailarina clássica dançando pop 🩰 Belo Horizonte', platforms: [['TIKTOK', 48_000], ['INSTAGRAM', 22_000]], trend: 'steady' },
  { name: 'Gabriel Souza', handle: 'gabrielsouza.playlists', country: 'BR', languages: ['pt'], kind: 'curator', niches: ['playlists', 'music discovery'], genres: ['mpb', 'indie', 'bossa nova'], bio: 'Curadoria de MPB e indie brasileiro 🎧 playlists novas toda sexta', platforms: [['INSTAGRAM', 192_000], ['TIKTOK', 64_000]], trend: 'steady' },
  { name: 'Rico Alves', handle: 'ricoalves', country: 'BR', languages: ['pt'], kind: 'stream', niches: ['gaming', 'music reactions'], genres: ['funk brasileiro', 'trap'], bio: 'Live todo dia 20h 🎮 games, react de clipe e resenha', platforms: [['TWITCH', 421_000], ['YOUTUBE', 260_000]], trend: 'steady', phyllo: true },
  { name: 'Dona Célia', handle: 'donacelia.sertaneja', country: 'BR', languages: ['pt'], kind: 'covers', niches: ['covers', 'family'], genres: ['sertanejo', 'forró'], bio: 'Vó cantora 👵🎤 modão sertanejo e forró pra família toda', platforms: [['FACEBOOK', 1_420_000], ['INSTAGRAM', 210_000]], trend: 'steady' },

  // Mexico, Colombia, Argentina, Spain: Spanish-language urbano and more.
  { name: 'Valeria Cruz', handle: 'valecruzmx', country: 'MX', languages: ['es'], kind: 'dance', niches: ['dance', 'trends'], genres: ['reggaeton', 'latin pop'], bio: 'Bailo todo lo que suena 🔥 reggaetón y perreo desde CDMX. Colabs: DM', platforms: [['TIKTOK', 784_000], ['INSTAGRAM', 205_000]], trend: 'rising', company: 'Onda Creators', exclusive: true, phyllo: true },
  { name: 'Sofía Ramírez', handle: 'sofiaramirezbaila', country: 'MX', languages: ['es', 'en'], kind: 'dance', niches: ['dance', 'challenges'], genres: ['reggaeton', 'dembow', 'latin pop'], bio: 'Guadalajara 🇲🇽 retos de baile, reggaetón y dembow. Si suena, se baila 💃', platforms: [['TIKTOK', 1_530_000], ['YOUTUBE', 96_000]], trend: 'rising', company: 'Onda Creators', phyllo: true },
  { name: 'Luis Herrera', handle: 'elprofeurbano', country: 'MX', languages: ['es'], kind: 'review', niches: ['music reviews', 'reactions'], genres: ['reggaeton', 'trap latino', 'corridos tumbados'], bio: 'El Profe Urbano 🎓 reseñas y reacciones de música urbana. Nuevo video cada martes y viernes', platforms: [['YOUTUBE', 1_120_000], ['TIKTOK', 380_000]], trend: 'steady', company: 'Onda Creators' },
  { name: 'Diego Salas', handle: 'diegosalasmx', country: 'MX', languages: ['es'], kind: 'review', niches: ['reactions', 'music news'], genres: ['reggaeton', 'regional mexicano'], bio: 'Reacciono a los estrenos antes que nadie 👀 urbano y regional mexicano', platforms: [['YOUTUBE', 418_000], ['INSTAGRAM', 52_000]], trend: 'steady' },
  { name: 'Mariana Torres', handle: 'marianatorres.mx', country: 'MX', languages: ['es'], kind: 'curator', niches: ['fashion', 'lifestyle', 'playlists'], genres: ['latin pop', 'reggaeton'], bio: 'Moda, café y la playlist perfecta ☕️🎶 Monterrey', platforms: [['INSTAGRAM', 58_000], ['TIKTOK', 21_000]], trend: 'steady' },
  { name: 'Camila Ortega', handle: 'camiortega', country: 'CO', languages: ['es'], kind: 'curator', niches: ['music discovery', 'lifestyle'], genres: ['reggaeton', 'urbano', 'salsa'], bio: 'Medellín 💛 descubro los temas antes de que peguen. Reggaetón, salsa y buena vibra', platforms: [['INSTAGRAM', 262_000], ['TIKTOK', 140_000]], trend: 'rising' },
  { name: 'Andrés Peña', handle: 'andrespena.beats', country: 'AR', languages: ['es'], kind: 'stream', niches: ['beatmaking', 'production'], genres: ['trap latino', 'reggaeton', 'cumbia'], bio: 'Productor en Buenos Aires 🎹 hago beats en vivo, tutoriales de FL Studio', platforms: [['TIKTOK', 95_000], ['TWITCH', 31_000]], trend: 'rising' },
  { name: 'Lucía Fernández', handle: 'luciafdz.baila', country: 'ES', languages: ['es'], kind: 'dance', niches: ['dance', 'flamenco'], genres: ['flamenco pop', 'reggaeton', 'pop'], bio: 'Sevilla 💃 flamenco con un toque urbano. Clases online', platforms: [['TIKTOK', 331_000], ['INSTAGRAM', 118_000]], trend: 'steady' },
  { name: 'Pablo Ibáñez', handle: 'pabloibanez', country: 'ES', languages: ['es'], kind: 'review', niches: ['production', 'tutorials'], genres: ['reggaeton', 'electronic'], bio: 'Productor y profe 🎛️ cómo se hizo cada hit, explicado en 10 minutos', platforms: [['YOUTUBE', 231_000]], trend: 'steady' },
  { name: 'Nerea Gil', handle: 'nereagil', country: 'ES', languages: ['es', 'en'], kind: 'comedy', niches: ['comedy', 'lip sync'], genres: ['pop', 'reggaeton'], bio: 'Humor y playback 🤪 Madrid. Si no te ríes, te devuelvo el scroll', platforms: [['TIKTOK', 912_000], ['INSTAGRAM', 240_000]], trend: 'declining' },
  { name: 'Mateo Ríos', handle: 'mateorios.dj', country: 'CO', languages: ['es'], kind: 'dj', niches: ['dj sets', 'nightlife'], genres: ['reggaeton', 'afro house', 'guaracha'], bio: 'DJ en Bogotá 🎧 guaracha, afro house y perreo hasta el amanecer', platforms: [['INSTAGRAM', 74_000], ['TIKTOK', 126_000]], trend: 'rising' },

  // United States, Canada, United Kingdom, Ireland, Australia: English-speaking.
  { name: 'Tyler Brooks', handle: 'tylerbrooks', country: 'US', languages: ['en'], kind: 'dance', niches: ['dance', 'trends', 'comedy'], genres: ['pop', 'hip-hop'], bio: 'just a guy who learns every dance trend first 🕺 LA', platforms: [['TIKTOK', 4_980_000], ['INSTAGRAM', 1_600_000], ['YOUTUBE', 740_000]], trend: 'steady', company: 'Pulse Talent Agency', exclusive: true, phyllo: true },
  { name: 'Marcus Bell', handle: 'marcusbellreviews', country: 'US', languages: ['en'], kind: 'review', niches: ['album reviews', 'music criticism'], genres: ['hip-hop', 'r&b'], bio: 'Album reviews with no label money in them. Hip-hop and R&B, every Friday.', platforms: [['YOUTUBE', 2_380_000], ['TWITTER', 410_000]], trend: 'steady', phyllo: true },
  { name: 'Jonah Reed', handle: 'jonahreedmusic', country: 'US', languages: ['en'], kind: 'review', niches: ['reactions', 'pop culture'], genres: ['pop', 'indie pop'], bio: 'First-listen reactions to pop releases 🎧 Nashville', platforms: [['YOUTUBE', 887_000], ['TIKTOK', 520_000]], trend: 'rising', company: 'Pulse Talent Agency' },
  { name: 'Chloe Adams', handle: 'chloeadams.style', country: 'US', languages: ['en'], kind: 'curator', niches: ['lifestyle', 'fashion', 'playlists'], genres: ['pop', 'indie pop'], bio: 'outfits + the songs that go with them ✨ NYC', platforms: [['INSTAGRAM', 1_080_000], ['PINTEREST', 160_000], ['TIKTOK', 430_000]], trend: 'steady', company: 'Pulse Talent Agency', phyllo: true },
  { name: 'Maya Cohen', handle: 'mayacohenmusic', country: 'US', languages: ['en'], kind: 'curator', niches: ['music discovery', 'indie'], genres: ['indie', 'folk', 'bedroom pop'], bio: 'Finding your next favourite indie artist before the algorithm does.', platforms: [['INSTAGRAM', 26_000], ['TIKTOK', 14_000]], trend: 'rising' },
  { name: 'Ava Brooks', handle: 'avabrookslive', country: 'US', languages: ['en'], kind: 'stream', niches: ['variety streaming', 'music reactions'], genres: ['pop', 'k-pop', 'hip-hop'], bio: 'variety streamer 💜 music Mondays: send me your songs', platforms: [['TWITCH', 752_000], ['YOUTUBE', 330_000], ['TIKTOK', 610_000]], trend: 'steady', phyllo: true },
  { name: 'Sam Ortiz', handle: 'samortizbeats', country: 'US', languages: ['en', 'es'], kind: 'stream', niches: ['beatmaking', 'production'], genres: ['hip-hop', 'lo-fi', 'trap'], bio: 'Making beats live until someone raps on them 🎹 Houston', platforms: [['TWITCH', 60_000], ['YOUTUBE', 88_000]], trend: 'rising' },
  { name: 'Kai Nakamura', handle: 'kainakamura', country: 'US', languages: ['en', 'ja'], kind: 'stream', niches: ['production', 'synths', 'gear'], genres: ['electronic', 'house', 'city pop'], bio: 'Producer streaming studio sessions. Synths, sampling, city pop flips.', platforms: [['TWITCH', 310_000], ['YOUTUBE', 215_000]], trend: 'steady' },
  { name: 'Jordan Miles', handle: 'jordanmiles', country: 'US', languages: ['en'], kind: 'comedy', niches: ['comedy', 'skits'], genres: ['hip-hop', 'pop'], bio: 'skits about being the friend with the aux cord 😂', platforms: [['SNAPCHAT', 610_000], ['TIKTOK', 1_900_000]], trend: 'steady' },
  { name: 'Ruby Chen', handle: 'rubychenpiano', country: 'CA', languages: ['en', 'zh'], kind: 'covers', niches: ['covers', 'piano'], genres: ['pop', 'classical', 'anime'], bio: 'Piano covers of songs you love 🎹 Toronto. Sheet music on my site.', platforms: [['YOUTUBE', 540_000], ['INSTAGRAM', 150_000]], trend: 'steady' },
  { name: 'Priya Shah', handle: 'priyalistens', country: 'GB', languages: ['en', 'hi'], kind: 'review', niches: ['album reviews', 'indie'], genres: ['indie', 'alt-pop', 'shoegaze'], bio: 'London. Long-form reviews of indie and alternative records, no hot takes.', platforms: [['YOUTUBE', 309_000], ['INSTAGRAM', 47_000]], trend: 'rising' },
  { name: 'Ollie Grant', handle: 'olliegrantgear', country: 'GB', languages: ['en'], kind: 'review', niches: ['headphones', 'audio gear', 'tech reviews'], genres: ['electronic', 'indie'], bio: 'Headphones, speakers and DACs tested properly. Manchester 🎧', platforms: [['YOUTUBE', 151_000], ['TIKTOK', 62_000]], trend: 'rising' },
  { name: 'Zoe Martin', handle: 'zoemartin.mp3', country: 'GB', languages: ['en'], kind: 'curator', niches: ['music discovery', 'playlists'], genres: ['indie', 'uk garage', 'pop'], bio: 'tiny playlists for big feelings 💿 Bristol', platforms: [['INSTAGRAM', 12_000], ['TIKTOK', 9_000]], trend: 'rising' },
  { name: 'Grace Owusu', handle: 'graceowusu', country: 'GB', languages: ['en'], kind: 'covers', niches: ['singing', 'covers'], genres: ['gospel', 'soul', 'r&b'], bio: 'Singing in my kitchen since 2019 🎶 gospel & soul covers. Birmingham', platforms: [['TIKTOK', 18_000], ['INSTAGRAM', 7_500]], trend: 'rising' },
  { name: 'Connor Walsh', handle: 'connorwalshcomedy', country: 'IE', languages: ['en'], kind: 'comedy', niches: ['comedy', 'lip sync'], genres: ['pop', 'rock'], bio: 'Dublin lad doing voices 🇮🇪 booking: see link', platforms: [['TIKTOK', 2_860_000], ['YOUTUBE', 390_000]], trend: 'declining', notes: 'Views have dropped since the spring: check recent reach before booking.' },
  { name: 'Olivia Nguyen', handle: 'olivianguyen', country: 'AU', languages: ['en', 'vi'], kind: 'dance', niches: ['dance', 'trends'], genres: ['hip-hop', 'pop', 'k-pop'], bio: 'Sydney dancer 🇦🇺 hip-hop and K-pop choreo, tutorials every week', platforms: [['TIKTOK', 420_000], ['INSTAGRAM', 96_000]], trend: 'steady' },
  { name: 'Ben Harper-Cole', handle: 'benhcole', country: 'GB', languages: ['en'], kind: 'business', niches: ['music news', 'charts'], genres: ['pop', 'indie'], bio: 'Music news and chart analysis. Former radio producer. Opinions mine.', platforms: [['TWITTER', 132_000], ['LINKEDIN', 11_000]], trend: 'steady', company: 'Echo Radio Network' },

  // Europe.
  { name: 'Elle Fontaine', handle: 'ellefontaine', country: 'FR', languages: ['fr', 'en'], kind: 'curator', niches: ['fashion', 'playlists', 'lifestyle'], genres: ['french pop', 'house', 'indie'], bio: 'Paris ✨ mode, musique et la playlist du dimanche', platforms: [['INSTAGRAM', 408_000], ['TIKTOK', 190_000]], trend: 'steady', phyllo: true },
  { name: 'Mia Laurent', handle: 'mialaurent', country: 'FR', languages: ['fr'], kind: 'dance', niches: ['dance', 'choreography'], genres: ['afro pop', 'pop', 'hip-hop'], bio: 'Chorégraphe 💫 Lyon. Cours de danse afro et hip-hop', platforms: [['TIKTOK', 642_000], ['INSTAGRAM', 170_000]], trend: 'rising' },
  { name: 'Amara Diallo', handle: 'amaradiallo', country: 'FR', languages: ['fr', 'en'], kind: 'curator', niches: ['music discovery', 'culture'], genres: ['afrobeats', 'amapiano', 'afro house'], bio: 'Afro sounds curator 🌍 Paris-Dakar. Amapiano, afrobeats, afro house.', platforms: [['INSTAGRAM', 231_000], ['TIKTOK', 205_000]], trend: 'rising' },
  { name: 'Nina Petrova', handle: 'ninaonvinyl', country: 'DE', languages: ['de', 'en'], kind: 'curator', niches: ['vinyl', 'record collecting'], genres: ['jazz', 'soul', 'techno'], bio: 'Berlin record collector 💿 what I bought this week and why', platforms: [['INSTAGRAM', 72_000], ['YOUTUBE', 19_000]], trend: 'steady' },
  { name: 'Lena Vogel', handle: 'lenavogel', country: 'DE', languages: ['de', 'en'], kind: 'stream', niches: ['gaming', 'indie music'], genres: ['indie', 'synth-pop'], bio: 'Cozy games und Indie-Musik 🌿 Hamburg, live Di/Do/Sa', platforms: [['TWITCH', 95_000], ['TIKTOK', 40_000]], trend: 'steady' },
  { name: 'Yusuf Demir', handle: 'yusufdemir', country: 'DE', languages: ['de', 'tr'], kind: 'review', niches: ['rap reviews', 'reactions'], genres: ['deutschrap', 'hip-hop'], bio: 'Deutschrap Reactions & Reviews 🎤 Köln', platforms: [['TIKTOK', 55_000], ['YOUTUBE', 33_000]], trend: 'rising' },
  { name: 'DJ Nova', handle: 'djnovalive', country: 'NL', languages: ['nl', 'en'], kind: 'dj', niches: ['dj sets', 'live streaming'], genres: ['techno', 'house', 'trance'], bio: 'Amsterdam DJ 🎧 live techno sets every Friday night on Twitch', platforms: [['TWITCH', 182_000], ['INSTAGRAM', 64_000]], trend: 'steady', phyllo: true },
  { name: 'Sven Larsen', handle: 'svenlarsen.synth', country: 'SE', languages: ['sv', 'en'], kind: 'review', niches: ['synths', 'audio gear', 'production'], genres: ['techno', 'electronic', 'ambient'], bio: 'Synth and drum machine reviews from Gothenburg. Techno jams on Sundays.', platforms: [['YOUTUBE', 65_000]], trend: 'steady' },
  { name: 'Emma Jensen', handle: 'emmajensen.sings', country: 'DK', languages: ['da', 'en'], kind: 'covers', niches: ['singing', 'covers'], genres: ['pop', 'folk'], bio: 'Copenhagen 🇩🇰 covers, harmonies and my own songs soon', platforms: [['TIKTOK', 212_000], ['YOUTUBE', 28_000]], trend: 'rising' },
  { name: 'Luca Romano', handle: 'lucaromano.dj', country: 'IT', languages: ['it', 'en'], kind: 'dj', niches: ['dj sets', 'nightlife'], genres: ['house', 'italo disco', 'afro house'], bio: 'DJ & producer, Milano 🎛️ italo, house e tramonti', platforms: [['INSTAGRAM', 88_000], ['TIKTOK', 57_000]], trend: 'steady' },
  { name: 'Nico Bianchi', handle: 'nicobianchi.edits', country: 'IT', languages: ['it'], kind: 'dj', niches: ['edits', 'remixes'], genres: ['techno', 'hard techno'], bio: 'hard techno edits 🔊 Torino', platforms: [['TIKTOK', 8_200]], trend: 'rising' },
  { name: 'Isabela Reis', handle: 'isabelareis', country: 'PT', languages: ['pt', 'en'], kind: 'curator', niches: ['music discovery', 'travel'], genres: ['fado', 'indie', 'bossa nova'], bio: 'Lisboa 🇵🇹 fado novo, indie português e viagens com banda sonora', platforms: [['INSTAGRAM', 45_000]], trend: 'steady' },
  { name: 'Rosa Lindqvist', handle: 'rosalindqvist', country: 'SE', languages: ['sv', 'en'], kind: 'curator', niches: ['album art', 'aesthetics', 'design'], genres: ['indie', 'dream pop'], bio: 'Album covers, moodboards and the music behind them 🎨 Stockholm', platforms: [['PINTEREST', 33_000], ['INSTAGRAM', 21_000]], trend: 'steady' },

  // Africa and the Middle East.
  { name: 'Aisha Bello', handle: 'aishabello', country: 'NG', languages: ['en', 'yo'], kind: 'dance', niches: ['dance', 'challenges'], genres: ['afrobeats', 'amapiano'], bio: 'Lagos 🇳🇬 afrobeats & amapiano dance challenges. If it slaps, I dance.', platforms: [['TIKTOK', 908_000], ['INSTAGRAM', 330_000]], trend: 'rising', phyllo: true },
  { name: 'Dani Okafor', handle: 'daniokafor', country: 'NG', languages: ['en'], kind: 'review', niches: ['album reviews', 'music news'], genres: ['afrobeats', 'alté', 'r&b'], bio: 'Reviewing African music properly. Afrobeats, alté and everything in between.', platforms: [['YOUTUBE', 121_000], ['TWITTER', 58_000]], trend: 'rising' },
  { name: 'Thabo Nkosi', handle: 'thabonkosi', country: 'ZA', languages: ['en', 'zu'], kind: 'dj', niches: ['dj sets', 'dance'], genres: ['amapiano', 'gqom', 'afro house'], bio: 'Joburg amapiano DJ 🇿🇦 log drum enthusiast', platforms: [['TIKTOK', 276_000], ['INSTAGRAM', 92_000]], trend: 'rising' },
  { name: 'Fatima Zahra', handle: 'fatimazahra.beats', country: 'MA', languages: ['fr', 'ar'], kind: 'covers', niches: ['singing', 'covers'], genres: ['raï', 'afro pop', 'r&b'], bio: 'Casablanca 🎤 reprises raï et r&b, compositions originales bientôt', platforms: [['INSTAGRAM', 268_000], ['TIKTOK', 150_000]], trend: 'steady' },

  // Asia.
  { name: 'Hana Kim', handle: 'hanakimreacts', country: 'KR', languages: ['ko', 'en'], kind: 'review', niches: ['reactions', 'k-pop'], genres: ['k-pop', 'k-r&b'], bio: 'K-pop comebacks reacted to the day they drop 💖 Seoul', platforms: [['YOUTUBE', 1_810_000], ['TIKTOK', 720_000]], trend: 'steady', phyllo: true },
  { name: 'Kenji Mori', handle: 'kenjimori', country: 'JP', languages: ['ja', 'en'], kind: 'dance', niches: ['dance', 'anime'], genres: ['j-pop', 'anime', 'electronic'], bio: 'Tokyo dancer 🇯🇵 J-pop and anime song choreo', platforms: [['TIKTOK', 1_330_000], ['YOUTUBE', 280_000]], trend: 'steady' },
  { name: 'Arjun Mehta', handle: 'arjunmehta.music', country: 'IN', languages: ['en', 'hi'], kind: 'review', niches: ['music reviews', 'production'], genres: ['indian indie', 'hip-hop', 'bollywood'], bio: 'Mumbai. Breaking down Indian indie, desi hip-hop and Bollywood soundtracks.', platforms: [['YOUTUBE', 460_000], ['INSTAGRAM', 120_000]], trend: 'rising' },
  { name: 'Mei Lin', handle: 'meilin.lofi', country: 'SG', languages: ['en', 'zh'], kind: 'stream', niches: ['study streams', 'lo-fi'], genres: ['lo-fi', 'chillhop', 'ambient'], bio: 'lo-fi study sessions with real rain ☔️ Singapore', platforms: [['YOUTUBE', 690_000], ['TWITCH', 44_000]], trend: 'steady' },

  // LinkedIn: music-business voices.
  { name: 'Helen Whitford', handle: 'helenwhitford', country: 'GB', languages: ['en'], kind: 'business', niches: ['label strategy', 'music business'], genres: ['pop', 'indie'], bio: 'Label strategist. 20 years of release plans. I write about what actually moves streams.', platforms: [['LINKEDIN', 48_000]], trend: 'steady', company: 'Harbor Lights Records' },
  { name: 'Joanna Price', handle: 'joannaprice', country: 'US', languages: ['en'], kind: 'business', niches: ['streaming economics', 'music business'], genres: ['pop', 'hip-hop'], bio: 'Streaming economics, royalties and the maths of a hit. Speaker, advisor.', platforms: [['LINKEDIN', 85_000], ['TWITTER', 39_000]], trend: 'rising' },
  { name: 'Carlos Mendes', handle: 'carlosmendes.biz', country: 'ES', languages: ['es', 'pt', 'en'], kind: 'business', niches: ['music marketing', 'latin market'], genres: ['reggaeton', 'latin pop'], bio: 'Marketing musical para el mercado latino 📈 lanzamientos, playlists y creadores', platforms: [['LINKEDIN', 22_000], ['INSTAGRAM', 15_000]], trend: 'steady', company: 'Echo Radio Network' },
  { name: 'Femi Adeyemi', handle: 'femiadeyemi.mgmt', country: 'NG', languages: ['en'], kind: 'business', niches: ['artist management', 'music business'], genres: ['afrobeats'], bio: 'Artist manager. Taking Lagos sounds to global stages, one contract at a time.', platforms: [['LINKEDIN', 15_000]], trend: 'rising', company: 'Tandem Management' },
  { name: 'Ingrid Berg', handle: 'ingridberg', country: 'SE', languages: ['sv', 'en'], kind: 'business', niches: ['sync licensing', 'music business'], genres: ['indie', 'electronic'], bio: 'Sync licensing for games, film and ads. Ex-publisher. Stockholm.', platforms: [['LINKEDIN', 9_400]], trend: 'steady', company: 'Tandem Management' },
  { name: 'Marco Vidal', handle: 'marcovidal', country: 'MX', languages: ['es', 'en'], kind: 'business', niches: ['music marketing', 'creator campaigns'], genres: ['reggaeton', 'regional mexicano'], bio: 'Campañas con creadores para lanzamientos latinos. Lo que funciona en TikTok México, con datos.', platforms: [['LINKEDIN', 31_000], ['TIKTOK', 26_000]], trend: 'rising', company: 'Onda Creators' },
];
