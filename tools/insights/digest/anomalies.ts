/**
 * The digest's anomaly rule: a day's value of one series (an artist's streams, a channel's spend)
 * is an anomaly when it lies outside mean ± 3 standard deviations of the same series over the 28
 * days before it. Days without data inside the window count as 0; a series needs data on at least
 * 14 of those days to be judged, so a new artist or channel is never "anomalous". The standard
 * deviation is the population one; with a perfectly steady history (sd 0) any change is flagged.
 */
export const ANOMALY_RULE = {
  windowDays: 28,
  minimumDaysWithData: 14,
  deviations: 3,
} as const;

export interface SeriesAnomaly {
  key: string;
  value: number;
  mean: number;
  sd: number;
  direction: 'above' | 'below';
}

/**
 * `history[key]` holds the series' values by day offset: index 0 is the day judged, 1 the day
 * before, up to `windowDays`; undefined is a day without data.
 */
export function findAnomalies(history: ReadonlyMap<string, ReadonlyArray<number | undefined>>): SeriesAnomaly[] {
  const anomalies: SeriesAnomaly[] = [];
  for (const [key, days] of history) {
    const window = Array.from({ length: ANOMALY_RULE.windowDays }, (_, index) => days[index + 1]);
    if (window.filter((value) => value !== undefined).length < ANOMALY_RULE.minimumDaysWithData) continue;
    const values = window.map((value) => value ?? 0);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    const value = days[0] ?? 0;
    if (Math.abs(value - mean) > ANOMALY_RULE.deviations * sd) anomalies.push({ key, value, mean, sd, direction: value > mean ? 'above' : 'below' });
  }
  return anomalies.sort((a, b) => Math.abs(b.value - b.mean) / (b.sd || 1) - Math.abs(a.value - a.mean) / (a.sd || 1) || a.key.localeCompare(b.key));
}
