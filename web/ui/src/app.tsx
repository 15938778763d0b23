import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useTool } from './api/use-tool.ts';
import { SessionProvider, useSession } from './auth/session.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { MeContext } from './auth/organization.tsx';
import { Empty, ErrorState, Loading } from './components/states.tsx';
import { Shell } from './layout/shell.tsx';
import { Link, matchPath, useLocation } from './router.tsx';

// One chunk per page: the charts library only loads with the pages that draw charts.
const OverviewPage = lazy(() => import('./pages/overview/overview-page.tsx'));
const CampaignsPage = lazy(() => import('./pages/campaigns/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./pages/campaigns/campaign-page.tsx'));
const VendorsPage = lazy(() => import('./pages/vendors/vendors-page.tsx'));
const AttributionPage = lazy(() => import('./pages/attribution/attribution-page.tsx'));
const ApprovalsPage = lazy(() => import('./pages/approvals/approvals-page.tsx'));
const ChatPage = lazy(() => import('./pages/chat/chat-page.tsx'));

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

const ROUTES: ReadonlyArray<{ pattern: string; title: string; page: Page }> = [
  { pattern: '/', title: 'Overview', page: OverviewPage },
  { pattern: '/campaigns', title: 'Campaigns', page: CampaignsPage },
  { pattern: '/campaigns/:id', title: 'Campaign', page: CampaignPage },
  { pattern: '/vendors', title: 'Vendors', page: VendorsPage },
  { pattern: '/attribution', title: 'Attribution', page: AttributionPage },
  { pattern: '/approvals', title: 'Approvals', page: ApprovalsPage },
  { pattern: '/chat', title: 'Chat', page: ChatPage },
];

function resolve(path: string) {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { ...route, params };
  }
  return null;
}

function SignedIn() {
  const { path } = useLocation();
  const me = useTool('whoami', {});
  const route = resolve(path);

  useEffect(() => {
    document.title = `${route?.title ?? 'Not found'} · Crescendo`;
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
      <Shell organization={me.data.organization.name}>
        <Suspense fallback={<Loading label="Opening the page" />}>
          {route ? <route.page key={route.pattern} params={route.params} /> : (
            <Empty title="There is no page here.">
              <Link href="/">Go to the overview</Link>
            </Empty>
          )}
        </Suspense>
      </Shell>
    </MeContext.Provider>
  );
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
