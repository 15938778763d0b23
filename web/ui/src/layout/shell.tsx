import { useEffect, useRef, type ReactNode } from 'react';
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
  { href: '/approvals', label: 'Approvals', permission: 'approvals:read' },
  { href: '/chat', label: 'Chat', permission: null },
  { href: '/usage', label: 'Usage', permission: 'audit:read' },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Navigation, sign-out and the page; on navigation focus moves to the page, so a screen reader starts there. */
export function Shell({ organization, permissions, children }: { organization: string | null; permissions?: readonly string[]; children: ReactNode }) {
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
            {NAV.filter((item) => !permissions || item.permission === null || permissions.includes(item.permission)).map((item) => (
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
