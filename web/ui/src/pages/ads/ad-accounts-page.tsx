import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { formatInstant, formatMoney, formatNumber, plural } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formHref } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { AccountStatusBadge, AdsTabs, CONNECTABLE, OutcomeBadge, platformLabel, PlatformTag } from './ads-parts.tsx';

type Account = ToolOutput<'list_ad_accounts'>['rows'][number];
type Message = { tone: 'good' | 'bad'; text: string };

/** Ad accounts: connect a platform, see each account's sync health, limits and spend, sync one now. */
export default function AdAccountsPage() {
  const accounts = useTool('list_ad_accounts', { limit: 100 });
  const canWrite = useMe().permissions.includes('ads:write');
  const connect = useConnect();
  return (
    <>
      <PageHeader
        title="Ads"
        subtitle="Meta, Google Ads and TikTok accounts Crescendo reads every morning: spend, results and budget alerts without CSV exports."
        actions={canWrite ? (
          <div className="ad-connect">
            {CONNECTABLE.map((platform) => (
              <button key={platform} type="button" className={`button ${platform === 'meta' ? 'button-primary' : ''}`} disabled={connect.busy !== null} onClick={() => connect.start(platform)}>
                {connect.busy === platform ? 'Opening…' : `Connect ${platformLabel(platform)}`}
              </button>
            ))}
          </div>
        ) : null}
      />
      <AdsTabs />
      {connect.message ? <p className={`small ${connect.message.tone}`} role={connect.message.tone === 'bad' ? 'alert' : 'status'}>{connect.message.text}</p> : null}
      <Loaded result={accounts} label="Loading ad accounts">
        {(page) => (
          <>
            <ReauthBanner accounts={page.rows.filter((account) => account.status === 'needs_reauth')} canWrite={canWrite} connect={connect} />
            <Panel title="Accounts" description="Synced daily at each account's set hour in its own time zone. Spend is in each account's currency and days.">
              {page.rows.length ? <AccountTable rows={page.rows} canWrite={canWrite} reload={accounts.reload} /> : (
                <Empty title="No ad account connected yet.">
                  {canWrite ? 'Connect Meta, Google Ads or TikTok above: every account the sign-in reaches is listed here and its last 30 days are synced.' : 'Someone with ads access can connect Meta, Google Ads or TikTok.'}
                </Empty>
              )}
            </Panel>
          </>
        )}
      </Loaded>
    </>
  );
}

function useConnect() {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  async function start(platform: (typeof CONNECTABLE)[number]) {
    setBusy(platform);
    setMessage(null);
    try {
      const answer = await api.callTool('connect_ad_account', { platform });
      window.location.assign(answer.authorization_url);
    } catch (error) {
      setMessage({ tone: 'bad', text: error instanceof ApiError ? error.message : String(error) });
      setBusy(null);
    }
  }
  return { busy, message, start };
}

