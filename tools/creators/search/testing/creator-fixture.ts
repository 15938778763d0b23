import type { PrismaClient } from '../../../../db/generated/prisma/client.ts';
import type { CreatorNetwork } from '../../../../db/generated/prisma/enums.ts';
import type { ToolDb } from '../../../registry/tenant-scope.ts';
import { refreshSearchDocuments } from '../search-document.ts';

/** One fixture creator. Platforms: "network followers engagement" ("tiktok 1200000 0.061"); the first one carries the audience. */
export interface FixtureCreator {
  handle: string;
  name: string;
  country: string;
  languages: string[];
  genres: string[];
  niches: string[];
  bio: string;
  platforms: string[];
  /** The first platform's latest audience: COUNTRY and AGE shares. */
  audience?: { countries: Record<string, number>; ages: Record<string, number> };
  captions: string[];
  isActive?: boolean;
}

const US_TEENS = { countries: { US: 0.46, CA: 0.08, GB: 0.07 }, ages: { '13-17': 0.22, '18-24': 0.44, '25-34': 0.21 } };
const US_ADULTS = { countries: { US: 0.52, CA: 0.09, GB: 0.06 }, ages: { '18-24': 0.18, '25-34': 0.39, '35-44': 0.24 } };
const KR_MIX = { countries: { KR: 0.31, US: 0.22, PH: 0.12 }, ages: { '13-17': 0.19, '18-24': 0.48, '25-34': 0.2 } };
const ES_MIX = { countries: { ES: 0.41, MX: 0.19, AR: 0.1 }, ages: { '18-24': 0.27, '25-34': 0.38, '35-44': 0.2 } };
const MX_MIX = { countries: { MX: 0.48, US: 0.17, CO: 0.09 }, ages: { '18-24': 0.33, '25-34': 0.36, '35-44': 0.16 } };
const GB_MIX = { countries: { GB: 0.44, US: 0.21, IE: 0.06 }, ages: { '18-24': 0.29, '25-34': 0.37, '35-44': 0.18 } };
const BR_MIX = { countries: { BR: 0.63, PT: 0.08, US: 0.06 }, ages: { '18-24': 0.39, '25-34': 0.33, '35-44': 0.14 } };
const DE_MIX = { countries: { DE: 0.49, AT: 0.11, CH: 0.09 }, ages: { '18-24': 0.21, '25-34': 0.41, '35-44': 0.23 } };
const FR_MIX = { countries: { FR: 0.55, BE: 0.09, CA: 0.07 }, ages: { '18-24': 0.31, '25-34': 0.36, '35-44': 0.17 } };
const NG_MIX = { countries: { NG: 0.47, GB: 0.14, US: 0.12 }, ages: { '18-24': 0.41, '25-34': 0.35, '35-44': 0.12 } };
const JP_MIX = { countries: { JP: 0.58, US: 0.14, TW: 0.06 }, ages: { '18-24': 0.34, '25-34': 0.33, '35-44': 0.17 } };
const OLDER_US = { countries: { US: 0.58, CA: 0.1, GB: 0.07 }, ages: { '25-34': 0.22, '35-44': 0.31, '45-54': 0.25 } };

/**
 * Fifty creators a music agency could book: dancers, reviewers, curators, producers, streamers,
 * cooks and athletes who sometimes post music. Written to make search orders reasoned, not guessed:
 * see creator-search.int.test.ts for the queries and why each order is expected.
 */
