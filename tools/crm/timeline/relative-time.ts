const UNITS: Array<[string, number]> = [['year', 365 * 86_400_000], ['month', 30 * 86_400_000], ['week', 7 * 86_400_000], ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000]];

/** "3 hours ago", "in 2 days", "just now": how long from `now` to `when`, in the largest whole unit. */
export function relativeTime(when: Date, now: Date): string {
  const delta = when.getTime() - now.getTime();
  const size = Math.abs(delta);
  for (const [unit, ms] of UNITS) {
    const count = Math.floor(size / ms);
    if (count >= 1) {
      const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
      return delta < 0 ? `${phrase} ago` : `in ${phrase}`;
    }
  }
  return 'just now';
}
