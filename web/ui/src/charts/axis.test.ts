import { describe, expect, it } from 'vitest';
import { labelEvery, valueAxis } from './axis.ts';

describe('valueAxis', () => {
  it('ends at the first nice tick above the data, not at double it', () => {
    // The demo's best channel: a ROAS of 3.4 fits 0-4 in steps of 1.
    expect(valueAxis(3.4)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(valueAxis(5_930)).toEqual({ max: 6_000, ticks: [0, 2_000, 4_000, 6_000] });
    expect(valueAxis(168_000)).toEqual({ max: 200_000, ticks: [0, 50_000, 100_000, 150_000, 200_000] });
  });

  it('keeps a maximum that already sits on a tick', () => {
    expect(valueAxis(10)).toEqual({ max: 10, ticks: [0, 2.5, 5, 7.5, 10] });
  });

  it('writes small steps without floating-point noise', () => {
    expect(valueAxis(0.7)).toEqual({ max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
  });

  it('widens to a reference value the data stays under (break-even at 1×)', () => {
    expect(valueAxis(0.41, { include: 1 })).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(valueAxis(2.6, { include: 1 }).max).toBe(3);
  });

  it('draws an empty chart on 0-1 instead of dividing by zero', () => {
    expect(valueAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe('labelEvery', () => {
  it('labels every band when labels fit, and skips enough bands when they do not', () => {
    expect(labelEvery(60, 40)).toBe(1);
    // 90 days on a phone: bands of 3 px, a 40 px date label (+8 px gap) every 16th day.
    expect(labelEvery(3, 40)).toBe(16);
  });
});
