import { uuidV7 } from '../../../db/uuid-v7.ts';
import { ownerOf, type PlaylistIndex } from '../delivery/playlist-ownership.ts';
import type { ScrapedPlaylistRow } from './scrape-file.ts';

/** A vendor playlist found only in scrapes, to be registered with `autoDetected` set. */
export interface AutoDetectedPlaylist {
  id: string;
  vendorId: string;
  name: string;
  spotifyPlaylistId: string | null;
  curator: string | null;
}

/**
 * Decides which registered playlist each scraped playlist row points at, by the ownership rule
 * (playlist-ownership.ts). An unregistered playlist credited to a song's only vendor is registered
 * once: it joins the index at once, so later rows of the same import match it like any other.
 */
export class PlaylistLinker {
  readonly autoDetected: AutoDetectedPlaylist[] = [];

  constructor(
    private readonly index: PlaylistIndex,
    private readonly newId: () => string = uuidV7,
  ) {}

  /** The Playlist id for the row, or null for organic streams (Spotify-curated, unmatched, ambiguous). */
  link(row: ScrapedPlaylistRow, vendorsOfSong: ReadonlySet<string>): string | null {
    const owner = ownerOf(row, this.index, vendorsOfSong);
    if (owner.kind === 'vendor') return owner.playlistId;
    if (owner.kind === 'auto_detected') return this.register(owner.vendorId, row);
    if (owner.reason !== 'unassigned_playlist') return null;
    // Registered without a vendor: organic, but still that playlist.
    const matched = this.index.match(row);
    return matched && matched !== 'ambiguous' ? matched.playlist.id : null;
  }

  private register(vendorId: string, row: ScrapedPlaylistRow): string {
    const playlist: AutoDetectedPlaylist = { id: this.newId(), vendorId, name: row.name, spotifyPlaylistId: row.spotifyPlaylistId, curator: row.curator };
    this.autoDetected.push(playlist);
    this.index.add(playlist);
    return playlist.id;
  }
}
