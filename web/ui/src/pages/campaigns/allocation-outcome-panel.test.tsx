import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../api/tool-types.ts';
import { AllocationOutcomeTable } from './allocation-outcome-panel.tsx';

type Outcome = ToolOutput<'allocation_outcome'>;
type Figures = Outcome['totals'];

const figures = (overrides: Partial<Figures>): Figures => ({
  plans: 1, expected_streams: 8_000, expected_to_date: 3_200, delivered: 2_000, delivery_rate: 0.625,
  expected_cost: 40, expected_cost_per_1k: 5, cost: 40, real_cost_per_1k: 20, ...overrides,
});

/** The figures of tools/campaigns/performance/allocation-outcome.int.test.ts as of 2026-11-05. */
const outcome = (overrides: Partial<Outcome> = {}): Outcome => ({
  as_of: '2026-11-05', currency: 'USD', campaign: { id: 'c-1', name: 'Plan test' }, approval: null,
  vendors: [
    { vendor_id: 'v-pulse', vendor_name: 'Pulse', ...figures({}) },
    { vendor_id: 'v-echo', vendor_name: 'Echo', ...figures({ expected_streams: 6_000, expected_to_date: 2_000, delivered: 2_500, delivery_rate: 1.25, expected_cost: 36, expected_cost_per_1k: 6, cost: 36, real_cost_per_1k: 14.4 }) },
  ],
  totals: figures({ plans: 2, expected_streams: 14_000, expected_to_date: 5_200, delivered: 4_500, delivery_rate: 0.8654, expected_cost: 76, expected_cost_per_1k: 5.43, cost: 76, real_cost_per_1k: 16.89 }),
  notes: [],
  ...overrides,
});

const cells = (row: HTMLElement) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((cell) => cell.textContent)];

describe('AllocationOutcomeTable', () => {
  it('shows expected by now against delivered per vendor, the delivery rate as a percentage, and a total', () => {
    render(<AllocationOutcomeTable outcome={outcome()} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['Pulse', '63%', '2,000', '3,200', '8,000', '$5.00', '$20.00'],
      ['Echo', '125%', '2,500', '2,000', '6,000', '$6.00', '$14.40'],
      ['Total', '87%', '4,500', '5,200', '14,000', '$5.43', '$16.89'],
    ]);
    expect(within(rows[0]!).getByText('63%').className).toContain('tone-bad');
    expect(within(rows[1]!).getByText('125%').className).toContain('tone-good');
  });

  it('says so in words when no plan was kept', () => {
    render(<AllocationOutcomeTable outcome={outcome({ vendors: [], totals: figures({ plans: 0, delivery_rate: null }), notes: ['2 placements were booked before plans were kept.'] })} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/No budget plan was kept for this campaign's placements/)).toBeTruthy();
    expect(screen.queryByText(/booked before plans were kept/)).toBeNull();
  });

  it('shows a dash while nothing is expected yet', () => {
    render(<AllocationOutcomeTable outcome={outcome({ vendors: [{ vendor_id: 'v-pulse', vendor_name: 'Pulse', ...figures({ expected_to_date: 0, delivered: 0, delivery_rate: null, real_cost_per_1k: null }) }] })} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(cells(rows[0]!)).toEqual(['Pulse', '—', '0', '0', '8,000', '$5.00', '—']);
  });
});
