import { describe, expect, it } from 'vitest';
import { isPartialPeriod, periodCoverage } from './periods.ts';

describe('isPartialPeriod', () => {
  it('marks a week the range cuts short, and not a whole Monday-Sunday week', () => {
    expect(isPartialPeriod({ start: '2026-11-30', end: '2026-12-05' }, 'week')).toBe(true);
    expect(isPartialPeriod({ start: '2026-11-23', end: '2026-11-29' }, 'week')).toBe(false);
  });

  it('marks a month short of its own length (30, 31 or 28 days)', () => {
    expect(isPartialPeriod({ start: '2026-12-01', end: '2026-12-05' }, 'month')).toBe(true);
    expect(isPartialPeriod({ start: '2026-11-01', end: '2026-11-30' }, 'month')).toBe(false);
    expect(isPartialPeriod({ start: '2026-02-01', end: '2026-02-28' }, 'month')).toBe(false);
    expect(isPartialPeriod({ start: '2026-06-09', end: '2026-06-30' }, 'month')).toBe(true);
  });

  it('never marks a day', () => {
    expect(isPartialPeriod({ start: '2026-12-05', end: '2026-12-05' }, 'day')).toBe(false);
  });

  it('says how much of the period the figures cover', () => {
    expect(periodCoverage({ start: '2026-11-30', end: '2026-12-05' }, 'week')).toBe('6 of 7 days');
    expect(periodCoverage({ start: '2026-12-01', end: '2026-12-05' }, 'month')).toBe('5 of 31 days');
  });
});
