import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mimeAttachment, mimeHeader } from '../../tools/common/email/testing/local-smtp-server.ts';
import { caller } from '../../tools/testing/caller.ts';
import { DELIVER_REPORT_JOB } from './deliver-report-job.ts';
import type { DeliveryDestinations } from './delivery-state.ts';
import { openReportDeliveryWorld, type ReportDeliveryWorld } from './testing/report-delivery-world.ts';

const at = (iso: string) => new Date(iso);
const CHANNEL = 'C0REPORTS1';
type Schedule = { schedule_id: string; next_run_at: string | null; last_delivery: { period: string; status: string; error: string | null } | null };

let world: ReportDeliveryWorld;
beforeEach(async () => {
  world = await openReportDeliveryWorld(`rd-${Math.random().toString(36).slice(2, 8)}`);
});
afterEach(() => world.close());

/** Weekly on Mondays at 09:00 in Paris: the first run is Monday 19 October, 07:00 UTC (summer time). */
async function weeklySchedule(format: 'csv' | 'pdf' | 'inline' = 'csv', destinations: { slack_channel?: string; emails?: string[] } = { slack_channel: CHANNEL, emails: ['ana@label.test', 'bo@label.test'] }) {
  return world.owner.ok<Schedule>('schedule_report', { report_id: world.reportId, cadence: { every: 'week', at: '09:00', weekday: 'monday' }, time_zone: 'Europe/Paris', format, ...destinations });
}

const deliveries = () => world.database.prisma.reportDelivery.findMany({ where: { organizationId: world.org.id }, orderBy: { periodKey: 'asc' } });
const posts = () => world.slack.callsTo('chat.postMessage');

