import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../auth/session.tsx';
import { SocialAccounts } from './social-accounts.tsx';

const ACCOUNT = { social_account_id: 'acc-1', platform: 'instagram', external_account_id: '1', display_name: 'Luna Vega', status: 'expired', token_expires_at: null, has_refresh_token: false, last_error: null, connected_at: '2026-12-01T09:00:00.000Z' };

/** The tool API answering by tool name; a refusal as the server sends it. */
function serve(answers: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const answer = answers[url.split('/').pop()!]!;
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the accounts panel', () => {
  it('lists accounts with what to do about an expired one, and says which app credentials a sign-in needs', async () => {
    serve({
      list_social_accounts: { status: 200, body: { accounts: [ACCOUNT] } },
      start_social_connection: { status: 503, body: { error: { code: 'unavailable', message: 'YouTube sign-in needs the app\'s OAuth credentials: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET and restart.' } } },
    });
    render(<SessionProvider initialToken="t"><SocialAccounts connected={null} /></SessionProvider>);
    expect(await screen.findByText('Instagram, expired: connect it again')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Connect YouTube' }));
    expect((await screen.findByRole('alert')).textContent).toContain('set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET');
  });

  it('sends the browser to the platform\'s sign-in link, and greets the account when it comes back', async () => {
    serve({
      list_social_accounts: { status: 200, body: { accounts: [] } },
      start_social_connection: { status: 200, body: { platform: 'tiktok', authorization_url: 'https://www.tiktok.com/v2/auth/authorize/?state=s', redirect_uri: 'http://localhost:3000/api/oauth/tiktok/callback', scopes: [], expires_at: '2026-12-06T06:00:00Z' } },
    });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    render(<SessionProvider initialToken="t"><SocialAccounts connected="tiktok" /></SessionProvider>);
    expect(await screen.findByText('TikTok is connected: its posts can now be scheduled.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Connect TikTok' }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('https://www.tiktok.com/v2/auth/authorize/?state=s'));
  });
});
