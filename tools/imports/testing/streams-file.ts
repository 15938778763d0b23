/**
 * A streams CSV of `rows` distinct rows (track, platform and date never repeat), for the big-import
 * tests and `npm run bench ingest`. `trackPrefix` keeps files of one test apart; `badLine` puts a
 * row with a negative stream count on that line (the header is line 1).
 */
export function streamsCsv(rows: number, options: { trackPrefix?: string; badLine?: number; streamsOffset?: number } = {}): string {
  const { trackPrefix = 'track', badLine, streamsOffset = 0 } = options;
  const lines = ['date,artist,track_id,platform,streams'];
  for (let index = 0; index < rows; index++) {
    const day = `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (Math.floor(index / 12) % 28)).padStart(2, '0')}`;
    const streams = index + 2 === badLine ? -1 : (index + streamsOffset) % 1000;
    lines.push(`${day},Artist ${index % 50},${trackPrefix}${Math.floor(index / 336)},spotify,${streams}`);
  }
  return `${lines.join('\n')}\n`;
}
