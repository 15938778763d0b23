import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GroupedBarChart } from './grouped-bar-chart.tsx';

interface Vendor { name: string; delivered: number; promised: number; goal: number }

const vendors: Vendor[] = [
  { name: 'Nightshift Curators', delivered: 36_304, promised: 30_000, goal: 30_000 },
  { name: 'Bassline Music Group', delivered: 62_920, promised: 45_000, goal: 52_000 },
];

describe('GroupedBarChart', () => {
  it('lists the legend in the order the bars stand, ends the axis at the nice tick above the tallest bar', () => {
    const { container } = render(
      <GroupedBarChart name="test" label="Streams per vendor" rows={vendors} category={(vendor) => vendor.name}
        series={[
          { label: 'Promised to date', colour: '#b8641a', value: (vendor) => vendor.promised },
          { label: 'Delivered', colour: '#5b4bdb', value: (vendor) => vendor.delivered },
          { label: 'Goal', colour: '#6b7188', value: (vendor) => vendor.goal },
        ]}
        formatTick={String} formatValue={String} />,
    );
    const firstGroup = [...container.querySelectorAll('rect.chart-bar')].slice(0, 3).map((bar) => bar.getAttribute('data-series'));
    expect(firstGroup).toEqual(['Promised to date', 'Delivered', 'Goal']);
    expect(within(screen.getByRole('list')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(firstGroup);
    const ticks = [...container.querySelectorAll('svg > g:first-of-type text')].map((tick) => tick.textContent);
    expect(ticks).toEqual(['0', '20000', '40000', '60000', '80000']);
  });

  it('turns the bars sideways, names on the left, when upright ones would be thinner than 6 px', () => {
    const rows = Array.from({ length: 14 }, (_, index) => ({ name: `Campaign ${index + 1}`, value: (index + 1) * 100 }));
    const series = Array.from({ length: 6 }, (_, index) => ({ label: `Model ${index + 1}`, colour: '#5b4bdb', value: (row: { name: string; value: number }) => row.value }));
    const { container } = render(<GroupedBarChart name="test" label="Credit" rows={rows} category={(row) => row.name} series={series} formatTick={String} formatValue={String} />);
    const bars = [...container.querySelectorAll('rect.chart-bar')];
    expect(bars).toHaveLength(84);
    expect(new Set(bars.map((bar) => bar.getAttribute('x'))).size).toBe(1);
    const labels = [...container.querySelectorAll('.chart-axis-labels text')].map((label) => label.textContent);
    expect(labels.filter((label) => label?.startsWith('Campaign'))).toEqual(rows.map((row) => row.name));
    // Value ticks along the bottom, as many as fit: 0-1,400 in steps of 500 on the 640 px fallback width.
    expect(labels.filter((label) => /^\d+$/.test(label ?? ''))).toEqual(['0', '500', '1000', '1500']);
  });
});
