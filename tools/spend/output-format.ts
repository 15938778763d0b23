/** Per-stream rates are fractions of a cent: shown to 8 places (the column's scale), never to cents. */
export const perStreamRate = (value: number): number => Math.round(value * 1e8) / 1e8;

/** A change as a percentage of `before` (2 decimals); null when there is nothing to compare with. */
export function percentChange(after: number, before: number): number | null {
  return before === 0 ? null : Math.round(((after - before) / before) * 10_000) / 100;
}
