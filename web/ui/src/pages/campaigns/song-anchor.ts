/** The id of a song's section on its campaign page, so alerts and other pages can link straight to it. */
export function songAnchor(trackId: string): string {
  return `song-${trackId}`;
}
