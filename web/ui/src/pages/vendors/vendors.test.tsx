import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { vendorRow } from '../../testing/fixtures.ts';
import { sortVendors } from './sort-vendors.ts';
import { VendorScorecard } from './vendor-scorecard.tsx';
import { Scorecards } from './vendors-page.tsx';

const rows = [vendorRow('Bassline', 4, 0), vendorRow('Golden Hour', 3.37, 100), vendorRow('New Vendor', null, null), vendorRow('Echo', 3.58, 83)];

describe('sortVendors', () => {
  it('puts the cheapest real streams first and vendors without deliveries last', () => {
    expect(sortVendors(rows, 'real_cost').map((row) => row.vendor_name)).toEqual(['Golden Hour', 'Echo', 'Bassline', 'New Vendor']);
  });

  it('puts the most reliable first, unknown reliability last', () => {
    expect(sortVendors(rows, 'reliability').map((row) => row.vendor_name)).toEqual(['Golden Hour', 'Echo', 'Bassline', 'New Vendor']);
    expect(sortVendors([vendorRow('B', 5, 50), vendorRow('A', 9, 50)], 'reliability').map((row) => row.vendor_name)).toEqual(['A', 'B']);
  });
});

describe('VendorScorecard', () => {
  it('shows real and promised cost, delivery and reliability, flagging under-delivery', () => {
    render(<ol><VendorScorecard vendor={vendorRow('Bassline Media', 4, 0, { delivery_rate: 0.4755 })} currency="USD" rank={5} /></ol>);
    const card = within(screen.getByRole('heading', { name: /Bassline Media/ }).closest('li')!);
    const figure = (term: string) => card.getByText(term).nextElementSibling!;
    expect(figure('Real cost / 1k').textContent).toBe('$4.00');
    expect(figure('Promised cost / 1k').textContent).toBe('$3.00');
    expect(figure('Delivery rate').textContent).toBe('48%');
    expect(figure('Delivery rate').className).toContain('tone-bad');
    expect(figure('Reliability').textContent).toBe('0 / 100');
    expect(card.getByText('Playlists')).toBeTruthy();
  });
});

describe('Only vendors with an active campaign', () => {
  const data = {
    as_of: '2026-11-20', currency: 'USD', genre: null,
    rows: [vendorRow('Bassline', 4, 0, { active_campaigns: 2 }), vendorRow('Idle Curators', 3, 90, { active_campaigns: 0 }), vendorRow('Retired Echo', 5, 50, { active_campaigns: 1, is_active: false })],
  } as Parameters<typeof Scorecards>[0]['data'];
  const names = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

  it('hides exactly the vendors with no active campaign, and says how many are shown of how many', () => {
    render(<Scorecards data={data} sort="real_cost" runningOnly />);
    expect(names()).toEqual(['#1 Bassline', '#2 Retired Echo']);
    expect(screen.getByText(/^2 of 3 vendors have an active campaign, as of/)).toBeTruthy();
  });

  it('shows every vendor when cleared', () => {
    render(<Scorecards data={data} sort="real_cost" runningOnly={false} />);
    expect(names()).toEqual(['#1 Idle Curators', '#2 Bassline', '#3 Retired Echo']);
    expect(screen.getByText(/^3 vendors, as of/)).toBeTruthy();
  });

  it('counts placements and campaigns in words: 1 placement, 1 active campaign', () => {
    render(<ol><VendorScorecard vendor={vendorRow('Solo', 4, 0, { placements: 1, placements_with_promise: 1, active_campaigns: 1, avg_daily_streams: 1 })} currency="USD" rank={1} /></ol>);
    expect(screen.getByText(/1 placement \(1 with a promise to judge\), 1 active campaign, 1 stream a day\./)).toBeTruthy();
  });
});
