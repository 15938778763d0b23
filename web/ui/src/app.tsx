import { useEffect, useState, type ComponentType } from 'react';
import { useWhoami } from './auth/use-whoami.ts';
import { SessionProvider, useSession } from './auth/session.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { MeContext } from './auth/organization.tsx';
import { PageErrorBoundary } from './components/error-boundary.tsx';
import { ErrorState, Loading } from './components/states.tsx';
import { PageHeader } from './components/layout-parts.tsx';
import { Shell } from './layout/shell.tsx';
import { matchPath, PAGE_PATHS, type PagePattern } from './page-paths.ts';
import { Link, useLocation } from './router.tsx';

type PageComponent = ComponentType<{ params: Record<string, string> }>;
interface Page {
  /** Set once the chunk has loaded. */
  loaded?: PageComponent;
  load(): Promise<unknown>;
  preload(): void;
}

/**
 * One chunk per page, so a page's code (and its charts) loads only when it is opened. `preload`
 * starts fetching a page's chunk while the session is still being checked, not after.
 */
function lazyPage(load: () => Promise<{ default: PageComponent }>): Page {
  let loading: Promise<{ default: PageComponent }> | undefined;
  const page: Page = {
    load: () => once(),
    preload: () => void once(),
  };
  const once = () => (loading ??= load().then((module) => {
    page.loaded = module.default;
    return module;
  }));
  return page;
}

const OverviewPage = lazyPage(() => import('./pages/overview/overview-page.tsx'));
const CampaignsPage = lazyPage(() => import('./pages/campaigns/campaigns-page.tsx'));
const CampaignPage = lazyPage(() => import('./pages/campaigns/campaign-page.tsx'));
const VendorsPage = lazyPage(() => import('./pages/vendors/vendors-page.tsx'));
const AttributionPage = lazyPage(() => import('./pages/attribution/attribution-page.tsx'));
const ApprovalsPage = lazyPage(() => import('./pages/approvals/approvals-page.tsx'));
const ChatPage = lazyPage(() => import('./pages/chat/chat-page.tsx'));
const ClientsPage = lazyPage(() => import('./pages/clients/clients-page.tsx'));
const ClientPage = lazyPage(() => import('./pages/clients/client-page.tsx'));
const PlaylistsPage = lazyPage(() => import('./pages/playlists/playlists-page.tsx'));
const ToolFormPage = lazyPage(() => import('./forms/tool-form-page.tsx'));
const UsagePage = lazyPage(() => import('./pages/usage/usage-page.tsx'));
const ContentCalendarPage = lazyPage(() => import('./pages/content/calendar/content-calendar-page.tsx'));
const GeneratorPage = lazyPage(() => import('./pages/content/generator/generator-page.tsx'));
const PostEditorPage = lazyPage(() => import('./pages/content/editor/post-editor-page.tsx'));
const ReportsPage = lazyPage(() => import('./pages/reports/reports-page.tsx'));
const ReportBuilderPage = lazyPage(() => import('./pages/reports/report-builder-page.tsx'));
const MetricsPage = lazyPage(() => import('./pages/reports/metrics-page.tsx'));
const DashboardPage = lazyPage(() => import('./pages/reports/dashboard-page.tsx'));
const PipelinePage = lazyPage(() => import('./pages/crm/pipeline-page.tsx'));
const CompaniesPage = lazyPage(() => import('./pages/crm/companies-page.tsx'));
const CompanyPage = lazyPage(() => import('./pages/crm/company-page.tsx'));
const ContactsPage = lazyPage(() => import('./pages/crm/contacts-page.tsx'));
const ContactPage = lazyPage(() => import('./pages/crm/contact-page.tsx'));
const DealPage = lazyPage(() => import('./pages/crm/deal-page.tsx'));
const TasksPage = lazyPage(() => import('./pages/crm/tasks-page.tsx'));
const CreatorsPage = lazyPage(() => import('./pages/creators/creators-page.tsx'));
const CreatorPage = lazyPage(() => import('./pages/creators/creator-page.tsx'));
const CreatorCampaignsPage = lazyPage(() => import('./pages/creators/creator-campaigns-page.tsx'));
const CreatorCampaignPage = lazyPage(() => import('./pages/creators/creator-campaign-page.tsx'));
const AdAccountsPage = lazyPage(() => import('./pages/ads/ad-accounts-page.tsx'));
const AdPerformancePage = lazyPage(() => import('./pages/ads/ad-performance-page.tsx'));
const AdAlertsPage = lazyPage(() => import('./pages/ads/ad-alerts-page.tsx'));
const AdSyncsPage = lazyPage(() => import('./pages/ads/ad-syncs-page.tsx'));

