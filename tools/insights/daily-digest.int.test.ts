import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import type { DailyDigest } from './daily-digest.ts';
import { findAnomalies } from './digest/anomalies.ts';
import { buildDigestScenario, DIGEST_DATE, DIGEST_NOW } from './testing/digest-scenario.ts';

describe('daily_digest', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let digest: DailyDigest;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('digest', { now: () => DIGEST_NOW }));
    await buildDigestScenario(database.prisma, org.id, org.ownerId);
    // Another organisation with big numbers on the same day must not show up.
    const other = await createTestOrganization(database, 'digest-other');
    await database.prisma.streamStat.create({ data: { organizationId: other.id, date: new Date(`${DIGEST_DATE}T00:00:00Z`), artist: 'Ana', trackId: 'x', platform: 'spotify', streams: 1_000_000 } });
    const result = await runner.call('daily_digest', {}, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    digest = result.output as DailyDigest;
  });
  afterAll(async () => { await database.close(); });

  it('summarises yesterday in the organisation time zone by default', () => {
    expect(digest).toMatchObject({ date: '2026-11-20', previous_day: '2026-11-19', same_weekday_last_week: '2026-11-13', currency: 'USD' });
  });

  it('compares the day with the day before and the same weekday last week', () => {
    expect(digest.metrics).toEqual([
      { metric: 'streams', unit: 'streams', value: 750, previous_day: 1150, change_vs_previous_day_percent: -34.78, same_weekday_last_week: 1150, change_vs_last_week_percent: -34.78 },
      { metric: 'spend', unit: 'USD', value: 425, previous_day: 200, change_vs_previous_day_percent: 112.5, same_weekday_last_week: 150, change_vs_last_week_percent: 183.33 },
      { metric: 'revenue', unit: 'USD', value: 80, previous_day: 40, change_vs_previous_day_percent: 100, same_weekday_last_week: 0, change_vs_last_week_percent: null },
      { metric: 'conversions', unit: 'conversions', value: 2, previous_day: 1, change_vs_previous_day_percent: 100, same_weekday_last_week: 0, change_vs_last_week_percent: null },
    ]);
    expect(digest.daily).toHaveLength(14);
    expect(digest.daily[0]).toEqual({ date: '2026-11-07', streams: 1150, spend: 0 });
    expect(digest.daily[13]).toEqual({ date: '2026-11-20', streams: 750, spend: 425 });
  });

  it('flags a day outside mean ± 3 sd of the previous 28 days, per artist', () => {
    expect(digest.anomalies).toEqual([
      { metric: 'streams', dimension: 'artist', key: 'Dee', value: 0, mean: 1000, sd: 0, direction: 'below' },
      { metric: 'streams', dimension: 'artist', key: 'Ana', value: 200, mean: 110, sd: 10, direction: 'above' },
    ]);
    expect(digest.anomaly_rule).toMatch(/mean ± 3 sd of the previous 28 days/);
  });

  it('lists under-delivering vendors with vendor_performance figures, worst first', async () => {
    expect(digest.under_delivering_vendors.map((vendor) => [vendor.vendor_name, vendor.delivery_rate])).toEqual([['Silent Bob', 0], ['Club Restricted', 0.75]]);
    const scorecard = await runner.call('vendor_performance', { as_of: DIGEST_DATE, active_only: true }, org.as('VIEWER'));
    const club = (scorecard as { output: { rows: Array<Record<string, unknown>> } }).output.rows.find((row) => row.vendor_name === 'Club Restricted')!;
    expect(digest.under_delivering_vendors[1]).toMatchObject({ delivered_streams: club.delivered_streams, promised_streams: club.promised_streams, real_cost_per_1k: club.real_cost_per_1k });
  });

  it('ranks active campaigns by their last 7 days of streams, with get_campaign figures', async () => {
    expect(digest.top_campaigns.map((row) => row.name)).toEqual(['Autumn push']);
    const campaign = await runner.call('get_campaign', { campaign_id: digest.top_campaigns[0]!.campaign_id, as_of: DIGEST_DATE }, org.as('VIEWER'));
    const overview = (campaign as { output: { overview: Record<string, unknown> } }).output.overview;
    expect(digest.top_campaigns[0]).toMatchObject({ delivered: overview.delivered, goal: overview.goal, progress: overview.progress });
    expect(digest.top_campaigns[0]!.streams_7d).toBeGreaterThan(0);
  });

  it('counts pending approvals and names the oldest', () => {
    expect(digest.pending_approvals).toMatchObject({ count: 2, oldest: { action: 'commit_allocation', preview: 'Commit 500 USD to Club Restricted', age_days: 3 } });
  });

  it("lists each assignee's open tasks past due now, most overdue first", async () => {
    expect(digest.overdue_tasks).toEqual([]);
    const bo = await org.member('bo@digest.test', 'CAMPAIGN_MANAGER');
    await database.prisma.user.update({ where: { id: bo.userId! }, data: { name: 'Bo Chen' } });
    const deal = await database.prisma.deal.create({ data: { organizationId: org.id, name: 'Spring tour', currency: 'USD' } });
    const daysBefore = (days: number) => new Date(DIGEST_NOW.getTime() - days * 86_400_000);
    const task = (title: string, dueAt: Date, assigneeId: string | null, extra: Record<string, unknown> = {}) =>
      database.prisma.task.create({ data: { organizationId: org.id, title, dueAt, assigneeId, ...extra } });
    await task('Send the proposal', daysBefore(3), bo.userId, { subjectType: 'deal', subjectId: deal.id, priority: 'HIGH' });
    await task('Call the venue', daysBefore(1), bo.userId);
    await task('Not due yet', new Date(DIGEST_NOW.getTime() + 3_600_000), bo.userId);
    await task('Already done', daysBefore(5), bo.userId, { status: 'DONE' });
    await task('Renew the contract', daysBefore(2), org.ownerId);
    await task('Nobody on it', daysBefore(2), null);
    const result = await runner.call('daily_digest', {}, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    const { overdue_tasks: overdue, ...rest } = result.output as DailyDigest;
    expect(overdue).toEqual([
      {
        assignee: 'Bo Chen', assignee_email: 'bo@digest.test', count: 2, tasks: [
          { task_id: expect.any(String), title: 'Send the proposal', due_at: daysBefore(3).toISOString(), days_overdue: 3, priority: 'HIGH', about: "deal 'Spring tour'" },
          { task_id: expect.any(String), title: 'Call the venue', due_at: daysBefore(1).toISOString(), days_overdue: 1, priority: 'NORMAL', about: null },
        ],
      },
      { assignee: 'owner@digest.test', assignee_email: 'owner@digest.test', count: 1, tasks: [expect.objectContaining({ title: 'Renew the contract', days_overdue: 2 })] },
      { assignee: null, assignee_email: null, count: 1, tasks: [expect.objectContaining({ title: 'Nobody on it' })] },
    ]);
    // The other sections are as they were.
    const { overdue_tasks: _before, ...earlier } = digest;
    expect(rest).toEqual(earlier);
  });

  it('a given date is summarised instead', async () => {
    const result = await runner.call('daily_digest', { date: '2026-11-19' }, org.as('VIEWER'));
    expect(result).toMatchObject({ ok: true, output: { date: '2026-11-19', metrics: expect.arrayContaining([expect.objectContaining({ metric: 'streams', value: 1150 })]) } });
  });
});

describe('the anomaly rule', () => {
  const series = (today: number | undefined, history: Array<number | undefined>) => new Map([['k', [today, ...history]]]);
  it('needs 14 days with data in the 28-day window', () => {
    expect(findAnomalies(series(1000, Array(13).fill(10)))).toEqual([]);
    expect(findAnomalies(series(1000, Array(14).fill(10)))).toHaveLength(1);
  });
  it('stays quiet inside mean ± 3 sd', () => {
    const history = Array.from({ length: 28 }, (_, index) => (index % 2 ? 100 : 120)); // mean 110, sd 10
    expect(findAnomalies(series(140, history))).toEqual([]);
    expect(findAnomalies(series(141, history))).toMatchObject([{ direction: 'above' }]);
    expect(findAnomalies(series(79, history))).toMatchObject([{ direction: 'below' }]);
  });
});