export const FIXTURE_CREATORS: FixtureCreator[] = [
  // K-pop and dance
  { handle: 'minji.moves', name: 'Minji Park', country: 'US', languages: ['en', 'ko'], genres: ['k-pop'], niches: ['dance', 'k-pop', 'choreography'], bio: 'K-pop dance covers every week, plus choreography breakdowns so you can learn the moves.', platforms: ['tiktok 2400000 0.071', 'youtube 860000 0.043', 'instagram 410000 0.038'], audience: KR_MIX, captions: ['NewJeans "Supernatural" dance cover in one take', 'Full k-pop dance cover: mirrored choreography tutorial', 'K-pop random dance challenge at the mall'] },
  { handle: 'seoul.step', name: 'Daniel Cho', country: 'KR', languages: ['ko', 'en'], genres: ['k-pop', 'hip-hop'], niches: ['dance crew'], bio: 'Dance crew from Seoul. K-pop covers and street battles.', platforms: ['tiktok 1300000 0.058', 'youtube 420000 0.035'], audience: KR_MIX, captions: ['Our crew at the Hongdae busking spot', 'Battle night highlights'] },
  { handle: 'hallyu.hannah', name: 'Hannah Lee', country: 'US', languages: ['en'], genres: ['k-pop'], niches: ['k-pop news', 'reactions'], bio: 'K-pop news, comebacks and honest reactions. Stan responsibly.', platforms: ['youtube 690000 0.029', 'tiktok 310000 0.041'], audience: US_TEENS, captions: ['Comeback schedule for December', 'Reacting to the new teaser'] },
  { handle: 'breakin.benny', name: 'Benny Alvarez', country: 'US', languages: ['en', 'es'], genres: ['hip-hop', 'funk'], niches: ['breaking', 'dance battles'], bio: 'B-boy since 2009. Breakdance battles, footwork drills and cyphers in the Bronx.', platforms: ['instagram 240000 0.052', 'tiktok 380000 0.064'], audience: US_ADULTS, captions: ['Footwork drill you can do in your kitchen', 'Cypher at the park, sound on'] },
  { handle: 'dance.with.dre', name: 'Andre Thompson', country: 'US', languages: ['en'], genres: ['r&b', 'pop'], niches: ['choreography', 'dance classes'], bio: 'LA choreographer. I teach choreography to pop and R&B hits and film the whole class.', platforms: ['instagram 530000 0.047', 'tiktok 900000 0.055'], audience: US_ADULTS, captions: ['Choreography class to the new single', 'Thursday class, full routine'] },
  { handle: 'ballet.bea', name: 'Beatriz Santos', country: 'BR', languages: ['pt', 'en'], genres: ['classical'], niches: ['ballet', 'flexibility'], bio: 'Professional ballerina in São Paulo. Pointe work, barre routines and backstage days.', platforms: ['instagram 470000 0.044', 'youtube 120000 0.031'], audience: BR_MIX, captions: ['Barre routine for beginners', 'Backstage at the Theatro Municipal'] },
  // Vinyl, reviews, curation
  { handle: 'crate.digger.dan', name: 'Dan Whitaker', country: 'GB', languages: ['en'], genres: ['soul', 'jazz', 'funk'], niches: ['vinyl', 'record collecting', 'reviews'], bio: 'Vinyl record collector and reviewer. Crate digging in record shops across the UK, one record review a day.', platforms: ['youtube 310000 0.046', 'instagram 150000 0.039'], audience: GB_MIX, captions: ['Record shop haul: rare soul vinyl for a fiver', 'Vinyl collector tour: my whole record wall', 'Is this pressing worth it? Record review'] },
  { handle: 'waxpoetics.mia', name: 'Mia Larsen', country: 'US', languages: ['en'], genres: ['indie', 'alternative'], niches: ['vinyl unboxing'], bio: 'Unboxing limited vinyl pressings and talking about the records that shaped me.', platforms: ['tiktok 280000 0.061', 'instagram 190000 0.042'], audience: US_ADULTS, captions: ['Unboxing the splatter vinyl edition', 'Records I would save from a fire'] },
  { handle: 'audiophile.ana', name: 'Ana Kovac', country: 'DE', languages: ['de', 'en'], genres: ['electronic', 'jazz'], niches: ['hi-fi', 'turntables', 'headphones'], bio: 'Hi-fi gear reviews: turntables, amplifiers and headphones tested in my listening room.', platforms: ['youtube 240000 0.037'], audience: DE_MIX, captions: ['Budget turntable shootout', 'Are these headphones worth 400 euros?'] },
  { handle: 'album.a.day', name: 'Marcus Reid', country: 'US', languages: ['en'], genres: ['hip-hop', 'rock', 'pop'], niches: ['album reviews', 'music criticism'], bio: 'One album review every day since 2019. Scores out of ten, no skips.', platforms: ['youtube 1100000 0.033', 'twitter 380000 0.012'], audience: OLDER_US, captions: ['Album review: a 9 out of 10?', 'Worst albums of the year, ranked'] },
  { handle: 'playlist.priya', name: 'Priya Nair', country: 'GB', languages: ['en', 'hi'], genres: ['indie', 'pop'], niches: ['playlists', 'new music'], bio: 'I curate playlists of new music every Friday: indie, bedroom pop and whatever made me cry.', platforms: ['instagram 210000 0.049', 'tiktok 330000 0.057'], audience: GB_MIX, captions: ['New music Friday picks', 'Songs for walking home in the rain'] },
  // Lofi, production, gear
  { handle: 'lofi.lena', name: 'Lena Fischer', country: 'DE', languages: ['de', 'en'], genres: ['lofi', 'chillhop'], niches: ['study music', 'lofi beats'], bio: 'Lofi beats to study and relax to. Live study sessions with rain sounds every night.', platforms: ['youtube 1500000 0.027', 'twitch 95000 0.06'], audience: DE_MIX, captions: ['3 hour lofi study session, no ads', 'Lofi beats for late night study'] },
  { handle: 'beatsbyomar', name: 'Omar Haddad', country: 'FR', languages: ['fr', 'ar', 'en'], genres: ['hip-hop', 'trap'], niches: ['music production', 'beat making'], bio: 'Producer in Paris. I flip samples into beats and show the whole music production process.', platforms: ['youtube 640000 0.041', 'tiktok 720000 0.063'], audience: FR_MIX, captions: ['Flipping a jazz sample into a trap beat', 'Making a beat from a voice memo'] },
  { handle: 'synth.sam', name: 'Sam Okoro', country: 'GB', languages: ['en'], genres: ['electronic', 'synthwave'], niches: ['synthesizers', 'music production tutorial'], bio: 'Synthesizer tutorials and sound design. Music production tutorial series for beginners.', platforms: ['youtube 380000 0.036'], audience: GB_MIX, captions: ['Music production tutorial: your first pad', 'Sound design with one oscillator'] },
  { handle: 'mixing.maya', name: 'Maya Goldberg', country: 'US', languages: ['en', 'he'], genres: ['pop', 'indie'], niches: ['mixing', 'mastering', 'music production'], bio: 'Mix engineer. Before and after mixes, vocal chains and real talk about music production.', platforms: ['youtube 210000 0.044', 'instagram 98000 0.05'], audience: US_ADULTS, captions: ['Vocal chain breakdown for pop vocals', 'Before and after: mixing a bedroom demo'] },
  { handle: 'guitar.gabe', name: 'Gabriel Moreno', country: 'MX', languages: ['es', 'en'], genres: ['rock', 'latin'], niches: ['guitar lessons'], bio: 'Guitar lessons in Spanish and English, from first chords to solos.', platforms: ['youtube 870000 0.039', 'tiktok 450000 0.052'], audience: MX_MIX, captions: ['Tu primer solo de guitarra', 'Three chords, ten songs'] },
  // Songwriters and singers
  { handle: 'folk.and.fern', name: 'Fern Gallagher', country: 'IE', languages: ['en', 'ga'], genres: ['folk', 'indie folk'], niches: ['songwriting', 'acoustic'], bio: 'Indie folk songwriter from Galway. Songs about the sea, written in my kitchen.', platforms: ['instagram 160000 0.063', 'tiktok 240000 0.071'], audience: GB_MIX, captions: ['New indie folk song, written this morning', 'Songwriter session by the harbour'] },
  { handle: 'willow.sings', name: 'Willow Hart', country: 'US', languages: ['en'], genres: ['indie folk', 'americana'], niches: ['singer-songwriter'], bio: 'Singer and songwriter from Nashville. Indie folk with banjo and too many harmonies.', platforms: ['tiktok 520000 0.066', 'instagram 230000 0.048'], audience: US_ADULTS, captions: ['Harmonies with my sister, indie folk cover', 'Writing a song in one hour'] },
  { handle: 'cover.queen.kai', name: 'Kai Mendoza', country: 'PH', languages: ['en', 'tl'], genres: ['pop', 'r&b'], niches: ['vocal covers'], bio: 'Acoustic vocal covers of pop and R&B songs. Requests open.', platforms: ['youtube 2100000 0.035', 'tiktok 1700000 0.06'], audience: { countries: { PH: 0.39, US: 0.24, ID: 0.08 }, ages: { '13-17': 0.2, '18-24': 0.43, '25-34': 0.22 } }, captions: ['Acoustic cover of the number one song', 'You asked for this R&B cover'] },
  { handle: 'opera.otto', name: 'Otto Brandt', country: 'AT', languages: ['de', 'en', 'it'], genres: ['classical', 'opera'], niches: ['opera', 'vocal technique'], bio: 'Baritone at the Vienna opera. Vocal technique tips and arias in the shower.', platforms: ['instagram 88000 0.045', 'youtube 140000 0.04'], audience: DE_MIX, captions: ['Breathing exercise for singers', 'An aria before breakfast'] },
  { handle: 'gospel.grace', name: 'Grace Adeyemi', country: 'NG', languages: ['en', 'yo'], genres: ['gospel', 'afrobeats'], niches: ['choir', 'worship'], bio: 'Choir director in Lagos. Gospel harmonies and afrobeats worship sessions.', platforms: ['instagram 310000 0.058', 'youtube 200000 0.047'], audience: NG_MIX, captions: ['Sunday choir rehearsal', 'Afrobeats worship medley'] },
  // Afrobeats, latin, regional
  { handle: 'afrobeats.tunde', name: 'Tunde Bakare', country: 'NG', languages: ['en', 'yo'], genres: ['afrobeats', 'amapiano'], niches: ['dance challenges', 'afrobeats'], bio: 'Afrobeats and amapiano dance challenges from Lagos. If the song slaps, we dance.', platforms: ['tiktok 1900000 0.074', 'instagram 640000 0.051'], audience: NG_MIX, captions: ['Amapiano dance challenge with the whole street', 'Afrobeats dance challenge, part 3'] },
  { handle: 'reggaeton.rosa', name: 'Rosa Jiménez', country: 'PR', languages: ['es', 'en'], genres: ['reggaeton', 'latin trap'], niches: ['dance', 'latin music'], bio: 'Reggaeton dance and perreo classes from San Juan.', platforms: ['tiktok 1150000 0.069', 'instagram 480000 0.046'], audience: { countries: { PR: 0.21, US: 0.34, MX: 0.12 }, ages: { '18-24': 0.45, '25-34': 0.32, '35-44': 0.1 } }, captions: ['Reggaeton dance class, first 8 counts', 'Perreo basics'] },
  { handle: 'cumbia.carlos', name: 'Carlos Ibarra', country: 'MX', languages: ['es'], genres: ['cumbia', 'regional mexicano'], niches: ['regional mexican music', 'humor'], bio: 'Cumbia, corridos and comedy sketches from Monterrey.', platforms: ['tiktok 2600000 0.062', 'facebook 900000 0.021'], audience: MX_MIX, captions: ['When the cumbia starts at the wedding', 'Corridos reaction with my grandpa'] },
  { handle: 'flamenco.lucia', name: 'Lucía Romero', country: 'ES', languages: ['es', 'en'], genres: ['flamenco', 'latin pop'], niches: ['flamenco dance'], bio: 'Flamenco dancer from Seville, mixing flamenco with pop songs.', platforms: ['instagram 370000 0.053', 'tiktok 610000 0.06'], audience: ES_MIX, captions: ['Flamenco to a pop song, does it work?', 'Zapateado practice'] },
  // Food
  { handle: 'cocina.con.sofia', name: 'Sofía Ruiz', country: 'ES', languages: ['es'], genres: ['latin pop'], niches: ['cooking', 'recipes', 'spanish food'], bio: 'Recetas fáciles y cocina española: cooking recipes for busy weeknights, in Spanish.', platforms: ['instagram 780000 0.045', 'tiktok 1200000 0.058'], audience: ES_MIX, captions: ['Tortilla de patatas in ten minutes', 'Easy cooking recipes for the week'] },
  { handle: 'tacos.tomas', name: 'Tomás Herrera', country: 'MX', languages: ['es', 'en'], genres: ['regional mexicano'], niches: ['street food', 'cooking'], bio: 'Street food and family cooking recipes from Guadalajara, with music from the radio.', platforms: ['tiktok 940000 0.059', 'youtube 310000 0.034'], audience: MX_MIX, captions: ['Birria recipe from my abuela', 'Cooking tacos al pastor at home'] },
  { handle: 'vegan.val', name: 'Valentina Greco', country: 'IT', languages: ['it', 'en'], genres: ['indie'], niches: ['vegan recipes'], bio: 'Plant-based Italian recipes and kitchen playlists.', platforms: ['instagram 330000 0.05'], audience: { countries: { IT: 0.51, US: 0.12, GB: 0.07 }, ages: { '18-24': 0.24, '25-34': 0.42, '35-44': 0.2 } }, captions: ['Vegan carbonara, yes really', 'My kitchen playlist this week'] },
  { handle: 'bbq.brad', name: 'Brad Collins', country: 'US', languages: ['en'], genres: ['country'], niches: ['barbecue', 'grilling'], bio: 'Texas barbecue, smoked brisket and country music on the porch.', platforms: ['youtube 760000 0.032', 'facebook 410000 0.018'], audience: OLDER_US, captions: ['14 hour brisket', 'Porch songs and smoked ribs'] },
  // Fitness, sport
  { handle: 'fit.with.femi', name: 'Femi Okafor', country: 'GB', languages: ['en'], genres: ['afrobeats', 'grime'], niches: ['fitness', 'workout', 'hiit'], bio: 'HIIT workout classes set to afrobeats and grime. Fitness for people who hate the gym.', platforms: ['instagram 560000 0.054', 'tiktok 800000 0.06'], audience: { countries: { GB: 0.48, NG: 0.11, US: 0.1 }, ages: { '18-24': 0.36, '25-34': 0.38, '35-44': 0.14 } }, captions: ['20 minute HIIT workout, no equipment', 'Fitness playlist for leg day'] },
  { handle: 'yoga.yuki', name: 'Yuki Tanaka', country: 'JP', languages: ['ja', 'en'], genres: ['ambient'], niches: ['yoga', 'meditation'], bio: 'Morning yoga flows and meditation with ambient music from Kyoto.', platforms: ['youtube 430000 0.038', 'instagram 290000 0.043'], audience: JP_MIX, captions: ['15 minute morning yoga', 'Breathing meditation with rain'] },
  { handle: 'gymrat.gio', name: 'Giovanni Russo', country: 'US', languages: ['en', 'it'], genres: ['hip-hop', 'metal'], niches: ['bodybuilding', 'workout'], bio: 'Bodybuilding, workout splits and the loudest gym playlists on the internet.', platforms: ['tiktok 1400000 0.048', 'youtube 520000 0.031'], audience: { countries: { US: 0.55, CA: 0.08, GB: 0.07 }, ages: { '13-17': 0.12, '18-24': 0.41, '25-34': 0.3 } }, captions: ['Push day workout, full session', 'Gym playlist that adds 10 kg to your bench'] },
  { handle: 'skate.sol', name: 'Sol Pereira', country: 'BR', languages: ['pt', 'en'], genres: ['punk', 'rock'], niches: ['skateboarding'], bio: 'Skate clips from São Paulo with punk soundtracks.', platforms: ['instagram 270000 0.057', 'tiktok 350000 0.062'], audience: BR_MIX, captions: ['Kickflip line at the plaza', 'Punk song, one take, no bails'] },
  { handle: 'runner.rae', name: 'Rae Simmons', country: 'CA', languages: ['en', 'fr'], genres: ['pop', 'electronic'], niches: ['running', 'marathon'], bio: 'Marathon training and running playlists from Toronto.', platforms: ['instagram 140000 0.052', 'youtube 60000 0.04'], audience: US_ADULTS, captions: ['Long run playlist, 170 bpm', 'Marathon week 12'] },
  // Gaming, streaming
  { handle: 'pixel.paz', name: 'Paz Ortega', country: 'AR', languages: ['es', 'en'], genres: ['electronic', 'chiptune'], niches: ['gaming', 'streaming', 'video game music'], bio: 'Gaming streamer: cozy games, speedruns and video game music covers on stream.', platforms: ['twitch 410000 0.082', 'youtube 260000 0.036'], audience: { countries: { AR: 0.28, US: 0.24, ES: 0.14 }, ages: { '13-17': 0.18, '18-24': 0.46, '25-34': 0.24 } }, captions: ['Speedrun attempt 400, gaming stream highlights', 'Video game music cover on piano'] },
  { handle: 'noob.noah', name: 'Noah Becker', country: 'US', languages: ['en'], genres: ['edm'], niches: ['gaming', 'fps'], bio: 'FPS gaming streams, clutch plays and rage moments. Streamer by night.', platforms: ['twitch 680000 0.061', 'youtube 900000 0.028', 'tiktok 520000 0.039'], audience: US_TEENS, captions: ['1v5 clutch on stream', 'Gaming setup tour'] },
  { handle: 'chess.chloe', name: 'Chloe Dubois', country: 'FR', languages: ['fr', 'en'], genres: ['classical'], niches: ['chess', 'streaming'], bio: 'Chess streams, blitz with viewers and classical music while I think.', platforms: ['twitch 190000 0.074', 'youtube 150000 0.035'], audience: FR_MIX, captions: ['Blitz against chat', 'Opening prep with Debussy'] },
  { handle: 'vtuber.kumo', name: 'Kumo', country: 'JP', languages: ['ja', 'en'], genres: ['j-pop', 'anime'], niches: ['vtuber', 'karaoke'], bio: 'Cloud spirit VTuber. Karaoke streams of anime songs and j-pop.', platforms: ['youtube 980000 0.051', 'twitch 230000 0.066'], audience: JP_MIX, captions: ['Karaoke stream: anime openings', 'J-pop covers for 100k'] },
  // Lifestyle, fashion, travel, comedy
  { handle: 'thrift.theo', name: 'Theo Marsh', country: 'GB', languages: ['en'], genres: ['britpop', 'indie'], niches: ['thrifting', 'vintage fashion'], bio: 'Thrift hauls and vintage fashion, soundtracked by Britpop.', platforms: ['tiktok 430000 0.058', 'instagram 210000 0.044'], audience: GB_MIX, captions: ['£20 charity shop haul', 'Styling a 90s band tee'] },
  { handle: 'glam.by.gia', name: 'Gia Nguyen', country: 'US', languages: ['en', 'vi'], genres: ['pop'], niches: ['makeup', 'beauty'], bio: 'Makeup tutorials inspired by pop album covers.', platforms: ['instagram 1300000 0.036', 'tiktok 1800000 0.049'], audience: US_TEENS, captions: ['Recreating an album cover look', 'Concert makeup that survives the pit'] },
  { handle: 'wander.wes', name: 'Wes Adler', country: 'AU', languages: ['en'], genres: ['indie', 'surf rock'], niches: ['travel', 'van life'], bio: 'Van life across Australia with a surf rock soundtrack.', platforms: ['youtube 540000 0.037', 'instagram 320000 0.041'], audience: { countries: { AU: 0.42, US: 0.2, GB: 0.1 }, ages: { '18-24': 0.25, '25-34': 0.41, '35-44': 0.19 } }, captions: ['Surf town playlist', 'Van tour 2.0'] },
  { handle: 'festival.fiona', name: 'Fiona Walsh', country: 'GB', languages: ['en'], genres: ['indie', 'dance'], niches: ['music festivals', 'concerts'], bio: 'Festival vlogs and concert reviews: Glastonbury, Primavera and every gig in between.', platforms: ['tiktok 390000 0.059', 'youtube 180000 0.036'], audience: GB_MIX, captions: ['Glastonbury day one vlog', 'Concert review from the barrier'] },
  { handle: 'comedy.kwame', name: 'Kwame Mensah', country: 'GH', languages: ['en', 'tw'], genres: ['afrobeats', 'highlife'], niches: ['comedy', 'skits'], bio: 'Comedy skits about family, school and highlife uncles.', platforms: ['tiktok 2200000 0.07', 'instagram 800000 0.048'], audience: { countries: { GH: 0.36, NG: 0.21, GB: 0.12 }, ages: { '18-24': 0.42, '25-34': 0.33, '35-44': 0.12 } }, captions: ['When your uncle hears highlife', 'School assembly skit'] },
  { handle: 'mom.of.mixtapes', name: 'Rachel Stein', country: 'US', languages: ['en'], genres: ['classic rock', 'soul'], niches: ['parenting', 'nostalgia'], bio: 'Parenting chaos and the mixtapes I made in 1994.', platforms: ['facebook 620000 0.025', 'instagram 270000 0.039'], audience: OLDER_US, captions: ['Teaching my kids side B', 'Car ride mixtape'] },
  { handle: 'bookish.bianca', name: 'Bianca Costa', country: 'PT', languages: ['pt', 'en'], genres: ['indie', 'classical'], niches: ['books', 'reading playlists'], bio: 'Book reviews and playlists to read by.', platforms: ['instagram 180000 0.051', 'tiktok 260000 0.063'], audience: { countries: { PT: 0.31, BR: 0.27, US: 0.12 }, ages: { '18-24': 0.44, '25-34': 0.31, '35-44': 0.12 } }, captions: ['Reading playlist for a rainy day', 'Books that feel like albums'] },
  { handle: 'tech.tariq', name: 'Tariq Aziz', country: 'AE', languages: ['ar', 'en'], genres: ['electronic'], niches: ['tech reviews', 'smartphones'], bio: 'Smartphone and earbuds reviews, tested with real music.', platforms: ['youtube 1200000 0.03', 'instagram 350000 0.028'], audience: { countries: { AE: 0.22, SA: 0.2, EG: 0.14 }, ages: { '18-24': 0.35, '25-34': 0.38, '35-44': 0.15 } }, captions: ['Earbuds under 100 dollars', 'Phone camera test at a concert'] },
  { handle: 'drummer.dee', name: 'Deanna Wu', country: 'US', languages: ['en', 'zh'], genres: ['rock', 'metal', 'pop punk'], niches: ['drumming', 'drum covers'], bio: 'Drum covers of rock and pop punk songs, plus drumming lessons for beginners.', platforms: ['youtube 1600000 0.042', 'tiktok 990000 0.057'], audience: US_TEENS, captions: ['Pop punk drum cover, first take', 'Drumming lesson: your first groove'] },
  { handle: 'jazz.jules', name: 'Jules Laurent', country: 'FR', languages: ['fr', 'en'], genres: ['jazz', 'bossa nova'], niches: ['jazz piano'], bio: 'Jazz piano in Paris cafés. Standards, bossa nova and improvisation lessons.', platforms: ['instagram 120000 0.061', 'youtube 90000 0.048'], audience: FR_MIX, captions: ['Autumn Leaves, three ways', 'Improvisation over a ii-V-I'] },
  { handle: 'ukulele.uma', name: 'Uma Kealoha', country: 'US', languages: ['en', 'haw'], genres: ['hawaiian', 'pop'], niches: ['ukulele'], bio: 'Ukulele covers and beach sunsets from Oahu.', platforms: ['tiktok 470000 0.067', 'instagram 200000 0.05'], audience: US_ADULTS, captions: ['Ukulele cover at sunset', 'Four chords on the beach'] },
  { handle: 'retired.rita', name: 'Rita Moss', country: 'US', languages: ['en'], genres: ['disco'], niches: ['dance', 'k-pop'], bio: 'Former k-pop dance cover creator. Archived account.', platforms: ['tiktok 3000000 0.02'], audience: US_TEENS, captions: ['K-pop dance cover marathon'], isActive: false },
];

