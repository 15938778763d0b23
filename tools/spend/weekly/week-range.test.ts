import { describe, expect, it } from 'vitest';
import { isoDay } from '../../common/format.ts';
import { lastCompleteWeek, previousWeek, weekOf } from './week-range.ts';

const days = (week: { start: Date; end: Date }) => [isoDay(week.start), isoDay(week.end)];

describe('weeks start on Monday', () => {
  it('maps every day of a week to its Monday..Sunday', () => {
    expect(days(weekOf(new Date('2026-11-16')))).toEqual(['2026-11-16', '2026-11-22']); // Monday
    expect(days(weekOf(new Date('2026-11-22')))).toEqual(['2026-11-16', '2026-11-22']); // Sunday
    expect(days(weekOf(new Date('2026-11-23')))).toEqual(['2026-11-23', '2026-11-29']);
    expect(days(weekOf(new Date('2027-01-01')))).toEqual(['2026-12-28', '2027-01-03']); // across a year end
    expect(days(previousWeek(weekOf(new Date('2026-11-16'))))).toEqual(['2026-11-09', '2026-11-15']);
  });

  it('the last complete week depends on the organisation\'s time zone', () => {
    const now = new Date('2026-11-22T12:00:00Z'); // Sunday noon in UTC, Monday 01:00 in Auckland
    expect(days(lastCompleteWeek('UTC', now))).toEqual(['2026-11-09', '2026-11-15']);
    expect(days(lastCompleteWeek('Pacific/Auckland', now))).toEqual(['2026-11-16', '2026-11-22']);
    // Monday 00:30 in UTC is still Sunday evening in Los Angeles.
    expect(days(lastCompleteWeek('America/Los_Angeles', new Date('2026-11-23T00:30:00Z')))).toEqual(['2026-11-09', '2026-11-15']);
  });
});
