import type { ToolDb } from '../../registry/tenant-scope.ts';

export interface SongTitle {
  title: string;
  artist: string;
}

/** What a person sees for a song nobody has named yet: never its Spotify id. */
export const UNNAMED_SONG = 'Untitled song (not scraped yet)';

/**
 * Songs by title and artist, for people: the title a placement was given, else the one the
 * latest scrape read; the artist the scrape read, else the campaign's. One entry per track, in
 * the order given.
 */
export async function songTitles(db: ToolDb, songs: ReadonlyArray<{ spotifyTrackId: string; songName?: string | null; campaignArtist: string }>): Promise<SongTitle[]> {
  const trackIds = [...new Set(songs.map((song) => song.spotifyTrackId))];
  if (trackIds.length === 0) return [];
  const [scraped, named] = await Promise.all([
    db.scrapeSnapshot.findMany({
      where: { spotifyTrackId: { in: trackIds } },
      orderBy: [{ spotifyTrackId: 'asc' }, { scrapedAt: 'desc' }],
      distinct: ['spotifyTrackId'],
      select: { spotifyTrackId: true, trackName: true, artistName: true },
    }),
    db.placement.findMany({ where: { spotifyTrackId: { in: trackIds }, songName: { not: null } }, distinct: ['spotifyTrackId'], select: { spotifyTrackId: true, songName: true } }),
  ]);
  const scrape = new Map(scraped.map((row) => [row.spotifyTrackId, row]));
  const placementName = new Map(named.map((row) => [row.spotifyTrackId, row.songName]));
  return trackIds.map((trackId) => {
    const given = songs.find((song) => song.spotifyTrackId === trackId)!;
    return {
      title: given.songName ?? placementName.get(trackId) ?? scrape.get(trackId)?.trackName ?? UNNAMED_SONG,
      artist: scrape.get(trackId)?.artistName ?? given.campaignArtist,
    };
  });
}
