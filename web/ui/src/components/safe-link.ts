/**
 * Links the UI shows come from stored records. The server only stores http(s) and Spotify URIs,
 * but rows written before that rule (or by another client) may hold `javascript:` or `data:`
 * links, which would run in the signed-in user's session when clicked: so the UI checks again.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'spotify:']);

/** The link when its scheme opens a page (http, https, spotify), else null. */
export function safeLinkHref(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  // new URL() strips leading spaces and tabs; the scheme must be the link's own first characters.
  if (!SAFE_SCHEMES.has(url.protocol) || !link.toLowerCase().startsWith(url.protocol)) return null;
  return link;
}
