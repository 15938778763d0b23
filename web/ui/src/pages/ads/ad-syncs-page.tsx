import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatInstant, formatNumber } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Link } from '../../router.tsx';
import { AdsTabs, OutcomeBadge, PlatformTag } from './ads-parts.tsx';

const PROBLEM_TEXT = { needs_reauth: 'Access must be granted again', last_sync_failed: 'Last sync failed', never_synced: 'Never synced' } as const;

/** The sync history: every run with its outcome, and the accounts that need someone first. */
export default function AdSyncsPage() {
  const status = useTool('sync_status', { limit: 50 });
  return (
    <>
      <PageHeader title="Ads" subtitle="Every sync of the ad accounts: when, what range, how many campaign-days, and what went wrong." />
      <AdsTabs />
      <Loaded result={status} label="Loading sync history">
        {(data) => (
          <>
            {data.attention.length ? (
              <section className="ad-reauth" aria-labelledby="ad-attention-title">
                <h2 id="ad-attention-title">Needs attention</h2>
                <ul>
                  {data.attention.map((account) => (
                    <li key={account.ad_account_id}>
                      <span><strong>{account.name}</strong> · <PlatformTag platform={account.platform} /> · {PROBLEM_TEXT[account.problem]}{account.error ? <span className="ad-error"> · {account.error}</span> : null}</span>
                      <Link href="/ads" className="button">Open accounts</Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <Panel title="Sync runs" description="Scheduled daily at each account's hour; manual and webhook runs too.">
              {data.runs.length === 0 ? <Empty title="No sync has run yet." /> : (
                <TableScroll label="Sync runs">
                  <table>
                    <thead>
                      <tr><th scope="col">Account</th><th scope="col">Started</th><th scope="col">Outcome</th><th scope="col">Range</th><th scope="col">Trigger</th><th scope="col" className="num">Rows</th><th scope="col" className="num">Took</th></tr>
                    </thead>
                    <tbody>
                      {data.runs.map((run) => (
                        <tr key={run.sync_run_id}>
                          <th scope="row" className="cell-title">{run.account_name ?? (run.kind === 'bigquery' ? 'BigQuery' : '—')}{run.error ? <div className="ad-error">{run.error}</div> : null}</th>
                          <td className="nowrap">{formatInstant(run.started_at)}</td>
                          <td><OutcomeBadge outcome={run.outcome} /></td>
                          <td className="nowrap">{formatDay(run.from, { short: true })} – {formatDay(run.to, { short: true })}</td>
                          <td>{run.trigger}</td>
                          <td className="num">{formatNumber(run.rows)}</td>
                          <td className="num">{run.duration_ms === null ? '—' : `${(run.duration_ms / 1000).toFixed(1)} s`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </Panel>
          </>
        )}
      </Loaded>
    </>
  );
}
