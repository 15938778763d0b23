import { z } from 'zod';
import { latestDueOccurrence, nextOccurrence } from '../../tools/reports/delivery/cadence.ts';
import { defineJob, jobKey, type JobDeps } from '../define-job.ts';
import { DELIVER_REPORT_JOB } from './deliver-report-job.ts';
import { MAX_DELIVERY_ATTEMPTS, retryDueAt } from './delivery-state.ts';

export const REPORT_DELIVERY_SWEEP_JOB = 'reports.delivery.sweep';
/** Most schedules (and retries) one sweep hands out; the rest wait a minute for the next. */
const SWEEP_BATCH = 100;

/**
 * Every minute, per organisation: each active schedule that is due gets its period's delivery row
 * (insert or nothing: the unique (schedule, period) makes a restart, a second worker or a re-run
 * sweep claim a period once), its next run moved on, and the delivery job; deliveries whose last
 * try failed (or whose worker died) are handed out again once their wait is over, and the job then
 * sends only to the destinations that have not had the report. Reads the rows directly, like the
 * publish sweep; the report itself runs through the registry as the schedule's creator.
 */
export const reportDeliverySweepJob = defineJob({
  name: REPORT_DELIVERY_SWEEP_JOB,
  description: 'Claim due report schedules\' periods and hand them, and failed deliveries, to the delivery job.',
  payload: z.object({ organizationId: z.string().min(1), minute: z.string().regex(/^\d{12}$/, 'YYYYMMDDhhmm (UTC)') }),
  attempts: 2,
  backoffMs: 10_000,
  key: (payload) => jobKey(REPORT_DELIVERY_SWEEP_JOB, payload.organizationId, payload.minute),
  async run(deps, payload) {
    const claimed = await claimDuePeriods(deps, payload.organizationId);
    const retried = await retryDeliveries(deps, payload.organizationId);
    return { claimed, retried };
  },
  recordsRun: (result) => {
    const { claimed, retried } = result as { claimed: number; retried: number };
    return claimed + retried > 0;
  },
});

async function claimDuePeriods(deps: JobDeps, organizationId: string): Promise<number> {
  const now = deps.now();
  const due = await deps.prisma.reportSchedule.findMany({
    where: { organizationId, isActive: true, nextRunAt: { lte: now } },
    select: { id: true, cron: true, timeZone: true, nextRunAt: true },
    orderBy: { nextRunAt: 'asc' },
    take: SWEEP_BATCH,
  });
  let claimed = 0;
  for (const schedule of due) {
    // Down for days: one delivery, for the latest period due, not one per missed period.
    const period = latestDueOccurrence(schedule.cron, schedule.timeZone, schedule.nextRunAt!, now);
    const periodKey = period.toISOString();
    const inserted = await deps.prisma.reportDelivery.createMany({ data: [{ organizationId, scheduleId: schedule.id, periodKey, status: 'pending', createdAt: now }], skipDuplicates: true });
    // Guarded by the value read, so two sweeps move it once (either way to the same time).
    await deps.prisma.reportSchedule.updateMany({
      where: { id: schedule.id, organizationId, nextRunAt: schedule.nextRunAt },
      data: { nextRunAt: nextOccurrence(schedule.cron, schedule.timeZone, now), lastRunAt: period },
    });
    if (inserted.count === 0) continue;
    const delivery = await deps.prisma.reportDelivery.findUniqueOrThrow({ where: { organizationId_scheduleId_periodKey: { organizationId, scheduleId: schedule.id, periodKey } }, select: { id: true } });
    await deps.jobs.enqueue({ name: DELIVER_REPORT_JOB, payload: { organizationId, deliveryId: delivery.id, attempt: 0 } });
    claimed += 1;
  }
  return claimed;
}

async function retryDeliveries(deps: JobDeps, organizationId: string): Promise<number> {
  const now = deps.now();
  const open = await deps.prisma.reportDelivery.findMany({
    where: { organizationId, status: { in: ['pending', 'failed'] }, attempts: { lt: MAX_DELIVERY_ATTEMPTS }, schedule: { isActive: true } },
    select: { id: true, status: true, attempts: true, createdAt: true, destinations: true },
    orderBy: { createdAt: 'asc' },
    take: SWEEP_BATCH,
  });
  let retried = 0;
  for (const delivery of open) {
    const dueAt = retryDueAt(delivery);
    if (!dueAt || dueAt > now) continue;
    await deps.jobs.enqueue({ name: DELIVER_REPORT_JOB, payload: { organizationId, deliveryId: delivery.id, attempt: delivery.attempts } });
    if (delivery.attempts > 0) retried += 1;
  }
  return retried;
}
