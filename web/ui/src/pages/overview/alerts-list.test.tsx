import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../api/tool-types.ts';
import { AlertsList } from './alerts-list.tsx';

type Alert = ToolOutput<'campaign_alerts'>['alerts'][number];

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    type: 'under_delivering', severity: 'medium', campaign_id: 'c-1', campaign_name: 'Vera Hale – Silver Rush', placement_id: 'p-1',
    vendor_id: 'v-1', vendor_name: 'Pulse Media', track_id: '4uLU6hMCjMI75M1A2tKUQC', song: 'Silver Rush',
    track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', playlist_name: null, delivery_rate: 0.6333,
    message: 'Pulse Media is delivering 63% of the streams promised so far for "Silver Rush": 42,748 of 67,500.',
    action: 'Ask Pulse Media for a catch-up plan or a make-good (24,752 streams still owed); if delivery stays below 80%, move the rest of the budget to vendors that deliver.',
    ...overrides,
  };
}

describe('AlertsList', () => {
  it('names the campaign, the song and the vendor, linking the campaign and the song on it', () => {
    render(<AlertsList alerts={{ as_of: '2026-11-20', counts: { under_delivering: 1 }, alerts: [alert()] }} />);
    const item = within(screen.getByRole('list', { name: 'Alerts' }).querySelector('li')!);
    expect(item.getByRole('link', { name: 'Vera Hale – Silver Rush' }).getAttribute('href')).toBe('/campaigns/c-1');
    expect(item.getByRole('link', { name: 'Silver Rush' }).getAttribute('href')).toBe('/campaigns/c-1#song-4uLU6hMCjMI75M1A2tKUQC');
    expect(item.getByRole('link', { name: 'on Spotify' }).getAttribute('href')).toBe('https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC');
    expect(item.getByText('Pulse Media')).toBeTruthy();
    const text = screen.getByRole('list', { name: 'Alerts' }).textContent!;
    expect(text).toContain('delivering 63% of the streams promised');
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b0\.\d/);
  });

  it('counts the alerts it hides in words', () => {
    const many = Array.from({ length: 7 }, (_, index) => alert({ placement_id: `p-${index}` }));
    render(<AlertsList alerts={{ as_of: '2026-11-20', counts: { under_delivering: 7 }, alerts: many }} />);
    expect(screen.getByRole('button', { name: 'Show all 7 alerts' })).toBeTruthy();
  });

  it('says when nothing is wrong, with the day it checked', () => {
    render(<AlertsList alerts={{ as_of: '2026-11-20', counts: {}, alerts: [] }} />);
    expect(screen.getByText(/Checked Nov 20, 2026|Checked 20 Nov 2026/)).toBeTruthy();
  });
});
