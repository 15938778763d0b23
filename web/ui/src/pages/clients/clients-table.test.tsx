import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClientsTable } from './clients-page.tsx';

type Rows = Parameters<typeof ClientsTable>[0]['rows'];

const cobalt = { id: 'cl-1', name: 'Cobalt Records', contact_person: 'Ana Ortiz', emails: [], campaigns: 3, active_campaigns: 2, total_budget: 4_500, streams_delivered: 120_000 };

describe('ClientsTable', () => {
  it('shows the counts, budget and streams list_clients gives', () => {
    render(<ClientsTable rows={[cobalt] as unknown as Rows} currency="USD" />);
    const row = screen.getByRole('row', { name: /Cobalt Records/ });
    expect(within(row).getByRole('link', { name: 'Cobalt Records' }).getAttribute('href')).toBe('/clients/cl-1');
    expect(row.textContent).toContain('Ana Ortiz · 3 campaigns');
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['2', '$4,500.00', '120,000']);
    expect(screen.queryByRole('columnheader', { name: 'Completed' })).toBeNull();
  });

  it('adds the columns a newer list_clients gives: completed campaigns, vendor-delivered streams, any new figure', () => {
    const newer = { ...cobalt, completed_campaigns: 1, vendor_delivered_streams: 310_000, saves_28d: 4_200 };
    render(<ClientsTable rows={[newer] as unknown as Rows} currency="USD" />);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Client', 'Active campaigns', 'Completed', 'Budget', 'Song plays, 28 days', 'Delivered by vendors', 'Saves 28d',
    ]);
    const row = screen.getByRole('row', { name: /Cobalt Records/ });
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['2', '1', '$4,500.00', '120,000', '310,000', '4,200']);
  });
});
