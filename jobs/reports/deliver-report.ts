import type { Prisma } from '../../db/generated/prisma/client.ts';
import { EmailError, emailSender } from '../../tools/common/email/index.ts';
import { renderReportExport, type ReportExport } from '../../tools/reports/delivery/export/render-report-export.ts';
import { describeCadence } from '../../tools/reports/delivery/cadence.ts';
import { chartSpec } from '../../tools/reports/saved/report-fields.ts';
import type { ReportResult } from '../../tools/reports/report-result.ts';
import type { Role } from '../../tools/registry/roles.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import type { JobDeps } from '../define-job.ts';
import { MAX_DELIVERY_ATTEMPTS, readDestinations, type DeliveryDestinations, type EmailOutcome, type SlackOutcome } from './delivery-state.ts';
import { reportEmail, reportNotification, type ReportDigest } from './report-message.ts';

export type DeliveryOutcome =
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'delivered' | 'failed'; attempt: number; slack: SlackOutcome | null; email: EmailOutcome | null; error: string | null };

interface ScheduledReport {
  schedule_id: string;
  report_id: string;
  report_name: string;
  format: 'csv' | 'pdf' | 'inline';
  result: ReportResult;
}

/** The report could not be run or rendered; `final` when trying again cannot help. */
class ReportNotReady extends Error {
  constructor(message: string, readonly final: boolean) {
    super(message);
  }
}

/**
 * One try at one period's delivery: claim the try (the row's attempt count is the guard, so a
 * re-delivered or concurrent job does nothing), run the saved report as the person who scheduled
 * it, render its file, send it to each destination that has not had it yet, and record each
 * destination's outcome. Failures are recorded, not thrown: the sweep tries the failed
 * destinations again; only faults on our side (the database away) throw for the queue to retry.
 */
export async function deliverReport(deps: JobDeps, organizationId: string, deliveryId: string, attempt: number): Promise<DeliveryOutcome> {
  const row = await deps.prisma.reportDelivery.findFirst({ where: { id: deliveryId, organizationId }, include: { schedule: { include: { reportView: { select: { name: true, description: true, chart: true } } } } } });
  if (!row) return { outcome: 'skipped', reason: 'no such delivery in this organisation' };
  if (!row.schedule.isActive) return { outcome: 'skipped', reason: 'the schedule was stopped' };
  const before = readDestinations(row.destinations);
  const startedAt = deps.now();
  const claimed = await deps.prisma.reportDelivery.updateMany({
    where: { id: deliveryId, organizationId, attempts: attempt, status: { in: ['pending', 'failed'] } },
    data: { attempts: attempt + 1, status: 'pending', destinations: { ...before, attempted_at: startedAt.toISOString() } as Prisma.InputJsonValue },
  });
  if (claimed.count === 0) return { outcome: 'skipped', reason: 'already delivered, or another try has it' };

  const schedule = row.schedule;
  const wantsSlack = Boolean(schedule.slackChannel) && before.slack?.ok !== true;
  const wantsEmail = schedule.emails.length > 0 && before.email?.ok !== true;
  let report: ScheduledReport;
  let file: ReportExport | null;
  try {
    report = await runAsCreator(deps, organizationId, schedule.createdById, schedule.id, row.periodKey);
    // Drawn as export_report draws it: the saved report's name, description and chart.
    const chart = chartSpec.safeParse(schedule.reportView.chart);
    file = report.format === 'inline' ? null : await renderReportExport(report.result, {
      format: report.format, title: report.report_name, subtitle: schedule.reportView.description ?? undefined, chart: chart.success ? chart.data : undefined,
    });
  } catch (error) {
    if (!(error instanceof ReportNotReady)) throw error;
    const data = { status: 'failed', error: error.message, ...(error.final ? { attempts: MAX_DELIVERY_ATTEMPTS } : {}) };
    await deps.prisma.reportDelivery.updateMany({ where: { id: deliveryId, organizationId }, data });
    return { outcome: 'failed', attempt: attempt + 1, slack: null, email: null, error: error.message };
  }

  const digest: ReportDigest = { reportName: report.report_name, cadence: describeCadence(schedule.cron, schedule.timeZone), result: report.result, filename: file?.filename ?? null };
  const at = () => deps.now().toISOString();
  const slack = wantsSlack ? await toSlack(deps, organizationId, schedule.slackChannel!, digest, file, at) : (before.slack ?? null);
  const email = wantsEmail ? await toEmail(schedule.emails, deliveryId, digest, file, at) : (before.email ?? null);

  const failures = [slack && !slack.ok ? `Slack: ${slack.error}` : null, email && !email.ok ? `Email: ${email.error}` : null].filter((text): text is string => text !== null);
  const destinations: DeliveryDestinations = { ...(slack ? { slack } : {}), ...(email ? { email } : {}), attempted_at: startedAt.toISOString() };
  const delivered = failures.length === 0;
  const error = delivered ? null : attempt + 1 >= MAX_DELIVERY_ATTEMPTS ? `Gave up after ${attempt + 1} tries. ${failures.join(' ')}` : failures.join(' ');
  await deps.prisma.reportDelivery.updateMany({
    where: { id: deliveryId, organizationId },
    data: { status: delivered ? 'delivered' : 'failed', destinations: destinations as Prisma.InputJsonValue, error, ...(delivered ? { deliveredAt: deps.now() } : {}) },
  });
  deps.log.info(delivered ? 'report delivered' : 'report delivery failed', { organizationId, scheduleId: schedule.id, period: row.periodKey, attempt: attempt + 1, error });
  return { outcome: delivered ? 'delivered' : 'failed', attempt: attempt + 1, slack, email, error };
}

