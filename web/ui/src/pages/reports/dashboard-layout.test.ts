import { describe, expect, it } from 'vitest';
import { flowLayout, readingOrder } from './dashboard-layout.ts';
import { presetOf, toRequest, EMPTY_DRAFT } from './draft.ts';

describe('dashboard layout', () => {
  it('lays widgets left to right and starts a row when one no longer fits, so none overlap', () => {
    const placed = flowLayout([{ w: 12, h: 2 }, { w: 6, h: 4 }, { w: 4, h: 3 }, { w: 8, h: 2 }, { w: 20, h: 1 }]);
    expect(placed.map(({ x, y, w }) => [x, y, w])).toEqual([[0, 0, 12], [0, 2, 6], [6, 2, 4], [0, 6, 8], [0, 8, 12]]);
  });

  it('stacks widgets on a phone in reading order', () => {
    expect(readingOrder([{ x: 6, y: 2, w: 6, h: 1 }, { x: 0, y: 2, w: 6, h: 1 }, { x: 0, y: 0, w: 12, h: 1 }]).map(({ x, y }) => `${x},${y}`)).toEqual(['0,0', '0,2', '6,2']);
  });
});

describe('builder drafts', () => {
  it('leaves out unset options and filters not filled in yet', () => {
    const request = toRequest({ ...EMPTY_DRAFT, metrics: ['spend'], filters: [{ field: 'channel', op: 'eq', value: '' }, { field: '', op: 'eq', value: 'x' }, { field: 'channel', op: 'in', value: ['meta'] }] });
    expect(request).toEqual({ metrics: ['spend'], dimensions: [], filters: [{ field: 'channel', op: 'in', value: ['meta'] }], date_range: { last: 30, unit: 'day' } });
  });

  it('recognises the date presets and calls anything else custom', () => {
    expect(presetOf({ last: 12, unit: 'month' })).toBe('last-12-months');
    expect(presetOf({ last: 14, unit: 'day' })).toBe('custom');
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' })).toBe('custom');
  });
});
