import { NO_CAMPAIGN_KEY, UNASSIGNED_ARTIST_KEY } from './channel-name.ts';

/**
 * How people read the keys the data stores (`spotify_marquee`, `last_touch`, `(direct)`): one
 * map shared by the web UI, Slack and anything else that shows them. Brands keep their own
 * spelling; any other key is written out in sentence case.
 */
const KNOWN_NAMES: Readonly<Record<string, string>> = {
  meta: 'Meta',
  facebook: 'Facebook',
  instagram: 'Instagram',
  google: 'Google',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  spotify: 'Spotify',
  spotify_marquee: 'Spotify Marquee',
  apple_music: 'Apple Music',
  amazon_music: 'Amazon Music',
  soundcloud: 'SoundCloud',
  deezer: 'Deezer',
  email: 'Email',
  sms: 'SMS',
  organic: 'Organic',
  '(direct)': 'Direct',
  [NO_CAMPAIGN_KEY]: 'No campaign',
  [UNASSIGNED_ARTIST_KEY]: 'No artist',
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position based',
  custom: 'Custom weights',
  markov: 'Markov (data-driven)',
};

/** A channel, platform or attribution model key as a person reads it: `spotify_marquee` → "Spotify Marquee", `last_touch` → "Last touch". */
export function displayName(key: string): string {
  const known = KNOWN_NAMES[key.trim().toLowerCase()];
  if (known) return known;
  const words = key.trim().replace(/[_\s]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
