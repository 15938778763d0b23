import { editDistance } from '../tools/common/edit-distance.ts';

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
