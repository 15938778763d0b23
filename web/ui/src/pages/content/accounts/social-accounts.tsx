import { useState, type CSSProperties } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { useTool } from '../../../api/use-tool.ts';
import { useApi } from '../../../auth/session.tsx';
import { PLATFORM_COLOURS, isPlatform, platformLabel, type Platform } from '../platforms.ts';

/** The platforms that connect through their own sign-in page (Snapchat is connected with its tokens). */
const SIGN_IN_PLATFORMS: Platform[] = ['instagram', 'facebook', 'tiktok', 'youtube', 'pinterest', 'x'];

const STATUS_WORDS: Record<string, string> = { connected: 'connected', expired: 'expired: connect it again', revoked: 'revoked: connect it again' };

/**
 * The accounts posts go out from, and a sign-in button per platform: start_social_connection gives
 * the platform's sign-in link, the browser goes there and comes back to /content?connected=…
 * (or to a page saying why not). A platform the server has no app credentials for says which.
 */
export function SocialAccounts({ connected }: { connected: string | null }) {
  const api = useApi();
  const accounts = useTool('list_social_accounts', {});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<Platform | null>(null);

  async function connect(platform: Platform) {
    setBusy(platform);
    setProblem(null);
    try {
      const start = await api.callTool('start_social_connection', { platform });
      window.location.assign(start.authorization_url);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
      setBusy(null);
    }
  }

  const rows = accounts.state === 'ready' ? accounts.data.accounts : [];
  return (
    <details className="panel cal-accounts" open={rows.length === 0 || Boolean(connected) || undefined}>
      <summary>
        Accounts{accounts.state === 'ready' ? ` (${rows.length} connected)` : ''}
      </summary>
      {connected && isPlatform(connected) ? <p className="notice-done" role="status">{platformLabel(connected)} is connected: its posts can now be scheduled.</p> : null}
      {rows.length ? (
        <ul className="cal-account-list">
          {rows.map((account) => (
            <li key={account.social_account_id} style={{ '--platform': isPlatform(account.platform) ? PLATFORM_COLOURS[account.platform] : undefined } as CSSProperties}>
              <strong>{account.display_name}</strong> <span className="muted">{isPlatform(account.platform) ? platformLabel(account.platform) : account.platform}, {STATUS_WORDS[account.status] ?? account.status}</span>
            </li>
          ))}
        </ul>
      ) : accounts.state === 'ready' ? <p className="muted">No account is connected yet: posts can be written and approved, and are published once an account is connected.</p> : null}
      <div className="cal-connect" role="group" aria-label="Connect an account">
        {SIGN_IN_PLATFORMS.map((platform) => (
          <button key={platform} type="button" className="button" disabled={busy !== null} onClick={() => void connect(platform)}>
            {busy === platform ? 'Opening…' : `Connect ${platformLabel(platform)}`}
          </button>
        ))}
      </div>
      {problem ? <p className="notice-failed" role="alert">{problem}</p> : null}
    </details>
  );
}
