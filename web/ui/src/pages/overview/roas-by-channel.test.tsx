import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../api/tool-types.ts';
import { RoasByChannel } from './roas-by-channel.tsx';

type Row = ToolOutput<'roas_summary'>['rows'][number];

function row(key: string, label: string, spend: number, revenue: number): Row {
  return {
    key, label, campaign_id: null, spend, attributed_revenue: revenue, attributed_conversions: 1, new_customers: 1, roas: spend ? revenue / spend : null, roi: null,
    cac: null, cpa: null, impressions: null, clicks: null, cpm: null, cpc: null, ctr: null, conversion_rate: null,
  };
}

function summary(rows: Row[]): ToolOutput<'roas_summary'> {
  return { group_by: 'channel', model: 'linear', from: '2026-10-01', to: '2026-10-31', currency: 'USD', rows, totals: {} as ToolOutput<'roas_summary'>['totals'] };
}

describe('RoasByChannel', () => {
  it('lists every channel, saying "no spend" where ROAS cannot be computed', () => {
    render(<RoasByChannel summary={summary([row('meta', 'Meta', 1000, 410), row('email', 'Email', 0, 880)])} />);
    expect(within(screen.getByRole('row', { name: /^Meta/ })).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['$1,000.00', '$410.00', '0.41×']);
    expect(within(screen.getByRole('row', { name: /^Email/ })).getByText('no spend')).toBeTruthy();
  });

  it('shows each key by the label the tool gives it, never the raw key', () => {
    render(<RoasByChannel summary={summary([row('mirage-club-wild-mirage', 'Mirage Club – Wild Mirage', 200, 300)])} />);
    expect(screen.getByRole('rowheader', { name: 'Mirage Club – Wild Mirage' })).toBeTruthy();
    expect(screen.queryByText(/mirage-club/i)).toBeNull();
  });

  it('has an empty state', () => {
    render(<RoasByChannel summary={summary([])} />);
    expect(screen.getByText('No spend or attributed revenue in this period.')).toBeTruthy();
  });
});
