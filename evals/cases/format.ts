/** How the scripted answers write figures: as a careful analyst would, straight from tool output. */
export const num = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 4 });
export const money = (value: number, currency: string): string => `${currency} ${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** The row with the largest (or smallest) value of a field, skipping nulls. */
export function best<T>(rows: T[], field: (row: T) => number | null | undefined, direction: 'max' | 'min' = 'max'): T {
  const candidates = rows.filter((row) => field(row) !== null && field(row) !== undefined);
  if (!candidates.length) throw new Error('no row has the field');
  return candidates.reduce((winner, row) => ((direction === 'max' ? field(row)! > field(winner)! : field(row)! < field(winner)!) ? row : winner));
}
