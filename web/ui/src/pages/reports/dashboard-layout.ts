export interface Placed { x: number; y: number; w: number; h: number }

export const GRID_COLUMNS = 12;

/**
 * Lays widgets out in their order, left to right, starting a new row when one no longer fits: the
 * editor changes widths and order, never coordinates, so widgets can never overlap.
 */
export function flowLayout<Widget extends { w: number; h: number }>(widgets: readonly Widget[]): Array<Widget & Placed> {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((widget) => {
    const w = Math.min(Math.max(widget.w, 1), GRID_COLUMNS);
    if (x + w > GRID_COLUMNS) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    const placed = { ...widget, x, y, w };
    x += w;
    rowHeight = Math.max(rowHeight, widget.h);
    return placed;
  });
}

/** Widgets in reading order (top to bottom, then left to right): how they stack on a phone. */
export function readingOrder<Widget extends Placed>(widgets: readonly Widget[]): Widget[] {
  return [...widgets].sort((a, b) => a.y - b.y || a.x - b.x);
}
