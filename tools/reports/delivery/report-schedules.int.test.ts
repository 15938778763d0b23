import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWorkspace } from '../../../bots/tenancy/workspaces.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization, type ToolTestWorld } from '../../testing/fixtures.ts';

let world: ToolTestWorld;
let other: TestOrganization;
const clock = { now: new Date('2026-10-14T10:00:00Z') };
let reportId: string;
let privateReportId: string;
let otherReportId: string;

const owner = () => caller(world.runner, () => world.org.as('OWNER'));
type Schedule = { schedule_id: string; next_run_at: string | null; cron: string; cadence: string; time_zone: string; is_active: boolean; emails: string[]; slack_channel: string | null };

async function report(org: TestOrganization, name: string, visibility: 'PRIVATE' | 'ORGANIZATION', ownerId: string) {
  const row = await world.database.prisma.reportView.create({
    data: { organizationId: org.id, name, category: 'CAMPAIGN_PERFORMANCE', visibility, ownerId, definition: { metrics: ['spend'], date_range: { last: 7, unit: 'day' } } },
  });
  return row.id;
}

beforeAll(async () => {
  world = await openToolTestWorld('sched', { now: () => clock.now });
  other = await createTestOrganization(world.database, 'sched-other');
  await connectWorkspace(world.database.prisma, { teamId: 'T0SCHED', organizationId: world.org.id });
  reportId = await report(world.org, 'Weekly spend', 'ORGANIZATION', world.org.ownerId);
  const analyst = await world.org.member('analyst@sched.test', 'ANALYST');
  privateReportId = await report(world.org, 'Analyst notes', 'PRIVATE', analyst.userId!);
  otherReportId = await report(other, 'Their spend', 'ORGANIZATION', other.ownerId);
});
afterAll(() => world.database.close());

