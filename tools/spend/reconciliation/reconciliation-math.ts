export interface Gap {
  estimated: number;
  actual: number;
  /** actual - estimated. */
  difference: number;
  /** difference / estimated x 100; null when nothing was estimated (no base to compare with). */
  variancePercent: number | null;
}

/** How far a payout is from its estimate; positive means the platform paid more than expected. */
export function payoutGap(estimated: number, actual: number): Gap {
  const difference = actual - estimated;
  return { estimated, actual, difference, variancePercent: estimated === 0 ? null : (difference / estimated) * 100 };
}

/** The totals line: the gap of the sums (not an average of percentages). */
export function totalGap(gaps: readonly Gap[]): Gap {
  return payoutGap(
    gaps.reduce((sum, gap) => sum + gap.estimated, 0),
    gaps.reduce((sum, gap) => sum + gap.actual, 0),
  );
}

/** Largest absolute gap first, at full precision; ties keep their order. */
export function byLargestGap<T extends { gap: Gap }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Math.abs(b.gap.difference) - Math.abs(a.gap.difference));
}

/** Rounds a percentage to 2 places for output. */
export const percent = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);
