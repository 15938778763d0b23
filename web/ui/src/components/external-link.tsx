import type { ReactNode } from 'react';
import { safeLinkHref } from './safe-link.ts';

/** A stored link, opened in a new tab; text only when its scheme is not one that opens a page. */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const safe = safeLinkHref(href);
  if (!safe) return <>{children}</>;
  return <a href={safe} target="_blank" rel="noreferrer noopener">{children}</a>;
}