/**
 * The schedule's creator, with their role today, on the JOB surface: a delivery never shows more
 * than they may read now, and stops when they leave the organisation.
 */
async function runAsCreator(deps: JobDeps, organizationId: string, creatorId: string | null, scheduleId: string, periodKey: string): Promise<ScheduledReport> {
  const membership = creatorId ? await deps.prisma.membership.findFirst({ where: { organizationId, userId: creatorId }, select: { role: true } }) : null;
  if (!membership) throw new ReportNotReady('The person who scheduled this report is no longer a member of the organisation: schedule it again as someone who is.', true);
  const principal: Principal = { orgId: organizationId, userId: creatorId, role: membership.role as Role, surface: 'JOB' };
  // The period's own instant, not the moment this try runs: a retry an hour later reports the same days.
  const result = await deps.runner.call('run_scheduled_report', { schedule_id: scheduleId, as_of: periodKey }, principal);
  if (result.ok) return result.output as ScheduledReport;
  const transient = result.error.code === 'internal' || result.error.code === 'unavailable' || result.error.code === 'conflict';
  throw new ReportNotReady(`The report could not be run (${result.error.code}): ${result.error.message}`, !transient);
}

async function toSlack(deps: JobDeps, organizationId: string, channel: string, digest: ReportDigest, file: ReportExport | null, at: () => string): Promise<SlackOutcome> {
  if (!deps.notifier.postToChannel) return { ok: false, error: 'Slack is not configured on this server (SLACK_BOT_TOKEN).', at: at() };
  try {
    const posted = await deps.notifier.postToChannel(organizationId, {
      channel,
      message: reportNotification(digest),
      ...(file ? { file: { filename: file.filename, contentType: file.contentType, bytes: file.bytes, title: digest.reportName } } : {}),
    });
    return { ok: true, channel: posted.channel, ts: posted.ts, file_id: posted.fileId, at: at() };
  } catch (error) {
    return { ok: false, error: (error as Error).message, at: at() };
  }
}

/** The delivery's id is the idempotency key: every try of a period is the same message. */
async function toEmail(to: string[], deliveryId: string, digest: ReportDigest, file: ReportExport | null, at: () => string): Promise<EmailOutcome> {
  try {
    const attachments = file ? [{ filename: file.filename, contentType: file.contentType, content: file.bytes }] : [];
    const sent = await emailSender().send({ ...reportEmail(digest, to), attachments }, `report-delivery.${deliveryId}`);
    return { ok: true, message_id: sent.messageId, accepted: sent.accepted, at: at() };
  } catch (error) {
    // Recorded whatever it was (a refusal, the outbox folder unwritable): Slack may already have had it.
    return { ok: false, error: error instanceof EmailError || error instanceof Error ? error.message : String(error), at: at() };
  }
}