/**
 * Writes the fixture into an organisation: contacts, creators, platforms, the first platform's
 * audience as of `asOf`, captions as content, then the search documents (and, with the offline
 * embedder and pgvector, the embeddings) through refreshSearchDocuments, all in one transaction.
 */
export async function writeCreatorFixture(prisma: PrismaClient, organizationId: string, options: { asOf?: Date; creators?: FixtureCreator[] } = {}): Promise<Map<string, string>> {
  const creators = options.creators ?? FIXTURE_CREATORS;
  const asOf = options.asOf ?? new Date('2026-11-01T00:00:00Z');
  const idsByHandle = new Map<string, string>();
  await prisma.$transaction(async (tx) => {
    for (const spec of creators) {
      const contact = await tx.contact.create({ data: { organizationId, name: spec.name, tags: ['creator'] } });
      const creator = await tx.creator.create({
        data: {
          organizationId, contactId: contact.id, handle: spec.handle, bio: spec.bio, niches: spec.niches, genres: spec.genres,
          languages: spec.languages, country: spec.country, isActive: spec.isActive ?? true,
        },
      });
      idsByHandle.set(spec.handle, creator.id);
      for (const [position, line] of spec.platforms.entries()) {
        const [network, followers, engagement] = line.split(' ') as [string, string, string];
        const platform = await tx.creatorPlatform.create({
          data: { organizationId, creatorId: creator.id, network: network.toUpperCase() as CreatorNetwork, handle: spec.handle, followers: Number(followers), engagementRate: Number(engagement), metricsSource: 'import' },
        });
        if (position === 0 && spec.audience) {
          const slices = [
            ...Object.entries(spec.audience.countries).map(([value, share]) => ({ dimension: 'COUNTRY' as const, value, share })),
            ...Object.entries(spec.audience.ages).map(([value, share]) => ({ dimension: 'AGE' as const, value, share })),
          ];
          await tx.audienceSlice.createMany({ data: slices.map((slice) => ({ organizationId, creatorPlatformId: platform.id, asOf, source: 'import', ...slice })) });
        }
        if (position === 0) {
          await tx.creatorContent.createMany({
            data: spec.captions.map((caption, number) => ({
              organizationId, creatorId: creator.id, creatorPlatformId: platform.id, externalId: `${spec.handle}-${number}`, caption,
              publishedAt: new Date(asOf.getTime() - (number + 1) * 86_400_000), format: 'video',
            })),
          });
        }
      }
    }
    await refreshSearchDocuments(tx as unknown as ToolDb, organizationId, [...idsByHandle.values()]);
  }, { timeout: 120_000 });
  return idsByHandle;
}
