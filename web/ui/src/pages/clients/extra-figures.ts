import { labelOf } from '../../forms/schema-fields.ts';

/** What the vendors' playlists delivered, reported beside the songs' own plays once the client tools give it. */
export const VENDOR_DELIVERED = 'vendor_delivered_streams';

/**
 * Figures a list tool has gained since this page was written (a new count, the songs' own plays):
 * every numeric field of the row that the page does not already show, labelled from its name, so
 * the table shows them without a UI change.
 */
export function extraFigureNames(rows: ReadonlyArray<Record<string, unknown>>, shown: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!shown.has(name) && (typeof value === 'number' || value === null) && !name.endsWith('_id')) names.add(name);
    }
  }
  // A column that is null on every row says nothing.
  return [...names].filter((name) => rows.some((row) => typeof row[name] === 'number'));
}

export function figureLabel(name: string): string {
  return labelOf(name).replace(/\b(\d+)(d|m)\b/, '$1$2');
}
