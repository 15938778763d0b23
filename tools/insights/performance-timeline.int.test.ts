import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { caller } from '../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { buildOtherOrganization, buildTimelineScenario, TIMELINE_NOW } from './testing/timeline-scenario.ts';

interface Figures { spend: number; streams: number; revenue: number; conversions: number; roas: number | null }
interface Timeline { from: string; to: string; granularity: string; currency: string; periods: Array<Figures & { start: string; end: string }>; totals: Figures }

const RANGE = { from: '2026-11-26', to: '2026-12-08' };
const EMPTY = { spend: 0, streams: 0, revenue: 0, conversions: 0, roas: null };
// Hand-computed in testing/timeline-scenario.ts: 255 spend, 191 revenue.
const RANGE_TOTALS = { spend: 255, streams: 2500, revenue: 191, conversions: 5, roas: 0.749 };

describe('performance_timeline', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let other: TestOrganization;
  let viewer: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('timeline', { now: () => TIMELINE_NOW }));
    await buildTimelineScenario(database.prisma, org.id);
    other = await createTestOrganization(database, 'timeline-other');
    await buildOtherOrganization(database.prisma, other.id);
    viewer = caller(runner, () => org.as('VIEWER'));
  });
  afterAll(async () => { await database.close(); });

  it('by day: local days in the organisation time zone, each day at its exchange rate, empty days as zeros', async () => {
    const timeline = await viewer.ok<Timeline>('performance_timeline', RANGE);
    expect(timeline).toMatchObject({ ...RANGE, granularity: 'day', currency: 'EUR', totals: RANGE_TOTALS });
    expect(timeline.periods).toHaveLength(13);
    const day = (date: string) => timeline.periods.find((period) => period.start === date);
    expect(day('2026-11-26')).toEqual({ start: '2026-11-26', end: '2026-11-26', spend: 100, streams: 1000, revenue: 130, conversions: 2, roas: 1.3 });
    expect(day('2026-11-27')).toEqual({ start: '2026-11-27', end: '2026-11-27', ...EMPTY });
    expect(day('2026-11-28')).toMatchObject({ spend: 45, revenue: 0, roas: 0 });
    // 22:30Z and 23:30Z on 11-30 fall either side of Berlin midnight, and of the 12-01 rate change.
    expect(day('2026-11-30')).toMatchObject({ spend: 0, streams: 500, revenue: 9, conversions: 1, roas: null });
    expect(day('2026-12-01')).toMatchObject({ spend: 0, streams: 700, revenue: 32, conversions: 1, roas: null });
    expect(day('2026-12-02')).toMatchObject({ spend: 100, revenue: 20, conversions: 1, roas: 0.2 });
    expect(timeline.periods.map((period) => period.start)).toEqual([...timeline.periods.map((period) => period.start)].sort());
  });

  it('by week: Monday to Sunday, the first and last clipped to the range', async () => {
    const timeline = await viewer.ok<Timeline>('performance_timeline', { ...RANGE, granularity: 'week' });
    expect(timeline.periods).toEqual([
      { start: '2026-11-26', end: '2026-11-29', spend: 145, streams: 1000, revenue: 130, conversions: 2, roas: 0.8966 },
      { start: '2026-11-30', end: '2026-12-06', spend: 100, streams: 1200, revenue: 61, conversions: 3, roas: 0.61 },
      { start: '2026-12-07', end: '2026-12-08', spend: 10, streams: 300, revenue: 0, conversions: 0, roas: 0 },
    ]);
    expect(timeline.totals).toEqual(RANGE_TOTALS);
  });

  it('by month: calendar months, a conversion at 23:30 UTC on 11-30 counted in December', async () => {
    const timeline = await viewer.ok<Timeline>('performance_timeline', { ...RANGE, granularity: 'month' });
    expect(timeline.periods).toEqual([
      { start: '2026-11-26', end: '2026-11-30', spend: 145, streams: 1500, revenue: 139, conversions: 3, roas: 0.9586 },
      { start: '2026-12-01', end: '2026-12-08', spend: 110, streams: 1000, revenue: 52, conversions: 2, roas: 0.4727 },
    ]);
    expect(timeline.totals).toEqual(RANGE_TOTALS);
  });

  it('defaults to the 90 days up to yesterday in the organisation time zone', async () => {
    const timeline = await viewer.ok<Timeline>('performance_timeline', {});
    expect(timeline).toMatchObject({ from: '2026-09-11', to: '2026-12-09', granularity: 'day' });
    expect(timeline.periods).toHaveLength(90);
    expect(timeline.periods[0]).toEqual({ start: '2026-09-11', end: '2026-09-11', ...EMPTY });
    expect(timeline.periods[89]).toEqual({ start: '2026-12-09', end: '2026-12-09', spend: 1000, streams: 0, revenue: 500, conversions: 1, roas: 0.5 });
    expect(timeline.totals).toEqual({ spend: 2255, streams: 12_499, revenue: 1691, conversions: 7, roas: 0.7499 });
    expect(await viewer.ok<Timeline>('performance_timeline', { to: '2026-12-08' })).toMatchObject({ from: '2026-09-10', to: '2026-12-08' });
  });

  it('a range without data is all zeros with roas null', async () => {
    const timeline = await viewer.ok<Timeline>('performance_timeline', { from: '2026-06-01', to: '2026-06-30', granularity: 'week' });
    expect(timeline.periods.map((period) => [period.start, period.end])).toEqual([
      ['2026-06-01', '2026-06-07'], ['2026-06-08', '2026-06-14'], ['2026-06-15', '2026-06-21'], ['2026-06-22', '2026-06-28'], ['2026-06-29', '2026-06-30'],
    ]);
    for (const period of timeline.periods) expect(period).toMatchObject(EMPTY);
    expect(timeline.totals).toEqual(EMPTY);
  });

  it('takes up to 731 days and names the field it refuses', async () => {
    const longest = await viewer.ok<Timeline>('performance_timeline', { from: '2024-12-09', to: '2026-12-09', granularity: 'month' });
    expect(longest.periods).toHaveLength(25);
    expect(longest.periods[0]).toMatchObject({ start: '2024-12-09', end: '2024-12-31' });
    expect(longest.periods[24]).toMatchObject({ start: '2026-12-01', end: '2026-12-09', spend: 1110 });
    expect(longest.totals).toMatchObject({ spend: 2255, revenue: 1691 });

    expect(await viewer.fails('performance_timeline', { from: '2024-12-08', to: '2026-12-09' })).toMatchObject({
      code: 'invalid_input', message: expect.stringMatching(/^from: .*732 days; at most 731/), issues: [{ path: 'from' }],
    });
    expect(await viewer.fails('performance_timeline', { from: '2026-12-05', to: '2026-12-01' })).toMatchObject({
      code: 'invalid_input', message: 'from: 2026-12-05 is after to (2026-12-01)', issues: [{ path: 'from' }],
    });
    expect(await viewer.fails('performance_timeline', { from: '2026-12-10' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'from' }] });
    expect(await viewer.fails('performance_timeline', { to: '2026-02-30' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'to' }] });
    expect(await viewer.fails('performance_timeline', { granularity: 'year' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'granularity' }] });
  });

  it('never counts another organisation\'s rows or uses its exchange rates', async () => {
    // The other organisation has 1,000,000 of everything on 11-26 and USD at 5 EUR from 11-15.
    expect((await viewer.ok<Timeline>('performance_timeline', RANGE)).totals).toEqual(RANGE_TOTALS);
    const ofOther = await caller(runner, () => other.as('VIEWER')).ok<Timeline>('performance_timeline', RANGE);
    expect(ofOther.totals).toMatchObject({ streams: 1_000_000, conversions: 1 });
  });
});

