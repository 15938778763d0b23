import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { campaignRow, playlist, song } from '../../testing/fixtures.ts';
import { CampaignsTable } from './campaigns-table.tsx';
import { SongPlaylistsTable } from './song-playlists-table.tsx';
import { SongFigures } from './campaign-page.tsx';

describe('CampaignsTable', () => {
  it('links each campaign to its page and shows real against promised progress', () => {
    render(<CampaignsTable rows={[campaignRow(), campaignRow({ id: 'c-2', name: 'Lagging', delivered: 10_000, promised_to_date: 40_000, delivery_rate: 0.25, progress: 0.1 })]} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);

    const first = within(rows[0]!);
    expect(first.getByRole('link', { name: 'Vera Hale – Silver Rush' }).getAttribute('href')).toBe('/campaigns/c-1');
    expect(first.getByText('80%')).toBeTruthy();
    expect(first.getByRole('meter', { name: /progress to goal/ }).getAttribute('aria-valuenow')).toBe('40');

    const lagging = within(rows[1]!).getByText('25%');
    expect(lagging.className).toContain('tone-bad');
  });

  it('names which streams are which: the songs\' own 28-day plays beside what the vendors delivered', () => {
    render(<CampaignsTable rows={[campaignRow({ streams_28d: 61_200, delivered: 40_000 })]} />);
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toContain('Song plays, 28 days');
    expect(headers).toContain('Delivered by vendors');
    const cells = within(screen.getAllByRole('row')[1]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells[headers.indexOf('Song plays, 28 days') - 1]).toBe('61,200');
    expect(cells[headers.indexOf('Delivered by vendors') - 1]).toBe('40,000');
  });

  it('shows a dash, not 0%, when nothing is promised yet', () => {
    render(<CampaignsTable rows={[campaignRow({ delivery_rate: null, promised_to_date: 0, progress: null, goal: 0 })]} />);
    const row = within(screen.getAllByRole('row')[1]!);
    expect(row.getAllByText('—').length).toBeGreaterThan(0);
    expect(row.getByRole('meter').getAttribute('aria-valuetext')).toBe('no goal');
  });
});

describe('SongPlaylistsTable', () => {
  it('lists every playlist with its vendor, streams 7d/28d/12m and date added', () => {
    render(<SongPlaylistsTable song={song()} />);
    const table = screen.getByRole('table', { name: /Playlists of Silver Rush/ });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['Pulse Media', '15,336', '15,336', '15,336', expect.stringContaining('2026')]);
    expect(rows[2]).toEqual(['Spotify', '1,090', '2,228', '2,228', '—']);
    expect(within(table).getByRole('rowheader', { name: 'Summer Dance Anthems Vol. 2' })).toBeTruthy();
  });

  it('says when the list is cut and when the song is on no playlist', () => {
    const { rerender } = render(<SongPlaylistsTable song={song({ playlists_total: 40 })} />);
    expect(screen.getByRole('table', { name: /top 3 of 40/ })).toBeTruthy();
    rerender(<SongPlaylistsTable song={song({ playlists: [], playlists_total: 0, scraped_at: null })} />);
    expect(screen.getByText(/Not on any playlist in the latest scrape \(never scraped yet\)/)).toBeTruthy();
  });

  it('keeps a playlist that dropped the song, with the date it was dropped', () => {
    render(<SongPlaylistsTable song={song({ playlists: [playlist('Gone Mix', 'Pulse Media', [10, 400, 3_000], '2026-10-01', { dropped_on: '2026-11-18' })] })} />);
    const header = screen.getByRole('rowheader', { name: /Gone Mix/ });
    expect(header.textContent).toMatch(/dropped .*18/);
    expect(within(screen.getAllByRole('row')[1]!).getAllByRole('cell').map((cell) => cell.textContent).slice(1, 4)).toEqual(['10', '400', '3,000']);
  });

  it('marks playlists registered automatically from a scrape', () => {
    render(<SongPlaylistsTable song={song({ playlists: [playlist('Found', 'Echo Playlists', [1, 2, 3], '2026-11-01', { auto_detected: true })] })} />);
    expect(screen.getByTitle('Registered automatically from a scrape')).toBeTruthy();
  });
});

describe('SongFigures', () => {
  it('shows the song\'s own plays 7d/28d/12m, saves and adds beside what its vendors delivered', () => {
    render(<SongFigures song={song()} />);
    const list = screen.getByLabelText('Silver Rush: plays and delivery');
    const pairs = [...list.querySelectorAll('div')].map((pair) => [pair.querySelector('dt')!.textContent, pair.querySelector('dd')!.textContent]);
    expect(pairs).toEqual([
      ['Song plays, 7 days', '18,400'], ['Song plays, 28 days', '61,200'], ['Song plays, 12 months', '61,200'],
      ['Saves', '2,310'], ['Playlist adds', '145'], ['Delivered by vendors, 28 days', '15,336'],
    ]);
  });

  it('shows nothing for a song never scraped', () => {
    const { container } = render(<SongFigures song={song({ plays_7d: null, plays_28d: null, plays_12m: null, saves: null, playlist_adds: null })} />);
    expect(container.textContent).toBe('');
  });
});
