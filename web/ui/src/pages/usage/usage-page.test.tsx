import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatDay } from '../../components/format.ts';
import { TodayStats, UsageTable } from './usage-page.tsx';

const usage: ToolOutput<'model_usage'> = {
  from: '2026-12-01',
  to: '2026-12-05',
  rows: [
    { day: '2026-12-05', user: 'alice@label.test', model_calls: 12, input_tokens: 48_200, output_tokens: 3_100, cache_read_tokens: 30_000, cost_usd: 0.1377 },
    { day: '2026-12-04', user: null, model_calls: 2, input_tokens: 900, output_tokens: 80, cache_read_tokens: 0, cost_usd: 0.0039 },
  ],
  total: { model_calls: 14, input_tokens: 49_100, output_tokens: 3_180, cache_read_tokens: 30_000, cost_usd: 0.1416 },
  today: { day: '2026-12-05', tokens: 51_300, cost_usd: 0.1377, budget: { org_daily_tokens: 50_000, person_daily_cost_usd: 2 } },
};

describe('the assistant usage page', () => {
  it('lists each day and person with tokens and cost, automated callers by name, and the period total', () => {
    render(<UsageTable data={usage} />);
    const alice = within(screen.getByRole('row', { name: /alice@label\.test/ })).getAllByRole('cell');
    expect(alice.map((cell) => cell.textContent)).toEqual([formatDay('2026-12-05'), '12', '48,200', '3,100', '$0.1377']);
    expect(screen.getByRole('rowheader', { name: 'Automated callers' })).toBeTruthy();
    const total = within(screen.getByRole('row', { name: /^Total/ })).getAllByRole('cell');
    expect(total.map((cell) => cell.textContent)).toEqual(['14', '49,100', '3,180', '$0.1416']);
  });

  it('shows today against the daily limits, marking one that is used up', () => {
    const { container } = render(<TodayStats data={usage} />);
    expect(container.textContent).toContain('51,300');
    expect(container.textContent).toContain('of 50,000 a day');
    expect(container.textContent).toContain('no daily limit');
    expect(container.textContent).toContain('and $2.00');
    expect(container.querySelectorAll('.tone-bad')).toHaveLength(1);
  });
});
