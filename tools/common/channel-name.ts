/**
 * Platform and channel names as stored and compared: trimmed, lower-case, with runs of spaces or
 * hyphens turned into one underscore, so `Spotify`, ` spotify ` and `spotify` are one platform and
 * `Apple Music` is the `apple_music` the demo data and the stream rates use.
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Names in parentheses are Crescendo's own keys in reports ((direct), (none), (unassigned)), so
 * imported and entered channel, campaign and artist names may not take that form.
 */
export function isReservedName(name: string): boolean {
  return /^\(.*\)$/.test(name.trim());
}

export const RESERVED_NAME_MESSAGE = "is reserved: names in parentheses are Crescendo's own keys such as (direct)";

/** The campaign key of rows without a campaign, and the artist key of rows (or campaigns) no artist is named for. */
export const NO_CAMPAIGN_KEY = '(none)';
export const UNASSIGNED_ARTIST_KEY = '(unassigned)';
