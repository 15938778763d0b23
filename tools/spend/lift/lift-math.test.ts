import { describe, expect, it } from 'vitest';
import { measureLift } from './lift-math.ts';

const START = new Date('2026-10-01');
/** `streams` on each day from `from` for `days` days. */
function days(from: string, count: number, streams: number): Array<[string, number]> {
  return Array.from({ length: count }, (_, index) => [new Date(Date.parse(from) + index * 86_400_000).toISOString().slice(0, 10), streams]);
}

describe('measureLift (hand-computed)', () => {
  it('baseline over the 28 days before start, lift and incremental streams over the days measured', () => {
    // Baseline: 28 days x 100 = 2800 -> 100/day. Campaign Oct 1-10: 10 days x 250 -> 250/day. Lift 150/day x 10 = 1500.
    const daily = new Map([...days('2026-09-03', 28, 100), ...days('2026-10-01', 10, 250)]);
    const measure = measureLift({ start: START, end: new Date('2026-10-10'), tracks: ['T'], daily, firstDayByTrack: new Map([['T', '2026-08-01']]) });
    expect(measure).toEqual({
      baselineFrom: '2026-09-03', baselineTo: '2026-09-30', baselineDaily: 100, insufficient: null,
      measuredThrough: '2026-10-10', campaignDays: 10, duringDaily: 250, lift: 150, incrementalStreams: 1500,
    });
  });

  it('days without rows inside the history count as zero; the campaign stops at the last day with data', () => {
    // Baseline: only 14 of the 28 days listed, 200 each = 2800 / 28 = 100/day. Wanted Oct 1-31, data through Oct 4:
    // 4 days, 400 + 400 + 0 (Oct 3 missing) + 400 = 1200 -> 300/day; lift 200 x 4 = 800.
    const daily = new Map([...days('2026-09-17', 14, 200), ['2026-10-01', 400], ['2026-10-02', 400], ['2026-10-04', 400]] as Array<[string, number]>);
    const measure = measureLift({ start: START, end: new Date('2026-10-31'), tracks: ['T'], daily, firstDayByTrack: new Map([['T', '2026-09-01']]) });
    expect(measure).toMatchObject({ baselineDaily: 100, measuredThrough: '2026-10-04', campaignDays: 4, duringDaily: 300, lift: 200, incrementalStreams: 800 });
  });

  it('says so when a track\'s history does not reach back 28 days, and gives no lift', () => {
    const daily = new Map([...days('2026-09-20', 11, 100), ...days('2026-10-01', 5, 300)]);
    const measure = measureLift({
      start: START, end: new Date('2026-10-05'), tracks: ['OLD', 'NEW', 'NONE'], daily,
      firstDayByTrack: new Map([['OLD', '2026-01-01'], ['NEW', '2026-09-20']]),
    });
    expect(measure).toMatchObject({ baselineDaily: null, lift: null, incrementalStreams: null, duringDaily: 300, campaignDays: 5 });
    expect(measure.insufficient).toBe(
      'Not enough baseline data: the 28 days before the start (2026-09-03..2026-09-30) must all be covered, but NEW\'s stream data begins 2026-09-20; NONE has no stream data.',
    );
  });

  it('a history starting exactly on the first baseline day is enough; no data since the start is said', () => {
    const daily = new Map(days('2026-09-03', 28, 50));
    const measure = measureLift({ start: START, end: new Date('2026-10-05'), tracks: ['T'], daily, firstDayByTrack: new Map([['T', '2026-09-03']]) });
    expect(measure).toMatchObject({ baselineDaily: 50, duringDaily: null, lift: null, campaignDays: 0, insufficient: 'No stream data from the start (2026-10-01) to 2026-10-05 yet.' });
  });
});
