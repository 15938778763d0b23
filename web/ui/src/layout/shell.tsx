import { useEffect, useRef, type ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { Link, useLocation } from '../router.tsx';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/vendors', label: 'Vendors' },
  { href: '/attribution', label: 'Attribution' },
  { href: '/approvals', label: 'Approvals' },
  { href: '/chat', label: 'Chat' },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Navigation, sign-out and the page; focus moves to the page heading on navigation for screen readers. */
export function Shell({ organization, children }: { organization: string | null; children: ReactNode }) {
  const { path } = useLocation();
  const { signOut } = useSession();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(path);

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
        <nav aria-label="Main" className="nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>{item.label}</Link>
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
