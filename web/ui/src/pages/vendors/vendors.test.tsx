import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { vendorRow } from '../../testing/fixtures.ts';
import { sortVendors } from './sort-vendors.ts';
import { VendorScorecard } from './vendor-scorecard.tsx';

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
