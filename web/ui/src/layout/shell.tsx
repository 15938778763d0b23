import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { Link, useLocation } from '../router.tsx';

/** Each item needs the permission its page's tools read with. */
const NAV = [
  { href: '/', label: 'Overview', permission: 'insights:read' },
  { href: '/campaigns', label: 'Campaigns', permission: 'campaigns:read' },
  { href: '/vendors', label: 'Vendors', permission: 'campaigns:read' },
  { href: '/playlists', label: 'Playlists', permission: 'campaigns:read' },
  { href: '/clients', label: 'Clients', permission: 'campaigns:read' },
  { href: '/attribution', label: 'Attribution', permission: 'attribution:read' },
  { href: '/reports', label: 'Reports', permission: 'reports:read' },
  { href: '/content', label: 'Content', permission: 'content:read' },
  // One entry for the CRM's four pages (pipeline, companies, contacts, tasks: their own tabs).
  { href: '/crm/pipeline', label: 'CRM', permission: 'crm:read', section: '/crm' },
  // Creator search, creator pages and creator campaigns (their own tabs).
  { href: '/creators', label: 'Creators', permission: 'creators:read', section: '/creators' },
  // Ad accounts, performance, alerts and sync history (their own tabs).
  { href: '/ads', label: 'Ads', permission: 'ads:read', section: '/ads' },
  { href: '/approvals', label: 'Approvals', permission: 'approvals:read' },
  { href: '/chat', label: 'Chat', permission: null },
  { href: '/usage', label: 'Usage', permission: 'audit:read' },
] as const;

function isCurrent(item: { href: string; section?: string }, path: string): boolean {
  const href = item.section ?? item.href;
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Navigation, sign-out and the page; on navigation focus moves to the page, so a screen reader starts there. */
export function Shell({ organization, permissions, children }: { organization: string | null; permissions?: readonly string[]; children: ReactNode }) {
  const { path } = useLocation();
  const { signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(path);

  const nav = useNavOverflow(path);

  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    main.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Crescendo overview">
          <svg viewBox="0 0 16 16" width="20" height="20" aria-hidden="true"><path d="M1 15 15 3v12z" fill="currentColor" /></svg>
          <span>Crescendo</span>
        </Link>
        <nav aria-label="Main" className="nav" ref={nav.ref} onScroll={nav.update} onFocus={nav.onFocus} data-more-before={nav.before || undefined} data-more-after={nav.after || undefined}>
          <ul>
            {NAV.filter((item) => !permissions || item.permission === null || permissions.includes(item.permission)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(item, path) ? 'page' : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          {organization ? <span className="org-name" title="Organisation">{organization}</span> : null}
          <button type="button" className="button button-quiet" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>{children}</main>
    </div>
  );
}

/**
 * On a phone the links stay on one row that scrolls sideways (CSS), each still a plain link in tab
 * order: this keeps the current page's link in view and says on which sides more links are hidden,
 * so the row fades there as a hint to scroll.
 */
function useNavOverflow(path: string) {
  const ref = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ before: false, after: false });
  const update = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const before = element.scrollLeft > 1;
    const after = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setEdges((shown) => (shown.before === before && shown.after === after ? shown : { before, after }));
  }, []);
  /** Scrolls the row only (scrollIntoView would also move the page) so the whole link shows, clear of the faded edges. */
  const reveal = useCallback((link: HTMLElement | null | undefined) => {
    const element = ref.current;
    if (!element || !link || element.scrollWidth <= element.clientWidth) return;
    const left = link.getBoundingClientRect().left - element.getBoundingClientRect().left + element.scrollLeft;
    const margin = 40;
    if (left - margin < element.scrollLeft) element.scrollLeft = Math.max(0, left - margin);
    else if (left + link.offsetWidth + margin > element.scrollLeft + element.clientWidth) element.scrollLeft = left + link.offsetWidth + margin - element.clientWidth;
  }, []);
  useLayoutEffect(() => {
    reveal(ref.current?.querySelector<HTMLElement>('[aria-current="page"]'));
    update();
  }, [path, reveal, update]);
  // A link reached with Tab that is only partly in view: the browser leaves it cut off.
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => reveal(event.target), [reveal]);
  useEffect(() => {
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [update]);
  return { ref, update, onFocus, ...edges };
}
