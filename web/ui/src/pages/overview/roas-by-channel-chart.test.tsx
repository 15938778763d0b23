import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RoasByChannelChart } from './roas-by-channel-chart.tsx';

const rows = [
  { key: 'meta', label: 'Meta', roas: 0.45 },
  { key: 'google', label: 'Google', roas: 2.47 },
  { key: 'spotify_marquee', label: 'Spotify Marquee', roas: 2.25 },
];

describe('RoasByChannelChart', () => {
  it('ends the axis at the nice tick above the best channel (2.47 -> 3x), not at double it', () => {
    const { container } = render(<RoasByChannelChart rows={rows} model="Linear" />);
    const ticks = [...container.querySelectorAll('svg > g:first-of-type text')].map((tick) => tick.textContent);
    expect(ticks).toEqual(['0×', '1×', '2×', '3×']);
  });

  it('writes each value at its bar, losing channels in red and the rest in green, in the rows\' order', () => {
    const { container } = render(<RoasByChannelChart rows={rows} model="Linear" />);
    const bars = [...container.querySelectorAll('rect.chart-bar')];
    expect(bars.map((bar) => [bar.getAttribute('data-series'), bar.getAttribute('fill')])).toEqual([
      ['Meta', '#c2372f'], ['Google', '#137a4b'], ['Spotify Marquee', '#137a4b'],
    ]);
    expect(container.textContent).toContain('0.45×');
    expect(container.textContent).toContain('2.47×');
  });

  it('reaches break-even when every channel is below it', () => {
    const { container } = render(<RoasByChannelChart rows={[{ key: 'meta', label: 'Meta', roas: 0.41 }]} model="Linear" />);
    expect([...container.querySelectorAll('svg > g:first-of-type text')].map((tick) => tick.textContent)).toEqual(['0×', '0.25×', '0.5×', '0.75×', '1×']);
  });
});
