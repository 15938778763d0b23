import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../auth/session.tsx';
import { PlaylistsTable } from './playlists-table.tsx';

type Rows = Parameters<typeof PlaylistsTable>[0]['rows'];

const row = {
  id: 'p-1', name: 'Night Swim', vendor_id: 'v-1', vendor_name: 'Lighthouse', spotify_playlist_id: null, url: null, genres: ['dance', 'house'],
  follower_count: 12_400, curator: null, auto_detected: false, avg_daily_streams: 830, last_scraped_at: null, songs_placed: 3, delivered_streams: 45_000,
};

function renderTable(rows: unknown[], sort = 'name', onSort = vi.fn()) {
  // No server: the catalogue lookup (for the Edit column) fails quietly and the table shows without it.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
  render(<SessionProvider initialToken="t"><PlaylistsTable rows={rows as Rows} sortable={['name', 'followers', 'avg_daily_streams', 'songs_placed', 'delivered_streams']} sort={sort} order={undefined} onSort={onSort} /></SessionProvider>);
  return onSort;
}

afterEach(() => vi.unstubAllGlobals());

describe('PlaylistsTable', () => {
  it('sorts by the columns list_playlists can sort by: figures largest first, the current one marked', async () => {
    const onSort = renderTable([row], 'followers');
    expect(screen.getByRole('columnheader', { name: /Followers/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Vendor/ }).querySelector('button')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Followers/ }));
    expect(onSort).toHaveBeenLastCalledWith('followers', 'asc');
    await userEvent.click(screen.getByRole('button', { name: /Avg daily streams/ }));
    expect(onSort).toHaveBeenLastCalledWith('avg_daily_streams', 'desc');
    await userEvent.click(screen.getByRole('button', { name: /Delivered by vendor/ }));
    expect(onSort).toHaveBeenLastCalledWith('delivered_streams', 'desc');
    await userEvent.click(screen.getByRole('button', { name: /Songs placed/ }));
    expect(onSort).toHaveBeenLastCalledWith('songs_placed', 'desc');
  });

  it('shows songs placed and what the playlist delivered its vendor, then any figure the tool gains later', () => {
    renderTable([{ ...row, saves_28d: 77 }]);
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent!.replace(/[▲▼↕\s]+$/u, ''));
    expect(headers).toEqual(['Playlist', 'Vendor', 'Genres', 'Followers', 'Avg daily streams', 'Songs placed', 'Delivered by vendor', 'Saves 28d', 'Last scraped']);
    const cells = [...screen.getByRole('row', { name: /Night Swim/ }).querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells.slice(2, 6)).toEqual(['12,400', '830', '3', '45,000']);
  });
});
