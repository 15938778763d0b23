import { z } from 'zod';

/**
 * Links Crescendo stores are shown to people as clickable links (web UI, Slack), so only schemes
 * that open a page are accepted: http and https, and Spotify's own URIs where a Spotify item is
 * meant. `javascript:`, `data:` and the like would run or render content in the reader's session.
 */
const MAX_LINK_CHARACTERS = 500;
const WEB_SCHEMES = new Set(['http:', 'https:']);

/** An absolute http(s) URL with a host. */
export function isWebLink(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return WEB_SCHEMES.has(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `spotify:playlist:<22-character id>` (or track, ...), the form Spotify's "copy URI" gives. */
export function isSpotifyUri(text: string, kind: SpotifyItem): boolean {
  return new RegExp(`^spotify:(?:user:[^:\\s]+:)?${kind}:[A-Za-z0-9]{22}$`).test(text);
}

export type SpotifyItem = 'playlist' | 'track';

/** A stored web link: http(s) only. */
export const webLinkInput = z
  .string()
  .trim()
  .max(MAX_LINK_CHARACTERS, `must be at most ${MAX_LINK_CHARACTERS} characters`)
  .refine(isWebLink, 'must be an http:// or https:// link');

/** A stored link to a Spotify item: an http(s) link or a `spotify:<kind>:<id>` URI. */
export function spotifyLinkInput(kind: SpotifyItem) {
  return z
    .string()
    .trim()
    .max(MAX_LINK_CHARACTERS, `must be at most ${MAX_LINK_CHARACTERS} characters`)
    .refine((text) => isWebLink(text) || isSpotifyUri(text, kind), `must be an http:// or https:// link or a spotify:${kind}: URI`);
}
