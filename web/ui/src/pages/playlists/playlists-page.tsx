import { useEffect, useId, useState } from 'react';
import type { ToolInput, ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { FormLink } from '../../forms/form-link.tsx';
import { useCatalogueTool } from '../../forms/tool-catalogue.ts';
import { navigate, useLocation } from '../../router.tsx';
import { AskAboutLink } from '../chat/ask-about-link.tsx';
import { formatDay } from '../../components/format.ts';
import { ExportButton } from './export-button.tsx';
import { PlaylistsTable, type PlaylistSort } from './playlists-table.tsx';

type Input = ToolInput<'list_playlists'>;
type Page = ToolOutput<'list_playlists'>;

/**
 * Every vendor playlist with its reach and what it delivered. Filters and sort live in the query
 * string, so a view can be shared; the sortable columns are the ones list_playlists can sort by.
 */
export default function PlaylistsPage() {
  const { query } = useLocation();
  const vendorId = query.get('vendor') ?? '';
  const genre = query.get('genre') ?? '';
  const sort = query.get('sort') ?? 'name';
  const order = query.get('order') === 'asc' || query.get('order') === 'desc' ? (query.get('order') as 'asc' | 'desc') : undefined;
  const [search, setSearch] = useState(query.get('q') ?? '');
  const settled = useDebounced(search.trim());
  const [genreDraft, setGenreDraft] = useState(genre);
  const settledGenre = useDebounced(genreDraft.trim());
  const vendors = useTool('list_vendors', { limit: 200 });
  const sortable = useSortable();
  const vendorFilter = useId();

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const suffix = next.toString();
    navigate(`/playlists${suffix ? `?${suffix}` : ''}`, { replace: true });
  };
  // What was typed, once settled, goes into the URL (which the list follows).
  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    if (settled !== (current.get('q') ?? '') || settledGenre !== (current.get('genre') ?? '')) update({ q: settled, genre: settledGenre });
  }, [settled, settledGenre]);

  const input: Input = {
    limit: 50,
    sort: (sortable.includes(sort) ? sort : 'name') as Input['sort'],
    ...(order ? { order } : {}),
    ...(vendorId ? { vendor_id: vendorId } : {}),
    ...(genre ? { genre } : {}),
    ...(query.get('q') ? { search: query.get('q')! } : {}),
  };
  const first = useTool('list_playlists', input);
  const filtered = Boolean(vendorId || genre || query.get('q'));
  const vendorName = vendorId && vendors.state === 'ready' ? vendors.data.rows.find((vendor) => vendor.id === vendorId)?.name : undefined;

  return (
    <>
      <PageHeader
        title="Playlists"
        subtitle="Every vendor playlist: its genres, followers, average daily streams, the songs placed with its vendor that it listed, and the streams it delivered them."
        actions={<>
          <FormLink tool="add_vendor_playlist" values={vendorId ? { vendor_id: vendorId } : {}} primary>Add a playlist</FormLink>
          {/* export_table takes no filters: the button says it exports every playlist, not the filtered view. */}
          <ExportButton table="playlists" label="Export all" />
          {vendorName ? <AskAboutLink about={vendorName}>Ask about this vendor</AskAboutLink> : null}
        </>}
      />
      <Panel title="Playlist list">
        <form className="page-actions filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <label className="field">Search<input type="search" value={search} placeholder="Playlist or curator" onChange={(event) => setSearch(event.target.value)} /></label>
          {/* Labelled by id, not by wrapping: a wrapping label would add the chosen option to the select's name. */}
          <div className="field">
            <label htmlFor={vendorFilter}>Vendor</label>
            <select id={vendorFilter} value={vendorId} onChange={(event) => update({ vendor: event.target.value })}>
              <option value="">All vendors</option>
              {vendors.state === 'ready' ? vendors.data.rows.map((vendor) => <option key={vendor.id} value={vendor.id}>{vendor.name}</option>) : null}
            </select>
          </div>
          <label className="field">Genre<input type="search" value={genreDraft} placeholder="e.g. dance" onChange={(event) => setGenreDraft(event.target.value)} /></label>
        </form>
        <Loaded result={first} label="Loading playlists">
          {(page) => (
            <PlaylistPages key={JSON.stringify(input)} input={input} first={page} filtered={filtered} sortable={sortable}
              sort={input.sort ?? 'name'} order={order} onSort={(nextSort, nextOrder) => update({ sort: nextSort === 'name' ? '' : nextSort, order: nextOrder })} />
          )}
        </Loaded>
      </Panel>
    </>
  );
}

/** The sort keys list_playlists publishes: a sort the tool gains becomes a sortable column with no UI change. */
function useSortable(): string[] {
  const lookup = useCatalogueTool('list_playlists');
  if (lookup.state !== 'ready') return ['name', 'followers', 'avg_daily_streams', 'songs_placed', 'delivered_streams'];
  const sort = (lookup.tool.input_schema.properties as Record<string, { enum?: string[] }> | undefined)?.sort;
  return sort?.enum ?? ['name'];
}

function PlaylistPages({ input, first, filtered, sortable, sort, order, onSort }: {
  input: Input; first: Page; filtered: boolean; sortable: readonly string[]; sort: PlaylistSort; order: 'asc' | 'desc' | undefined;
  onSort(sort: string, order: 'asc' | 'desc'): void;
}) {
  const pages = useMorePages('list_playlists', input, first);
  const { rows } = pages;

  if (!rows.length) {
    return filtered ? <Empty title="No playlist matches.">Try another vendor, genre or name.</Empty> : <Empty title="No playlists yet."><FormLink tool="add_vendor_playlist">Register the first one</FormLink></Empty>;
  }
  return (
    <>
      <PlaylistsTable rows={rows} sortable={sortable} sort={sort} order={order} onSort={onSort} />
      <p className="muted small">
        As of {formatDay(first.as_of)}. Delivered by vendor: 12-month streams this playlist credits to its vendor's placements, each song from the
        latest scrape that lists it (a song the playlist dropped keeps its last figures).
      </p>
      <MorePagesFooter pages={pages} />
    </>
  );
}