describe('performance_timeline without an exchange rate', () => {
  let database: Database;
  let org: TestOrganization;
  let viewer: ReturnType<typeof caller>;

  beforeAll(async () => {
    let runner: ToolRunner;
    ({ database, runner, org } = await openToolTestWorld('timeline-fx', { now: () => TIMELINE_NOW }));
    viewer = caller(runner, () => org.as('VIEWER'));
    const organizationId = org.id;
    await database.prisma.fxRate.create({ data: { organizationId, date: new Date('2026-11-15'), base: 'GBP', quote: 'USD', rate: 1.25 } });
    await database.prisma.conversion.create({ data: { organizationId, customerId: 'c', occurredAt: new Date('2026-11-10T12:00:00Z'), revenue: 10, currency: 'GBP', dedupeKey: 'early' } });
    await database.prisma.marketingSpend.createMany({
      data: [
        { organizationId, date: new Date('2026-11-20'), channel: 'meta', amount: 8, currency: 'GBP', dedupeKey: 'gbp' },
        { organizationId, date: new Date('2026-12-05'), channel: 'meta', amount: 1000, currency: 'JPY', dedupeKey: 'jpy' },
      ],
    });
  });
  afterAll(async () => { await database.close(); });

  it('is unavailable, naming the currency and the day, when a conversion or a spend day has no rate on or before it', async () => {
    expect(await viewer.fails('performance_timeline', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      code: 'unavailable', message: 'No exchange rate from GBP to USD on or before 2026-11-10; add one with set_fx_rate.',
    });
    expect(await viewer.fails('performance_timeline', { from: '2026-12-01', to: '2026-12-08' })).toMatchObject({
      code: 'unavailable', message: 'No exchange rate from JPY to USD on or before 2026-12-05; add one with set_fx_rate.',
    });
  });

  it('answers for a range whose currencies all have rates', async () => {
    expect((await viewer.ok<Timeline>('performance_timeline', { from: '2026-11-15', to: '2026-11-30' })).totals).toEqual({ spend: 10, streams: 0, revenue: 0, conversions: 0, roas: 0 });
  });
});
