import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatInstant, formatMoney } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { AdsTabs, PlatformTag } from './ads-parts.tsx';

type Alert = ToolOutput<'spend_alerts'>['alerts'][number];

const CAUSE_LABEL: Record<Alert['cause'], string> = { over_daily_limit: 'Over the daily limit', monthly_pace: 'On pace to exceed the monthly limit', no_conversions: 'Spending with no conversions' };
const CAUSE_CLASS: Record<Alert['cause'], string> = { over_daily_limit: '', monthly_pace: 'ad-alert-pace', no_conversions: 'ad-alert-dry' };

/** Budget alerts: over a daily limit, on pace past a monthly one, or spending without conversions. */
export default function AdAlertsPage() {
  const alerts = useTool('spend_alerts', {});
  return (
    <>
      <PageHeader title="Ads" subtitle="Budget alerts, checked after every sync in each account's currency and days; each is posted once to the Slack alerts channel." />
      <AdsTabs />
      <Loaded result={alerts} label="Loading alerts">
        {(data) => (
          <>
            <div className="stats">
              <StatCard label="Over a daily limit" value={data.counts.over_daily_limit} tone={data.counts.over_daily_limit ? 'bad' : undefined} />
              <StatCard label="Monthly pace" value={data.counts.monthly_pace} tone={data.counts.monthly_pace ? 'bad' : undefined} />
              <StatCard label="No conversions" value={data.counts.no_conversions} tone={data.counts.no_conversions ? 'bad' : undefined} />
              <StatCard label="Accounts with limits" value={data.accounts_with_limits} detail={<Link href="/ads">Limits are set per account</Link>} />
            </div>
            <Panel title="Alerts" description="Yesterday for every cause, and today's spend so far against daily limits.">
              {data.alerts.length === 0 ? <Empty title="No alert.">{data.note}</Empty> : data.alerts.map((alert) => <AlertCard key={`${alert.cause}-${alert.scope}-${alert.ad_campaign_id ?? alert.ad_account_id}-${alert.day}`} alert={alert} />)}
            </Panel>
          </>
        )}
      </Loaded>
    </>
  );
}

function AlertCard({ alert }: { alert: Alert }) {
  return (
    <article className={`ad-alert ${CAUSE_CLASS[alert.cause]}`}>
      <div className="small">
        <strong>{CAUSE_LABEL[alert.cause]}</strong> · <PlatformTag platform={alert.platform} /> · {alert.account_name}{alert.campaign_name ? ` › ${alert.campaign_name}` : ''}
        {' · '}{formatDay(alert.day, { short: true })}{alert.partial_day ? ' (so far today)' : ''}
      </div>
      <p>{alert.message}</p>
      <p className="small muted">
        {alert.limit !== null ? `Limit ${formatMoney(alert.limit, alert.currency)} · ` : ''}
        {alert.projected !== null ? `Projected ${formatMoney(alert.projected, alert.currency)} · ` : ''}
        {alert.posted_at ? `Posted to Slack ${formatInstant(alert.posted_at)}` : 'Not posted yet'}
      </p>
    </article>
  );
}
