import { Cron } from 'croner';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { JobQueue, Logger } from '../tools/registry/context.ts';
import { startApprovalSweep, type ApprovalSweepSettings } from './approval-sweep.ts';
import { claimScheduleOccurrence, lastClaimedOccurrence } from './schedule-claims.ts';
import { activeSchedules, FIRE_SCHEDULE_JOB, type JobSchedule, type ScheduledOrganization } from './schedules.ts';

export interface EmbeddedSchedulerOptions {
  prisma: PrismaClient;
  /** The in-process queue: a firing enqueues `schedule.fire` there, exactly as a BullMQ scheduler does. */
  jobs: JobQueue;
  log: Logger;
  ingestDir?: string;
  /** How often to re-read the organisations (default 5 minutes). */
  resyncEveryMs?: number;
  /** The periodic sweep for approved actions that never ran (a job that failed for good, a crash). */
  approvalSweep?: ApprovalSweepSettings;
}

export interface EmbeddedScheduler {
  /** Re-reads the organisations: new ones get their crons, changed time zones are rescheduled. */
  sync(): Promise<number>;
  /** The next firing of each cron, for the admin page and the logs. */
  upcoming(): Array<{ id: string; job: string; organizationId: string; pattern: string; timeZone: string; next: Date | null }>;
  stop(): void;
}

/** The embedded mode's schedules: the same per-organisation schedules, on croner, in this process, and the approval sweep. */
export async function startEmbeddedScheduler(options: EmbeddedSchedulerOptions): Promise<EmbeddedScheduler> {
  const crons = new Map<string, { cron: Cron; schedule: JobSchedule; organization: ScheduledOrganization }>();
  const enqueueFiring = (schedule: JobSchedule, organization: ScheduledOrganization, dueAt: Date) =>
    options.jobs.enqueue({ name: FIRE_SCHEDULE_JOB, payload: { organizationId: organization.id, job: schedule.job, firedAt: dueAt.toISOString() } });
  // Each occurrence is claimed in the database first, so a restart or a second process never fires the same period twice.
  const fire = (schedule: JobSchedule, organization: ScheduledOrganization, cron: () => Cron) => async () => {
    // A timer woken a moment early must still claim this occurrence, not the one before it.
    const dueAt = lastOccurrence(cron(), new Date(Date.now() + TIMER_TOLERANCE_MS));
    try {
      if (dueAt && (await claimScheduleOccurrence(options.prisma, organization.id, schedule.job, dueAt))) await enqueueFiring(schedule, organization, dueAt);
    } catch (error) {
      options.log.error('scheduled job not enqueued', { job: schedule.job, organizationId: organization.id, error: String(error) });
    }
  };

  /**
   * A firing that fell due while no process was running runs once now, for the latest missed
   * period only. A schedule never seen before (a new install or organisation) missed nothing: it
   * is recorded from its latest occurrence on.
   */
  async function catchUp(cron: Cron, schedule: JobSchedule, organization: ScheduledOrganization): Promise<void> {
    const dueAt = lastOccurrence(cron, new Date());
    if (!dueAt) return;
    const lastClaimed = await lastClaimedOccurrence(options.prisma, organization.id, schedule.job);
    const claimed = await claimScheduleOccurrence(options.prisma, organization.id, schedule.job, dueAt);
    if (!claimed || lastClaimed === null) return;
    options.log.info('running a schedule missed while the process was down', { job: schedule.job, organizationId: organization.id, dueAt: dueAt.toISOString() });
    await enqueueFiring(schedule, organization, dueAt);
  }

  async function sync(): Promise<number> {
    const organizations = await options.prisma.organization.findMany({ select: { id: true, timeZone: true } });
    const wanted = new Set<string>();
    for (const organization of organizations) {
      for (const schedule of activeSchedules({ ingestDir: options.ingestDir })) {
        const id = `${schedule.job}.${organization.id}.${organization.timeZone}`;
        wanted.add(id);
        if (crons.has(id)) continue;
        const cron: Cron = new Cron(schedule.pattern, { timezone: organization.timeZone, protect: true, unref: true, name: `crescendo.${id}` }, fire(schedule, organization, () => cron));
        crons.set(id, { cron, schedule, organization });
        await catchUp(cron, schedule, organization).catch((error) =>
          options.log.error('missed schedule not caught up', { job: schedule.job, organizationId: organization.id, error: String(error) }));
      }
    }
    for (const [id, entry] of crons) {
      if (wanted.has(id)) continue;
      entry.cron.stop();
      crons.delete(id);
    }
    return crons.size;
  }

  await sync();
  const timer = setInterval(() => {
    sync().catch((error) => options.log.error('schedule sync failed', { error: String(error) }));
  }, options.resyncEveryMs ?? 5 * 60_000);
  timer.unref();
  const approvals = startApprovalSweep({ prisma: options.prisma, jobs: options.jobs, log: options.log, ...options.approvalSweep });

  return {
    sync,
    upcoming: () =>
      [...crons.entries()].map(([id, { cron, schedule, organization }]) => ({
        id, job: schedule.job, organizationId: organization.id, pattern: schedule.pattern, timeZone: organization.timeZone, next: cron.nextRun(),
      })),
    stop() {
      clearInterval(timer);
      approvals.stop();
      for (const { cron } of crons.values()) cron.stop();
      crons.clear();
    },
  };
}

/** Patterns are minute-grained: a second of slack can never reach the next occurrence. */
const TIMER_TOLERANCE_MS = 1_000;

/** The latest occurrence of the cron at or before `now` (croner counts strictly before its reference). */
function lastOccurrence(cron: Cron, now: Date): Date | null {
  return cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}
