import { memo, useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { Empty } from '../../components/states.tsx';
import { Link } from '../../router.tsx';

type Alerts = ToolOutput<'campaign_alerts'>;

const TYPE_LABELS: Record<Alerts['alerts'][number]['type'], string> = {
  under_delivering: 'Under-delivering',
  stale_scrape: 'Stale scrape',
  dropped_from_playlist: 'Dropped from playlist',
};
const FIRST_SHOWN = 6;

export const AlertsList = memo(function AlertsList({ alerts }: { alerts: Alerts }) {
  const [all, setAll] = useState(false);
  if (!alerts.alerts.length) return <Empty title="No alerts: every placement is on track.">Checked {alerts.as_of}.</Empty>;
  const shown = all ? alerts.alerts : alerts.alerts.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul className="plain-list">
        {shown.map((alert, index) => (
          <li key={`${alert.type}-${alert.placement_id ?? alert.track_id}-${index}`}>
            <div className="row-between">
              <span><span className={`badge badge-${alert.severity}`}>{TYPE_LABELS[alert.type]}</span>{' '}
                <Link href={`/campaigns/${alert.campaign_id}`}>{alert.campaign_name}</Link></span>
              <span className="muted hide-narrow">{alert.vendor_name ?? ''}</span>
            </div>
            <p className="alert-message">{alert.message} <span className="muted">{alert.action}</span></p>
          </li>
        ))}
      </ul>
      {alerts.alerts.length > FIRST_SHOWN ? (
        <button type="button" className="button button-quiet" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${alerts.alerts.length} alerts`}
        </button>
      ) : null}
    </>
  );
});
