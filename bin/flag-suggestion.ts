/** The real flag closest to one a person mistyped (`--time_zone` -> `--time-zone`), if any is close. */
export function nearestFlag(typed: string, flags: readonly string[]): string | undefined {
  const normalise = (flag: string) => flag.replace(/^-+/, '').replaceAll('_', '-').toLowerCase();
  const wanted = normalise(typed);
  let best: { flag: string; distance: number } | undefined;
  for (const flag of flags) {
    const distance = editDistance(wanted, normalise(flag));
    if (!best || distance < best.distance) best = { flag, distance };
  }
  // Beyond a third of the word, a "suggestion" is a guess that misleads more than it helps.
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? `--${best.flag}` : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
