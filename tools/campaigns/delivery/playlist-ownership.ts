/**
 * Who a scraped playlist's streams belong to (DESIGN.md section 6). Pure: the same rule serves the
 * importer (which registers auto-detected playlists) and every delivery figure.
 */

/** A playlist registered to a vendor (by hand, or auto-detected from an earlier scrape). */
export interface RegisteredPlaylist {
  id: string;
  vendorId: string | null;
  spotifyPlaylistId: string | null;
  name: string;
}

/** One playlist as a scrape of one song saw it. */
export interface ScrapedPlaylist {
  spotifyPlaylistId: string | null;
  name: string;
  curator: string | null;
}

/** One playlist row of a song's scrape with the streams it drove, as the importer and the loaders see it. */
export interface ScrapedPlaylistRow extends ScrapedPlaylist {
  streams7d: number;
  streams28d: number;
  streams12m: number;
  dateAdded: Date | null;
}

export type PlaylistOwner =
  | { kind: 'vendor'; vendorId: string; playlistId: string; via: 'spotify_id' | 'name' }
  /** Unregistered, but the song has exactly one vendor: credited to it, and to be registered. */
  | { kind: 'auto_detected'; vendorId: string }
  | { kind: 'organic'; reason: 'spotify_curated' | 'unmatched' | 'ambiguous_name' | 'unassigned_playlist' };

/** Registered playlists indexed for matching; build once per organisation and query. */
export class PlaylistIndex {
  private readonly bySpotifyId = new Map<string, RegisteredPlaylist>();
  private readonly byName = new Map<string, RegisteredPlaylist[]>();
  /**
   * Answers already given, by Spotify id and name as scraped: the same playlist comes back on many
   * songs and scrapes (a campaign's listing matches thousands of rows against a few hundred
   * playlists, and lower-casing every name is the costly part). Emptied by `add`.
   */
  private readonly answered = new Map<string, ReturnType<PlaylistIndex['match']>>();

  constructor(playlists: Iterable<RegisteredPlaylist>) {
    for (const playlist of playlists) this.add(playlist);
  }

  add(playlist: RegisteredPlaylist): void {
    this.answered.clear();
    if (playlist.spotifyPlaylistId) this.bySpotifyId.set(playlist.spotifyPlaylistId, playlist);
    const key = nameKey(playlist.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), playlist]);
  }

  /** By Spotify playlist id, else by case-insensitive exact name (never across two different ids). */
  match(scraped: ScrapedPlaylist): { playlist: RegisteredPlaylist; via: 'spotify_id' | 'name' } | 'ambiguous' | null {
    const key = `${scraped.spotifyPlaylistId ?? ''}\u0000${scraped.name}`;
    if (this.answered.has(key)) return this.answered.get(key)!;
    const answer = this.lookUp(scraped);
    this.answered.set(key, answer);
    return answer;
  }

  private lookUp(scraped: ScrapedPlaylist): { playlist: RegisteredPlaylist; via: 'spotify_id' | 'name' } | 'ambiguous' | null {
    if (scraped.spotifyPlaylistId) {
      const byId = this.bySpotifyId.get(scraped.spotifyPlaylistId);
      if (byId) return { playlist: byId, via: 'spotify_id' };
    }
    const candidates = (this.byName.get(nameKey(scraped.name)) ?? []).filter(
      (playlist) => !(playlist.spotifyPlaylistId && scraped.spotifyPlaylistId && playlist.spotifyPlaylistId !== scraped.spotifyPlaylistId),
    );
    if (candidates.length === 0) return null;
    // A same-named playlist nobody owns does not make a vendor's playlist ambiguous.
    const owned = candidates.filter((playlist) => playlist.vendorId !== null);
    if (owned.length > 0 && owned.length < candidates.length) candidates.splice(0, candidates.length, ...owned);
    const vendors = new Set(candidates.map((playlist) => playlist.vendorId));
    if (vendors.size > 1) return 'ambiguous';
    return { playlist: candidates[0]!, via: 'name' };
  }
}

/**
 * Case-insensitive name key. toLowerCase, not toLocaleLowerCase('en'): the same mapping for every
 * code point (English has no tailoring; checked over all of Unicode, final sigma included) without
 * a round trip through ICU on each of a listing's thousands of rows.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Spotify's own editorial and algorithmic playlists bring organic streams, never a vendor's. */
export function isSpotifyCurated(curator: string | null): boolean {
  return curator !== null && nameKey(curator) === 'spotify';
}

/**
 * @param vendorsOfSong the distinct vendors with a placement of this song (any campaign)
 */
export function ownerOf(scraped: ScrapedPlaylist, index: PlaylistIndex, vendorsOfSong: ReadonlySet<string>): PlaylistOwner {
  const matched = index.match(scraped);
  if (matched === 'ambiguous') return { kind: 'organic', reason: 'ambiguous_name' };
  if (matched) {
    if (!matched.playlist.vendorId) return { kind: 'organic', reason: 'unassigned_playlist' };
    return { kind: 'vendor', vendorId: matched.playlist.vendorId, playlistId: matched.playlist.id, via: matched.via };
  }
  if (isSpotifyCurated(scraped.curator)) return { kind: 'organic', reason: 'spotify_curated' };
  if (vendorsOfSong.size === 1) return { kind: 'auto_detected', vendorId: [...vendorsOfSong][0]! };
  return { kind: 'organic', reason: 'unmatched' };
}
