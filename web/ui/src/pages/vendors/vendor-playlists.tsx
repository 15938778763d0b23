import { useTool } from '../../api/use-tool.ts';
import { ExternalLink } from '../../components/external-link.tsx';
import { formatNumber, plural } from '../../components/format.ts';
import { Empty, Loaded } from '../../components/states.tsx';

/** Loaded when the card is opened: most vendors are compared on their figures alone. */
export function VendorPlaylists({ vendorId }: { vendorId: string }) {
  const playlists = useTool('list_playlists', { vendor_id: vendorId, sort: 'avg_daily_streams', limit: 100 });
  return (
    <Loaded result={playlists} label="Loading playlists">
      {(page) => page.rows.length ? (
        <ul className="plain-list">
          {page.rows.map((playlist) => (
            <li key={playlist.id} className="row-between">
              <span><ExternalLink href={playlist.url}>{playlist.name}</ExternalLink>
                {playlist.genres.length ? <span className="muted"> · {playlist.genres.join(', ')}</span> : null}</span>
              <span className="muted nowrap">
                {playlist.avg_daily_streams === null ? 'not scraped' : `${formatNumber(playlist.avg_daily_streams)}/day`}
                {playlist.follower_count === null ? '' : ` · ${plural(playlist.follower_count, 'follower')}`}
              </span>
            </li>
          ))}
          {page.next_cursor ? <li className="muted">Showing the top {page.rows.length} playlists.</li> : null}
        </ul>
      ) : <Empty title="No playlists registered for this vendor." />}
    </Loaded>
  );
}
