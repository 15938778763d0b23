/** The 22-character Spotify id in a playlist URL, URI or bare id; null when there is none. */
export function spotifyPlaylistId(text: string): string | null {
  const match = /(?:open\.spotify\.com\/(?:intl-[a-z]{2}\/)?(?:user\/[^/]+\/)?playlist\/|spotify:(?:user:[^:]+:)?playlist:|^)([A-Za-z0-9]{22})(?:$|[/?#])/.exec(
    text.trim(),
  );
  return match ? match[1]! : null;
}

/** Whether a URL points at Spotify at all (then it must name a playlist). */
export function isSpotifyUrl(text: string): boolean {
  return /(^|\/\/|\.)spotify\.com\b|^spotify:/i.test(text.trim());
}
