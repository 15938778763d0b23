import type { ToolOutput } from '../../api/tool-types.ts';
import { ExternalLink } from '../../components/external-link.tsx';
import { formatInstant, formatNumber } from '../../components/format.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formHref } from '../../forms/form-link.tsx';
import { useCatalogueTool } from '../../forms/tool-catalogue.ts';
import { Link } from '../../router.tsx';
import { extraFigureNames, figureLabel } from '../clients/extra-figures.ts';

type Row = ToolOutput<'list_playlists'>['rows'][number];
export type PlaylistSort = string;

/** A sort key of list_playlists and the row field it orders by. */
const SORT_FIELDS: Record<string, string> = { followers: 'follower_count' };
const fieldOfSort = (sort: string) => SORT_FIELDS[sort] ?? sort;
const sortOfField = (field: string) => Object.entries(SORT_FIELDS).find(([, name]) => name === field)?.[0] ?? field;

// Shown by name below; any other figure a row gains later gets its own column.
const SHOWN = new Set(['follower_count', 'avg_daily_streams', 'songs_placed', 'delivered_streams']);

export function PlaylistsTable({ rows, sortable, sort, order, onSort }: {
  rows: readonly Row[]; sortable: readonly string[]; sort: string; order: 'asc' | 'desc' | undefined; onSort(sort: string, order: 'asc' | 'desc'): void;
}) {
  const extra = extraFigureNames(rows as unknown as ReadonlyArray<Record<string, unknown>>, SHOWN);
  const canEdit = useCatalogueTool('update_playlist').state === 'ready';
  const shownOrder = order ?? (sort === 'name' ? 'asc' : 'desc');

  const header = (field: string, label: string, numeric: boolean) => {
    const key = sortOfField(field);
    const className = numeric ? 'num' : undefined;
    if (!sortable.includes(key)) return <th key={field} scope="col" className={className}>{label}</th>;
    const active = fieldOfSort(sort) === field;
    const next = active ? (shownOrder === 'asc' ? 'desc' : 'asc') : numeric ? 'desc' : 'asc';
    return (
      <th key={field} scope="col" className={className} aria-sort={active ? (shownOrder === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(key, next)}>
          {label}<span aria-hidden="true">{active ? (shownOrder === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <TableScroll label="Playlists">
      <table className="playlists-table">
        <thead>
          <tr>
            {header('name', 'Playlist', false)}
            <th scope="col" className="hide-narrow">Vendor</th>
            <th scope="col" className="hide-narrow">Genres</th>
            {header('follower_count', 'Followers', true)}
            {header('avg_daily_streams', 'Avg daily streams', true)}
            {header('songs_placed', 'Songs placed', true)}
            {header('delivered_streams', 'Delivered by vendor', true)}
            {extra.map((name) => header(name, figureLabel(name), true))}
            <th scope="col" className="hide-narrow">Last scraped</th>
            {canEdit ? <th scope="col" className="cell-actions"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="cell-title">
                {row.url ? <ExternalLink href={row.url}>{row.name}</ExternalLink> : row.name}
                {row.curator ? <div className="muted cell-sub">{row.curator}</div> : null}
                {/* On a phone the vendor and genres columns fold in here, so the figures fit beside the name. */}
                <div className="muted cell-sub show-narrow">{[row.vendor_name ?? 'Unassigned', ...row.genres].join(' · ')}</div>
              </th>
              <td className="hide-narrow">{row.vendor_id ? <Link href={`/playlists?vendor=${encodeURIComponent(row.vendor_id)}`}>{row.vendor_name}</Link> : <span className="muted">Unassigned</span>}
                {row.auto_detected ? <span className="muted" title="Registered automatically from a scrape"> (auto)</span> : null}</td>
              <td className="hide-narrow">{row.genres.join(', ') || <span className="muted">—</span>}</td>
              <td className="num">{formatNumber(row.follower_count)}</td>
              <td className="num">{row.avg_daily_streams === null ? <span className="muted" title="Not in any scrape yet">not scraped</span> : formatNumber(row.avg_daily_streams)}</td>
              <td className="num">{formatNumber(row.songs_placed)}</td>
              <td className="num">{formatNumber(row.delivered_streams)}</td>
              {extra.map((name) => <td key={name} className="num">{formatNumber((row as unknown as Record<string, number | null>)[name])}</td>)}
              <td className="hide-narrow nowrap">{formatInstant(row.last_scraped_at)}</td>
              {canEdit ? <td><Link href={formHref('update_playlist', { playlist_id: row.id, ...(row.vendor_id ? { vendor_id: row.vendor_id } : {}), back: '/playlists' })} aria-label={`Edit ${row.name}`}>Edit</Link></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

