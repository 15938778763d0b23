import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../api/tool-types.ts';
import { SpendStreamsChart } from './spend-streams-chart.tsx';

type Timeline = ToolOutput<'performance_timeline'>;

function period(start: string, end: string, spend: number): Timeline['periods'][number] {
  return { start, end, spend, revenue: spend * 2, streams: spend * 100, conversions: 1, roas: 2 };
}

function timeline(granularity: Timeline['granularity'], periods: Timeline['periods']): Timeline {
  return { from: periods[0]!.start, to: periods.at(-1)!.end, granularity, currency: 'USD', periods, totals: period('', '', 0) };
}

describe('SpendStreamsChart', () => {
  it('hatches the week the range cuts short and says it is partial', () => {
    const { container } = render(<SpendStreamsChart timeline={timeline('week', [
      period('2026-11-16', '2026-11-22', 4_000), period('2026-11-23', '2026-11-29', 3_800), period('2026-11-30', '2026-12-03', 1_700),
    ])} />);
    const bars = [...container.querySelectorAll('rect.chart-bar')];
    expect(bars.map((bar) => bar.classList.contains('chart-bar-partial'))).toEqual([false, false, true]);
    expect(screen.getByText(/The last week, .+, is partial \(4 of 7 days so far\)\./)).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Spend', 'Revenue', 'Streams', 'Partial week']);
  });

  it('marks nothing partial per day', () => {
    const { container } = render(<SpendStreamsChart timeline={timeline('day', [period('2026-12-02', '2026-12-02', 10), period('2026-12-03', '2026-12-03', 12)])} />);
    expect(container.querySelectorAll('.chart-bar-partial')).toHaveLength(0);
    expect(screen.queryByText(/partial/)).toBeNull();
  });
});
