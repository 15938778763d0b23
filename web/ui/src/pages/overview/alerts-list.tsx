import { memo, useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { ExternalLink } from '../../components/external-link.tsx';
import { formatDay, plural } from '../../components/format.ts';
import { Empty } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { songAnchor } from '../campaigns/song-anchor.ts';
import './overview.css';

type Alerts = ToolOutput<'campaign_alerts'>;
type Alert = Alerts['alerts'][number];

const TYPE_LABELS: Record<Alert['type'], string> = {
  under_delivering: 'Under-delivering',
  stale_scrape: 'Stale scrape',
  dropped_from_playlist: 'Dropped from playlist',
};
const FIRST_SHOWN = 6;

/** Each alert names its campaign and song (both linked), the vendor, what is wrong and what to do. */
export const AlertsList = memo(function AlertsList({ alerts }: { alerts: Alerts }) {
  const [all, setAll] = useState(false);
  if (!alerts.alerts.length) return <Empty title="No alerts: every placement is on track.">Checked {formatDay(alerts.as_of)}.</Empty>;
  const shown = all ? alerts.alerts : alerts.alerts.slice(0, FIRST_SHOWN);
  return (
    <>
      <ul className="plain-list" aria-label="Alerts">
        {shown.map((alert, index) => (
          <li key={`${alert.type}-${alert.placement_id ?? alert.track_id}-${index}`}>
            <div className="alert-head">
              <span className={`badge badge-${alert.severity}`}>{TYPE_LABELS[alert.type]}</span>
              <Link href={`/campaigns/${alert.campaign_id}`}>{alert.campaign_name}</Link>
              <span className="muted">·</span>
              <span>“<Link href={`/campaigns/${alert.campaign_id}#${songAnchor(alert.track_id)}`}>{alert.song}</Link>”
                {' '}<span className="small"><ExternalLink href={alert.track_url}>on Spotify</ExternalLink></span></span>
              {alert.vendor_name ? <><span className="muted">·</span><span>{alert.vendor_name}</span></> : null}
            </div>
            <p className="alert-message">{alert.message} <span className="muted">{alert.action}</span></p>
          </li>
        ))}
      </ul>
      {alerts.alerts.length > FIRST_SHOWN ? (
        <button type="button" className="button button-quiet" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${plural(alerts.alerts.length, 'alert')}`}
        </button>
      ) : null}
    </>
  );
});
