import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeContext, type Me } from '../../auth/organization.tsx';
import { SessionProvider } from '../../auth/session.tsx';
import { matchPath, PAGE_PATHS } from '../../page-paths.ts';
import AdAccountsPage from './ad-accounts-page.tsx';
import AdPerformancePage from './ad-performance-page.tsx';
import { campaignStatusLabel } from './ads-parts.tsx';

const ME = { organization: { id: 'o-1', slug: 'demo', name: 'Demo Records', base_currency: 'USD', time_zone: 'UTC' }, permissions: ['ads:read', 'ads:write'] } as unknown as Me;

function serve(answers: Record<string, unknown>) {
  const calls: Array<{ tool: string; input: Record<string, unknown> }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const tool = url.split('/').pop()!;
    const input = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ tool, input });
    const answer = answers[tool];
    const body = typeof answer === 'function' ? (answer as (input: Record<string, unknown>) => unknown)(input) : answer;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}
afterEach(() => vi.unstubAllGlobals());

const withSession = (node: React.ReactNode) => render(<SessionProvider initialToken="t"><MeContext.Provider value={ME}>{node}</MeContext.Provider></SessionProvider>);

function account(overrides: Record<string, unknown>) {
  return {
    ad_account_id: 'a-1', platform: 'meta', external_id: '1001', name: 'Acme EU', currency: 'EUR', time_zone: 'Europe/Paris', status: 'active', is_demo: false,
    parent: null, child_accounts: 0, creator_campaign: null, sync_hour: 6,
    last_sync: { at: '2026-12-06T05:00:00Z', outcome: 'succeeded', error: null, rows: 16 },
    limits: { daily_budget: 100, monthly_budget: 2000, no_conversion_days: null }, spend: { yesterday: 95.5, month_to_date: 2100 },
    ...overrides,
  };
}

describe('ads pages', () => {
  it('serves the four ads paths', () => {
    for (const path of ['/ads', '/ads/performance', '/ads/alerts', '/ads/syncs']) expect(PAGE_PATHS.some((route) => matchPath(route.pattern, path))).toBe(true);
  });

  it('puts accounts needing re-authorisation first and loudly, with a reconnect that goes to the platform', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const calls = serve({
      list_ad_accounts: {
        rows: [
          account({ ad_account_id: 'a-3', platform: 'google', name: 'UK Search', status: 'needs_reauth', last_sync: { at: '2026-12-06T05:00:00Z', outcome: 'failed', error: 'Google Ads refused the grant (revoked).', rows: 0 } }),
          account({ ad_account_id: 'a-m', platform: 'google', name: 'Agency MCC', child_accounts: 1, spend: { yesterday: 0, month_to_date: 0 }, last_sync: null, limits: { daily_budget: null, monthly_budget: null, no_conversion_days: null } }),
          account({}),
          account({ ad_account_id: 'a-3c', platform: 'google', name: 'Client under MCC', parent: { ad_account_id: 'a-m', name: 'Agency MCC' } }),
        ],
        needs_reauth: 1, next_cursor: null,
      },
      connect_ad_account: { platform: 'google', authorization_url: 'https://accounts.google.com/o/oauth2/v2/auth?state=s', redirect_uri: 'x', expires_at: 'y' },
    });
    withSession(<AdAccountsPage />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('1 account stopped syncing');
    expect(banner.textContent).toContain('Google Ads refused the grant (revoked).');
    await userEvent.click(within(banner).getByRole('button', { name: 'Reconnect Google Ads' }));
    expect(calls.find((call) => call.tool === 'connect_ad_account')?.input).toEqual({ platform: 'google' });
    expect(assign).toHaveBeenCalledWith('https://accounts.google.com/o/oauth2/v2/auth?state=s');

    const names = screen.getAllByRole('rowheader').map((cell) => cell.textContent ?? '');
    // The client account follows its manager.
    expect(names.findIndex((name) => name.startsWith('Agency MCC')) + 1).toBe(names.findIndex((name) => name.startsWith('Client under MCC')));
    const acme = screen.getAllByRole('row').find((row) => row.textContent?.startsWith('Acme EU'))!;
    expect(acme.textContent).toContain('€95.50');
    expect(acme.textContent).toContain('105% of monthly');
    expect(within(acme).getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });

  it('shows the totals with their change against the previous period, and asks for the chosen period and platform', async () => {
    const totals = {
      spend: 1200, impressions: 200_000, clicks: 3000, conversions: 40, conversion_value: 1800, cpm: 6, cpc: 0.4, ctr: 0.015, cpa: 30, roas: 1.5, reach: null,
      video: { views: 10_000, p25: 6000, p50: 4000, p75: 3000, p100: 2000, completion_rate: 0.2 },
      spend_by_currency: [{ currency: 'USD', spend: 1200 }], accounts: 2, campaigns: 5, days_with_data: 30,
      previous: { spend: 1000, conversions: 50, cpa: 20, roas: 2, ctr: 0.015, spend_change: 0.2 },
    };
    const row = { ...totals, key: 'meta', label: 'meta', platform: 'meta', ad_account_id: null, account_name: null, ad_campaign_id: null, campaign_name: null, campaign_status: null, day: null, share_of_spend: 1 };
    const calls = serve({ ad_performance: () => ({ from: '2026-11-06', to: '2026-12-05', previous_from: null, previous_to: null, group_by: 'platform', base_currency: 'USD', rows: [row], rows_total: 1, totals, notes: [] }) });
    withSession(<AdPerformancePage />);
    expect((await screen.findByText('$1,200.00', { selector: '.stat-value' }))).toBeTruthy();
    const cards = screen.getAllByText(/vs previous period/).map((node) => node.textContent);
    expect(cards).toContain('▲ 20% vs previous period');
    // More spend is neither good nor bad by itself.
    expect(screen.getByText('▲ 20% vs previous period').className).toContain('muted');
    // CPA went from 20 to 30: worse, so shown as a rise in red.
    expect(screen.getByText('▲ 50% vs previous period').className).toContain('tone-bad');
    await userEvent.click(screen.getByRole('button', { name: 'TikTok' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yesterday' }));
    expect(calls.at(-1)!.input).toMatchObject({ days: 1, platforms: ['tiktok'] });
  });

  it('says platforms\' campaign statuses in words', () => {
    expect(['CAMPAIGN_STATUS_ENABLE', 'ENABLED', 'PAUSED', 'campaign_status_disable', null].map(campaignStatusLabel)).toEqual(['active', 'active', 'paused', 'paused', null]);
  });
});