function ReauthBanner({ accounts, canWrite, connect }: { accounts: readonly Account[]; canWrite: boolean; connect: ReturnType<typeof useConnect> }) {
  if (accounts.length === 0) return null;
  return (
    <section className="ad-reauth" role="alert" aria-labelledby="ad-reauth-title">
      <h2 id="ad-reauth-title">{plural(accounts.length, 'account')} stopped syncing: access must be granted again</h2>
      <ul>
        {accounts.map((account) => (
          <li key={account.ad_account_id}>
            <span><strong>{account.name}</strong> · <PlatformTag platform={account.platform} />{account.last_sync?.error ? <span className="ad-error"> · {account.last_sync.error}</span> : null}</span>
            {canWrite && (CONNECTABLE as readonly string[]).includes(account.platform) ? (
              <button type="button" className="button button-primary" disabled={connect.busy !== null} onClick={() => connect.start(account.platform as (typeof CONNECTABLE)[number])}>
                Reconnect {platformLabel(account.platform)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Manager accounts first, each followed by the accounts under it. */
function inHierarchy(rows: readonly Account[]): Array<Account & { child: boolean }> {
  const ids = new Set(rows.map((row) => row.ad_account_id));
  const children = new Map<string, Account[]>();
  for (const row of rows) if (row.parent && ids.has(row.parent.ad_account_id)) children.set(row.parent.ad_account_id, [...(children.get(row.parent.ad_account_id) ?? []), row]);
  const ordered: Array<Account & { child: boolean }> = [];
  const visit = (row: Account, child: boolean) => {
    ordered.push({ ...row, child });
    for (const under of children.get(row.ad_account_id) ?? []) visit(under, true);
  };
  for (const row of rows) if (!row.parent || !ids.has(row.parent.ad_account_id)) visit(row, Boolean(row.parent));
  return ordered;
}

/** A manager (agency) account spends nothing itself: its clients do. */
const manager = (row: Account) => row.child_accounts > 0 && row.spend.month_to_date === 0;

function AccountTable({ rows, canWrite, reload }: { rows: readonly Account[]; canWrite: boolean; reload(): void }) {
  return (
    <TableScroll label="Ad accounts">
      <table>
        <thead>
          <tr>
            <th scope="col">Account</th><th scope="col" className="num">Yesterday</th><th scope="col" className="num">Month to date</th>
            <th scope="col">Status</th><th scope="col">Last sync</th><th scope="col">Limits</th>
          </tr>
        </thead>
        <tbody>
          {inHierarchy(rows).map((row) => (
            <tr key={row.ad_account_id}>
              <th scope="row" className={`cell-title ${row.child ? 'ad-child' : ''}`}>
                {row.name}{row.is_demo ? <> <span className="badge" title="A stand-in of the demo organisation: its figures are seeded, never synced">Demo</span></> : null}
                <div className="muted small cell-sub">
                  <PlatformTag platform={row.platform} /> · {row.external_id}
                  {row.child_accounts ? ` · manages ${plural(row.child_accounts, 'account')}` : ''}
                  {row.parent ? ` · under ${row.parent.name}` : ''}
                  {row.creator_campaign ? ` · for ${row.creator_campaign.name}` : ''}
                </div>
              </th>
              <td className="num">{manager(row) ? '—' : formatMoney(row.spend.yesterday, row.currency)}</td>
              <td className="num">
                {manager(row) ? <span className="muted small">In the accounts under it</span> : formatMoney(row.spend.month_to_date, row.currency)}
                {row.limits.monthly_budget ? <div className={`small ${row.spend.month_to_date > row.limits.monthly_budget ? 'tone-bad' : 'muted'}`}>{Math.round((row.spend.month_to_date / row.limits.monthly_budget) * 100)}% of monthly</div> : null}
              </td>
              <td><AccountStatusBadge status={row.status} /></td>
              <td><LastSync row={row} canWrite={canWrite} reload={reload} /></td>
              <td className="small nowrap">
                {row.limits.daily_budget === null && row.limits.monthly_budget === null ? <div className="muted">No limits</div> : null}
                {row.limits.daily_budget !== null ? <div>Daily {formatMoney(row.limits.daily_budget, row.currency)}</div> : null}
                {row.limits.monthly_budget !== null ? <div>Monthly {formatMoney(row.limits.monthly_budget, row.currency)}</div> : null}
                {row.limits.no_conversion_days ? <div className="muted">Alert after {row.limits.no_conversion_days} days without conversions</div> : null}
                {canWrite && !manager(row) ? <Link className="small" href={formHref('update_ad_account', { ad_account_id: row.ad_account_id, back: '/ads' })}>Set limits</Link> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function LastSync({ row, canWrite, reload }: { row: Account & { child: boolean }; canWrite: boolean; reload(): void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  async function syncNow() {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.callTool('sync_ad_account', { ad_account_id: row.ad_account_id });
      setMessage({ tone: 'good', text: answer.status === 'queued' ? `Sync of ${answer.from} to ${answer.to} queued.` : `Synced ${formatNumber(answer.run?.rows ?? 0)} campaign-days.` });
      reload();
    } catch (error) {
      setMessage({ tone: 'bad', text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }
  const syncable = canWrite && !row.is_demo && row.status === 'active';
  return (
    <div className="small">
      {row.last_sync ? (
        <>
          <OutcomeBadge outcome={row.last_sync.outcome} /> <span className="muted nowrap">{formatInstant(row.last_sync.at)}</span>
          {row.last_sync.rows !== null ? <div className="muted">{plural(row.last_sync.rows, 'campaign-day')}</div> : null}
          {row.last_sync.error ? <div className="ad-error">{row.last_sync.error}</div> : null}
        </>
      ) : <span className="muted">{row.child_accounts ? 'Manager account: the accounts under it sync' : 'Never synced'}</span>}
      {syncable ? <div><button type="button" className="button button-quiet" disabled={busy} onClick={syncNow}>{busy ? 'Queueing…' : 'Sync now'}</button></div> : null}
      {message ? <div className={message.tone} role={message.tone === 'bad' ? 'alert' : 'status'}>{message.text}</div> : null}
    </div>
  );
}
