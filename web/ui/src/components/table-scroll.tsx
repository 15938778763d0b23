import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller on narrow screens: a labelled, focusable region, so keyboard
 * and screen-reader users can find it and scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
