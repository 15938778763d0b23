/**
 * The UI's pages: the browser routes them (app.tsx) and the server answers exactly these paths
 * with the UI (web/ui-routes.ts), so an unknown path is a 404 there, never a blank page. Plain
 * data with no React, so the server can import it.
 */
export const PAGE_PATHS = [
  { pattern: '/', title: 'Overview' },
  { pattern: '/campaigns', title: 'Campaigns' },
  { pattern: '/campaigns/:id', title: 'Campaign' },
  { pattern: '/vendors', title: 'Vendors' },
  { pattern: '/attribution', title: 'Attribution' },
  { pattern: '/approvals', title: 'Approvals' },
  // Approval links in Slack messages and tool answers point here.
  { pattern: '/approvals/:id', title: 'Approvals' },
  { pattern: '/chat', title: 'Chat' },
  { pattern: '/clients', title: 'Clients' },
  { pattern: '/clients/:id', title: 'Client' },
  { pattern: '/playlists', title: 'Playlists' },
  { pattern: '/usage', title: 'Assistant usage' },
  { pattern: '/content', title: 'Content calendar' },
  { pattern: '/content/generate', title: 'Write posts' },
  { pattern: '/content/posts/:id', title: 'Post' },
  // The specific report pages come before /reports/:id, which would match them too.
  { pattern: '/reports', title: 'Reports' },
  { pattern: '/reports/new', title: 'New report' },
  { pattern: '/reports/metrics', title: 'Metric catalogue' },
  { pattern: '/reports/dashboards/:id', title: 'Dashboard' },
  { pattern: '/reports/:id', title: 'Report' },
  // The CRM (issue 20): the deal pipeline, companies, contacts and tasks.
  { pattern: '/crm/pipeline', title: 'Deal pipeline' },
  { pattern: '/crm/companies', title: 'Companies' },
  { pattern: '/crm/companies/:id', title: 'Company' },
  { pattern: '/crm/contacts', title: 'Contacts' },
  { pattern: '/crm/contacts/:id', title: 'Contact' },
  { pattern: '/crm/deals/:id', title: 'Deal' },
  { pattern: '/crm/tasks', title: 'Tasks' },
  // Creators (issue 21): search, the creator page, creator campaigns and their board. The
  // campaigns paths come before /creators/:id, which would match /creators/campaigns too.
  { pattern: '/creators', title: 'Creators' },
  { pattern: '/creators/campaigns', title: 'Creator campaigns' },
  { pattern: '/creators/campaigns/:id', title: 'Creator campaign' },
  { pattern: '/creators/:id', title: 'Creator' },
  // Ads (issue 22): accounts and their sync health, performance across platforms, alerts, sync history.
  { pattern: '/ads', title: 'Ads' },
  { pattern: '/ads/performance', title: 'Ad performance' },
  { pattern: '/ads/alerts', title: 'Ad alerts' },
  { pattern: '/ads/syncs', title: 'Ad sync history' },
  // One form per write tool, generated from its input schema (web/ui/src/forms).
  { pattern: '/forms/:tool', title: 'Form' },
] as const;

export type PagePattern = (typeof PAGE_PATHS)[number]['pattern'];

/** Matches `/campaigns/:id` style patterns; the decoded parameters, or null (also for malformed escapes). */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.replace(/\/+$/, '').split('/');
  if (pattern === '/') return path === '/' || path === '' ? {} : null;
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index]!;
    if (part.startsWith(':')) {
      if (!actual) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}

export function isPagePath(path: string): boolean {
  return PAGE_PATHS.some((page) => matchPath(page.pattern, path) !== null);
}