describe('schedule_report', () => {
  it('stores a weekly choice as cron in the time zone, with the next run across the DST change', async () => {
    clock.now = new Date('2026-10-20T10:00:00Z');
    const schedule = await owner().ok<Schedule>('schedule_report', {
      report_id: reportId, cadence: { every: 'week', at: '09:00', weekday: 'monday' }, time_zone: 'Europe/Paris', emails: ['Ana@Label.test', 'ana@label.test'], format: 'csv',
    });
    // Monday 26 October 09:00 in Paris is 08:00 UTC (CET); the Monday before was 07:00 UTC (CEST).
    expect(schedule).toMatchObject({ cron: '0 9 * * 1', time_zone: 'Europe/Paris', next_run_at: '2026-10-26T08:00:00.000Z', cadence: 'every Monday at 09:00 (Europe/Paris)', emails: ['ana@label.test'], slack_channel: null, is_active: true });
    clock.now = new Date('2026-10-14T10:00:00Z');
    const before = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', time_zone: 'Europe/Paris', slack_channel: 'C0SCHED01', format: 'pdf' });
    expect(before.next_run_at).toBe('2026-10-19T07:00:00.000Z');
    // New York leaves DST on 1 November: 09:00 there is 13:00 UTC before and 14:00 UTC after.
    clock.now = new Date('2026-10-27T10:00:00Z');
    const ny = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: { every: 'week', at: '09:00', weekday: 'monday' }, time_zone: 'America/New_York', emails: ['bo@label.test'], format: 'inline' });
    expect(ny.next_run_at).toBe('2026-11-02T14:00:00.000Z');
  });

  it("defaults to the organisation's time zone and reads daily and monthly choices", async () => {
    clock.now = new Date('2026-10-14T10:00:00Z');
    const daily = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: { every: 'day', at: '07:30' }, emails: ['a@label.test'], format: 'csv' });
    const { timeZone } = await world.database.prisma.organization.findUniqueOrThrow({ where: { id: world.org.id } });
    expect(daily).toMatchObject({ cron: '30 7 * * *', time_zone: timeZone });
    const monthly = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: { every: 'month', at: '06:00', day_of_month: 2 }, time_zone: 'UTC', slack_channel: '#marketing', format: 'pdf' });
    expect(monthly).toMatchObject({ cron: '0 6 2 * *', next_run_at: '2026-11-02T06:00:00.000Z', slack_channel: '#marketing', cadence: 'every month on day 2 at 06:00 (UTC)' });
  });

  it('refuses bad cadences, time zones, addresses, channels and a schedule with nowhere to go', async () => {
    const base = { report_id: reportId, emails: ['a@label.test'], format: 'csv' };
    expect(await owner().fails('schedule_report', { ...base, cadence: '0 9 * *' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('five') });
    expect(await owner().fails('schedule_report', { ...base, cadence: '0 0 9 * * 1' })).toMatchObject({ code: 'invalid_input' });
    expect(await owner().fails('schedule_report', { ...base, cadence: '99 9 * * 1' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not a valid cron') });
    // Inboxes and channels, not a stream: at most hourly, including two firings a minute apart once a day.
    expect(await owner().fails('schedule_report', { ...base, cadence: '* * * * *' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'cadence', message: expect.stringContaining('every minute') }] });
    expect(await owner().fails('schedule_report', { ...base, cadence: '*/30 * * * *' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at most hourly') });
    expect(await owner().fails('schedule_report', { ...base, cadence: '0,1 9 * * 1' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('every minute') });
    expect(await owner().ok('schedule_report', { ...base, cadence: '0 * * * *' })).toMatchObject({ cron: '0 * * * *' });
    expect(await owner().fails('schedule_report', { ...base, cadence: { every: 'day', at: '9am' } })).toMatchObject({ code: 'invalid_input' });
    expect(await owner().fails('schedule_report', { ...base, cadence: { every: 'day', at: '09:00', weekday: 'monday' } })).toMatchObject({ code: 'invalid_input' });
    expect(await owner().fails('schedule_report', { ...base, cadence: '0 9 * * 1', time_zone: 'Mars/Olympus' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('IANA') });
    expect(await owner().fails('schedule_report', { ...base, cadence: '0 9 * * 1', emails: ['not-an-address'] })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'emails[0]' }] });
    expect(await owner().fails('schedule_report', { ...base, cadence: '0 9 * * 1', emails: [], slack_channel: 'general' })).toMatchObject({ code: 'invalid_input' });
    expect(await owner().fails('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', format: 'csv' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('somewhere to deliver') });
  });

  it('only lets roles that write reports schedule; a viewer lists', async () => {
    const viewer = caller(world.runner, () => world.org.as('VIEWER'));
    expect(await viewer.fails('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', emails: ['a@label.test'], format: 'csv' })).toMatchObject({ code: 'forbidden' });
    const anonymous = caller(world.runner, () => world.org.as('OWNER', { userId: null }));
    expect(await anonymous.fails('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', emails: ['a@label.test'], format: 'csv' })).toMatchObject({ code: 'forbidden', message: expect.stringContaining('as the person who made it') });
    const listed = await viewer.ok<{ schedules: Schedule[] }>('list_report_schedules', { report_id: reportId });
    expect(listed.schedules.length).toBeGreaterThan(0);
  });
});

describe('tenancy and visibility', () => {
  it("answers not_found for another organisation's report and schedules, and for someone else's private report", async () => {
    expect(await owner().fails('schedule_report', { report_id: otherReportId, cadence: '0 9 * * 1', emails: ['a@label.test'], format: 'csv' })).toMatchObject({ code: 'not_found' });
    expect(await owner().fails('schedule_report', { report_id: privateReportId, cadence: '0 9 * * 1', emails: ['a@label.test'], format: 'csv' })).toMatchObject({ code: 'not_found' });
    const mine = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', emails: ['a@label.test'], format: 'csv' });
    const them = caller(world.runner, () => other.as('OWNER'));
    expect(await them.fails('unschedule_report', { schedule_id: mine.schedule_id })).toMatchObject({ code: 'not_found' });
    expect(await them.fails('run_scheduled_report', { schedule_id: mine.schedule_id })).toMatchObject({ code: 'not_found' });
    expect((await them.ok<{ schedules: Schedule[] }>('list_report_schedules', {})).schedules).toEqual([]);
    expect(await them.fails('list_report_schedules', { report_id: reportId })).toMatchObject({ code: 'not_found' });
    // Their organisation has no Slack workspace: its figures cannot be posted into ours.
    expect(await them.fails('schedule_report', { report_id: otherReportId, cadence: '0 9 * * 1', slack_channel: 'C0SCHED01', format: 'csv' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Slack workspace') });
  });
});

describe('unschedule_report and list_report_schedules', () => {
  it('stops a schedule softly, twice without harm, and lists it only when asked', async () => {
    const schedule = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: '15 8 * * *', emails: ['stop@label.test'], format: 'inline' });
    const stopped = await owner().ok<Schedule>('unschedule_report', { schedule_id: schedule.schedule_id });
    expect(stopped).toMatchObject({ is_active: false, next_run_at: null });
    expect(await owner().ok<Schedule>('unschedule_report', { schedule_id: schedule.schedule_id })).toMatchObject({ is_active: false });
    expect(await world.database.prisma.reportSchedule.count({ where: { id: schedule.schedule_id } })).toBe(1);
    const active = await owner().ok<{ schedules: Schedule[] }>('list_report_schedules', {});
    expect(active.schedules.map((row) => row.schedule_id)).not.toContain(schedule.schedule_id);
    const all = await owner().ok<{ schedules: Schedule[] }>('list_report_schedules', { include_inactive: true });
    expect(all.schedules.map((row) => row.schedule_id)).toContain(schedule.schedule_id);
    const firstPage = await owner().ok<{ schedules: Schedule[]; next_cursor: string | null }>('list_report_schedules', { include_inactive: true, limit: 2 });
    expect(firstPage.schedules).toHaveLength(2);
    const secondPage = await owner().ok<{ schedules: Schedule[] }>('list_report_schedules', { include_inactive: true, limit: 2, cursor: firstPage.next_cursor });
    expect(secondPage.schedules[0]!.schedule_id).not.toBe(firstPage.schedules[1]!.schedule_id);
  });
});

describe('run_scheduled_report', () => {
  it('counts a relative range back from the delivery time it is for, not from when it runs', async () => {
    clock.now = new Date('2026-10-20T10:00:00Z');
    const schedule = await owner().ok<Schedule>('schedule_report', { report_id: reportId, cadence: '0 9 * * 1', emails: ['ana@label.test'], format: 'csv' });
    clock.now = new Date('2026-10-28T15:00:00Z');
    type Run = { result: { date_range: { from: string; to: string } } };
    const retried = await owner().ok<Run>('run_scheduled_report', { schedule_id: schedule.schedule_id, as_of: '2026-10-26T09:00:00Z' });
    expect(retried.result.date_range).toEqual({ from: '2026-10-20', to: '2026-10-26' });
    const now = await owner().ok<Run>('run_scheduled_report', { schedule_id: schedule.schedule_id });
    expect(now.result.date_range).toEqual({ from: '2026-10-22', to: '2026-10-28' });
  });
});
