/**
 * Platform and channel names as stored and compared: trimmed, lower-case, with runs of spaces or
 * hyphens turned into one underscore, so `Spotify`, ` spotify ` and `spotify` are one platform and
 * `Apple Music` is the `apple_music` the demo data and the stream rates use.
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