const PAGES: Record<PagePattern, Page> = {
  '/': OverviewPage,
  '/campaigns': CampaignsPage,
  '/campaigns/:id': CampaignPage,
  '/vendors': VendorsPage,
  '/attribution': AttributionPage,
  '/approvals': ApprovalsPage,
  '/approvals/:id': ApprovalsPage,
  '/chat': ChatPage,
  '/clients': ClientsPage,
  '/clients/:id': ClientPage,
  '/playlists': PlaylistsPage,
  '/forms/:tool': ToolFormPage,
  '/usage': UsagePage,
  '/content': ContentCalendarPage,
  '/content/generate': GeneratorPage,
  '/content/posts/:id': PostEditorPage,
  '/reports': ReportsPage,
  '/reports/new': ReportBuilderPage,
  '/reports/metrics': MetricsPage,
  '/reports/dashboards/:id': DashboardPage,
  '/reports/:id': ReportBuilderPage,
  '/crm/pipeline': PipelinePage,
  '/crm/companies': CompaniesPage,
  '/crm/companies/:id': CompanyPage,
  '/crm/contacts': ContactsPage,
  '/crm/contacts/:id': ContactPage,
  '/crm/deals/:id': DealPage,
  '/crm/tasks': TasksPage,
  '/creators': CreatorsPage,
  '/creators/campaigns': CreatorCampaignsPage,
  '/creators/campaigns/:id': CreatorCampaignPage,
  '/creators/:id': CreatorPage,
  '/ads': AdAccountsPage,
  '/ads/performance': AdPerformancePage,
  '/ads/alerts': AdAlertsPage,
  '/ads/syncs': AdSyncsPage,
};

function resolve(path: string) {
  for (const route of PAGE_PATHS) {
    const params = matchPath(route.pattern, path);
    if (params) return { ...route, page: PAGES[route.pattern], params };
  }
  return null;
}

function SignedIn() {
  const { path } = useLocation();
  const me = useWhoami();
  const route = resolve(path);
  route?.page.preload();

  useEffect(() => {
    document.title = `${route?.title ?? 'Page not found'} · Crescendo`;
  }, [route?.title]);

  if (me.state !== 'ready') {
    return (
      <Shell organization={null}>
        {me.state === 'loading' ? <Loading label="Signing in" /> : <ErrorState error={me.error} onRetry={me.reload} />}
      </Shell>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <Shell organization={me.data.organization.name} permissions={me.data.permissions}>
        <PageErrorBoundary key={path}>
          {route ? <RoutePage key={route.title} page={route.page} params={route.params} /> : <PageNotFound />}
        </PageErrorBoundary>
      </Shell>
    </MeContext.Provider>
  );
}

/** A mistyped or outdated link (the server answered it with status 404). */
function PageNotFound() {
  return (
    <>
      <PageHeader title="Page not found" subtitle="This address is not a page of Crescendo: the link may be mistyped or out of date." />
      <p><Link href="/">Go to the overview</Link></p>
    </>
  );
}

/**
 * The page once its chunk is in. Not React.lazy: Suspense holds a revealed page back for up to
 * 300 ms after its chunk arrives, which on the first page was a fifth of the time to a drawn
 * overview (`npm run bench ui`). A chunk that fails to load goes to the page's error boundary.
 */
function RoutePage({ page, params }: { page: Page; params: Record<string, string> }) {
  const [failure, setFailure] = useState<unknown>(null);
  const [, setLoaded] = useState(false);
  useEffect(() => {
    // Also when the chunk arrived between this render and the effect: the render showed "Opening".
    let current = true;
    page.load().then(() => current && setLoaded(true), (error: unknown) => current && setFailure(error ?? new Error('The page could not be loaded.')));
    return () => {
      current = false;
    };
  }, [page]);
  if (failure) throw failure;
  const Component = page.loaded;
  return Component ? <Component params={params} /> : <Loading label="Opening the page" />;
}

function Gate() {
  const { api } = useSession();
  return api ? <SignedIn /> : <SignInPage />;
}

export function App({ initialToken }: { initialToken?: string }) {
  return (
    <SessionProvider initialToken={initialToken}>
      <Gate />
    </SessionProvider>
  );
}
