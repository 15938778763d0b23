import { Cron } from 'croner';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { JobQueue, Logger } from '../tools/registry/context.ts';
import { startApprovalSweep, type ApprovalSweepSettings } from './approval-sweep.ts';
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
  const fire = (schedule: JobSchedule, organization: ScheduledOrganization) => () =>
    options.jobs.enqueue({ name: FIRE_SCHEDULE_JOB, payload: { organizationId: organization.id, job: schedule.job, firedAt: new Date().toISOString() } }).catch((error) =>
      options.log.error('scheduled job not enqueued', { job: schedule.job, organizationId: organization.id, error: String(error) }));

  async function sync(): Promise<number> {
    const organizations = await options.prisma.organization.findMany({ select: { id: true, timeZone: true } });
    const wanted = new Set<string>();
    for (const organization of organizations) {
      for (const schedule of activeSchedules({ ingestDir: options.ingestDir })) {
        const id = `${schedule.job}.${organization.id}.${organization.timeZone}`;
        wanted.add(id);
        if (crons.has(id)) continue;
        const cron = new Cron(schedule.pattern, { timezone: organization.timeZone, protect: true, unref: true, name: `crescendo.${id}` }, fire(schedule, organization));
        crons.set(id, { cron, schedule, organization });
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
