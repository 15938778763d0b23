import type { ToolOutput } from '../../api/tool-types.ts';
import { formatDay, formatNumber, formatShare } from '../../components/format.ts';
import { ProgressBar } from '../../components/layout-parts.tsx';
import { Link } from '../../router.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { toneClass } from '../../components/delivery-tone.ts';

export type CampaignRow = ToolOutput<'list_campaigns'>['rows'][number];

/**
 * Real progress (what the vendors delivered, of goal) next to the promise to date, so a lagging campaign stands out;
 * the songs' own 28-day plays (every source) sit beside it under their own name.
 */
export function CampaignsTable({ rows }: { rows: readonly CampaignRow[] }) {
  return (
    <TableScroll label="Campaigns">
      <table>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col" className="hide-narrow">Status, started</th>
            <th scope="col" className="num hide-narrow">Song plays, 28 days</th>
            <th scope="col" className="num hide-narrow">Delivered by vendors</th>
            <th scope="col" className="num hide-narrow">Promised to date</th>
            <th scope="col" className="num">Real vs promised</th>
            <th scope="col">Vendors' progress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="cell-title"><Link href={`/campaigns/${row.id}`}>{row.name}</Link><div className="muted cell-sub">{row.artist_name}<span className="hide-narrow"> · {row.client.name}</span> <span className={`badge badge-${row.status} show-narrow`}>{row.status}</span></div></th>
              <td className="hide-narrow"><span className={`badge badge-${row.status}`}>{row.status}</span><div className="muted small nowrap">{formatDay(row.start_date)}</div></td>
              <td className="num hide-narrow">{formatNumber(row.streams_28d)}</td>
              <td className="num hide-narrow">{formatNumber(row.delivered)}</td>
              <td className="num hide-narrow">{formatNumber(row.promised_to_date)}</td>
              <td className={`num ${toneClass(row.delivery_rate)}`}>{formatShare(row.delivery_rate)}</td>
              <td className="progress-cell">
                <ProgressBar value={row.progress} label={`${row.name}: delivered by vendors, progress to goal`} />
                <div className="muted small">{formatShare(row.progress)} of {formatNumber(row.goal)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