describe('scheduled report delivery', () => {
  it('delivers each period once: a summary and the CSV in Slack, the same CSV by email, and moves to the next run', async () => {
    const schedule = await weeklySchedule();
    expect(schedule.next_run_at).toBe('2026-10-19T07:00:00.000Z');

    world.clock.now = at('2026-10-19T06:59:00Z');
    await world.sweep();
    expect(posts()).toHaveLength(0);
    expect(world.smtp.received).toHaveLength(0);

    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    // Slack: the summary names the report, its range and totals, and the file is uploaded in its thread.
    expect(posts()).toHaveLength(1);
    const summary = JSON.stringify(posts()[0]!.args);
    expect(posts()[0]!.args.channel).toBe(CHANNEL);
    expect(summary).toContain('October spend by channel');
    expect(summary).toContain('2026-10-01 to 2026-10-31');
    expect(summary).toContain('230.50');
    expect(world.slack.uploads).toHaveLength(1);
    const uploaded = world.slack.uploads[0]!;
    expect(uploaded.filename).toBe('october-spend-by-channel_2026-10-01_2026-10-31.csv');
    const csv = uploaded.bytes.toString('utf8');
    expect(csv).toMatch(/meta.*150\.50/);
    expect(csv).toMatch(/tiktok.*80/);
    const completed = world.slack.callsTo('files.completeUploadExternal')[0]!;
    expect(completed.args).toMatchObject({ channel_id: CHANNEL, thread_ts: world.slack.postedTs(posts()[0]!) });

    // Email: both recipients, the subject, and the same CSV attached.
    expect(world.smtp.received).toHaveLength(1);
    const email = world.smtp.received[0]!;
    expect(email.to).toEqual(['ana@label.test', 'bo@label.test']);
    expect(mimeHeader(email.raw, 'Subject')).toBe('October spend by channel: 2026-10-01 to 2026-10-31');
    const attachment = mimeAttachment(email.raw, uploaded.filename);
    expect(attachment?.contentType).toBe('text/csv');
    expect(attachment?.content.toString('utf8')).toBe(csv);

    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ periodKey: '2026-10-19T07:00:00.000Z', status: 'delivered', attempts: 1, error: null, deliveredAt: at('2026-10-19T07:00:20Z') });
    const destinations = delivery!.destinations as DeliveryDestinations;
    expect(destinations.slack).toMatchObject({ ok: true, channel: CHANNEL, file_id: uploaded.fileId });
    expect(destinations.email).toMatchObject({ ok: true, accepted: ['ana@label.test', 'bo@label.test'] });

    // The next run is the following Monday at 09:00 in Paris, which is 08:00 UTC once summer time has ended.
    const [listed] = (await world.owner.ok<{ schedules: Schedule[] }>('list_report_schedules', {})).schedules;
    expect(listed).toMatchObject({ next_run_at: '2026-10-26T08:00:00.000Z', last_delivery: { period: '2026-10-19T07:00:00.000Z', status: 'delivered', error: null } });

    world.clock.now = at('2026-10-19T07:01:30Z');
    await world.sweep();
    world.clock.now = at('2026-10-26T07:30:00Z');
    await world.sweep();
    expect(posts()).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);

    world.clock.now = at('2026-10-26T08:00:10Z');
    await world.sweep();
    expect(posts()).toHaveLength(2);
    expect(world.smtp.received).toHaveLength(2);
    expect((await deliveries()).map((row) => [row.periodKey, row.status])).toEqual([['2026-10-19T07:00:00.000Z', 'delivered'], ['2026-10-26T08:00:00.000Z', 'delivered']]);
  });

  it('does not deliver a period twice after a restart, a second worker, or a re-delivered job', async () => {
    const schedule = await weeklySchedule();
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    expect(posts()).toHaveLength(1);
    const [delivery] = await deliveries();

    // A restarted process (a new queue that remembers no keys) sweeps the same minute and the next.
    const restarted = world.restartedQueue();
    await world.sweep(world.org.id, restarted);
    world.clock.now = at('2026-10-19T07:01:00Z');
    await world.sweep(world.org.id, restarted);
    // A second worker that read the schedule before the first moved it on: the period's row is already claimed.
    await world.database.prisma.reportSchedule.update({ where: { id: schedule.schedule_id }, data: { nextRunAt: at('2026-10-19T07:00:00Z') } });
    await world.sweep(world.org.id, restarted);
    // The delivery job itself, delivered again under another key.
    await restarted.enqueue({ name: DELIVER_REPORT_JOB, payload: { organizationId: world.org.id, deliveryId: delivery!.id, attempt: 0 }, key: 'copy-1' });
    await restarted.enqueue({ name: DELIVER_REPORT_JOB, payload: { organizationId: world.org.id, deliveryId: delivery!.id, attempt: 1 }, key: 'copy-2' });
    await restarted.drain();

    expect(posts()).toHaveLength(1);
    expect(world.slack.uploads).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);
  });

  it('claims a period once when two sweeps run at the same time', async () => {
    await weeklySchedule();
    world.clock.now = at('2026-10-19T07:00:20Z');
    const second = world.restartedQueue();
    await Promise.all([world.sweep(), world.sweep(world.org.id, second)]);
    await Promise.all([world.jobs.drain(), second.drain()]);
    expect(posts()).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);
  });

  it('retries a refused email on a later sweep without posting to Slack again', async () => {
    await weeklySchedule();
    world.smtp.refuseNext(1, 451, 'Mailbox temporarily unavailable');
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    expect(posts()).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(0);
    let [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery!.error).toContain('Email: The mail server 127.0.0.1');
    expect(delivery!.error).toContain('Mailbox temporarily unavailable');
    expect((delivery!.destinations as DeliveryDestinations).slack).toMatchObject({ ok: true });
    const [listed] = (await world.owner.ok<{ schedules: Schedule[] }>('list_report_schedules', {})).schedules;
    expect(listed!.last_delivery).toMatchObject({ status: 'failed', error: expect.stringContaining('Mailbox temporarily unavailable') });

    // The first retry waits a minute.
    world.clock.now = at('2026-10-19T07:00:50Z');
    await world.sweep();
    expect(world.smtp.received).toHaveLength(0);

    world.clock.now = at('2026-10-19T07:01:30Z');
    await world.sweep();
    expect(world.smtp.received).toHaveLength(1);
    expect(mimeAttachment(world.smtp.received[0]!.raw, 'october-spend-by-channel_2026-10-01_2026-10-31.csv')).toBeDefined();
    expect(posts()).toHaveLength(1);
    expect(world.slack.uploads).toHaveLength(1);
    [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, error: null });

    world.clock.now = at('2026-10-19T07:10:00Z');
    await world.sweep();
    expect(world.smtp.received).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('gives up after five tries and says so', async () => {
    await weeklySchedule('csv', { emails: ['ana@label.test'] });
    world.smtp.refuseNext(10, 451, 'Greylisted');
    for (const minute of ['07:00', '07:02', '07:05', '07:10', '07:20', '07:40', '08:30']) {
      world.clock.now = at(`2026-10-19T${minute}:20Z`);
      await world.sweep();
    }
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 5 });
    expect(delivery!.error).toMatch(/^Gave up after 5 tries\. Email: .*Greylisted/);
  });

  it('sends a PDF as a PDF, and inline as the message alone', async () => {
    await weeklySchedule('pdf', { slack_channel: CHANNEL, emails: ['ana@label.test'] });
    await world.owner.ok('schedule_report', { report_id: world.reportId, cadence: '0 9 * * 1', time_zone: 'Europe/Paris', format: 'inline', emails: ['inline@label.test'] });
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    expect(world.slack.uploads).toHaveLength(1);
    expect(world.slack.uploads[0]!.filename).toMatch(/\.pdf$/);
    expect(world.slack.uploads[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfEmail = world.smtp.received.find((email) => email.to.includes('ana@label.test'))!;
    expect(mimeAttachment(pdfEmail.raw, world.slack.uploads[0]!.filename)?.contentType).toBe('application/pdf');
    const inline = world.smtp.received.find((email) => email.to.includes('inline@label.test'))!;
    expect(inline.raw).not.toMatch(/filename=/);
    expect(inline.raw).toContain('tiktok');
  });

  it('runs the report as its creator: one who left the organisation stops it, with the reason', async () => {
    const analyst = await world.org.member(`analyst@${world.org.slug}.test`, 'ANALYST');
    const asAnalyst = caller(world.runner, () => analyst);
    await asAnalyst.ok('schedule_report', { report_id: world.reportId, cadence: '0 9 * * 1', time_zone: 'Europe/Paris', format: 'csv', emails: ['ana@label.test'] });
    await world.database.prisma.membership.deleteMany({ where: { organizationId: world.org.id, userId: analyst.userId! } });
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    world.clock.now = at('2026-10-19T08:00:20Z');
    await world.sweep();
    expect(world.smtp.received).toHaveLength(0);
    const [delivery] = await deliveries();
    expect(delivery!.status).toBe('failed');
    expect(delivery!.error).toContain('no longer a member');
  });

  it('says to invite the app when the bot is not in the channel, and retries Slack alone', async () => {
    await weeklySchedule();
    world.slack.leaveChannel(CHANNEL);
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    expect(world.smtp.received).toHaveLength(1);
    const [delivery] = await deliveries();
    expect(delivery!.error).toContain('Slack: Slack answered not_in_channel: invite the Crescendo app to C0REPORTS1');
    expect(world.slack.uploads).toHaveLength(0);
  });

  it('posts nothing to Slack once the workspace is disconnected from the organisation, and still emails', async () => {
    await weeklySchedule();
    await world.database.prisma.slackWorkspace.deleteMany({ where: { organizationId: world.org.id } });
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep();
    expect(posts()).toHaveLength(0);
    expect(world.smtp.received).toHaveLength(1);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery!.error).toContain('Slack: No Slack workspace is connected');
  });

  it("keeps organisations apart: another organisation's sweep and job deliver nothing of this one's", async () => {
    await weeklySchedule();
    world.clock.now = at('2026-10-19T07:00:20Z');
    await world.sweep(world.other.id);
    expect(posts()).toHaveLength(0);
    expect(await deliveries()).toHaveLength(0);
    await world.sweep();
    const [delivery] = await deliveries();
    await world.database.prisma.reportDelivery.update({ where: { id: delivery!.id }, data: { status: 'failed', attempts: 1 } });
    await world.jobs.enqueue({ name: DELIVER_REPORT_JOB, payload: { organizationId: world.other.id, deliveryId: delivery!.id, attempt: 1 } });
    await world.jobs.drain();
    expect(posts()).toHaveLength(1);
    expect(world.smtp.received).toHaveLength(1);
    // Org B's own schedule by email works, with B's figures.
    const them = caller(world.runner, () => world.other.as('OWNER'));
    const theirReport = await world.database.prisma.reportView.findFirstOrThrow({ where: { organizationId: world.other.id } });
    await them.ok('schedule_report', { report_id: theirReport.id, cadence: '0 9 * * 1', time_zone: 'Europe/Paris', format: 'csv', emails: ['them@other.test'] });
    world.clock.now = at('2026-10-26T08:00:20Z');
    await world.sweep(world.other.id);
    expect(world.smtp.received.map((email) => email.to)).toEqual([['ana@label.test', 'bo@label.test'], ['them@other.test']]);
  });
});
