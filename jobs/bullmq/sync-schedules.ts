import type { Queue } from 'bullmq';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { findJob } from '../catalogue.ts';
import { activeSchedules, FIRE_SCHEDULE_JOB } from '../schedules.ts';
import { jobOptions } from './job-options.ts';

const SCHEDULER_PREFIX = 'schedule.';

/** One scheduler per organisation and recurring job. */
export function schedulerId(job: string, organizationId: string): string {
  return `${SCHEDULER_PREFIX}${job}.${organizationId}`;
}

/**
 * Makes Redis's job schedulers match the organisations table: one per organisation and schedule,
 * its cron read in the organisation's time zone (a changed zone updates it), and none for
 * organisations that are gone. Idempotent; the worker runs it at start and every few minutes.
 */
export async function syncSchedules(queue: Queue, prisma: PrismaClient, options: { ingestDir?: string } = {}): Promise<{ schedulers: number; removed: number }> {
  const organizations = await prisma.organization.findMany({ select: { id: true, timeZone: true }, orderBy: { id: 'asc' } });
  const fire = findJob(FIRE_SCHEDULE_JOB)!;
  const wanted = new Set<string>();
  for (const organization of organizations) {
    for (const schedule of activeSchedules(options)) {
      const id = schedulerId(schedule.job, organization.id);
      wanted.add(id);
      await queue.upsertJobScheduler(
        id,
        { pattern: schedule.pattern, tz: organization.timeZone },
        { name: FIRE_SCHEDULE_JOB, data: { organizationId: organization.id, job: schedule.job }, opts: jobOptions(fire) },
      );
    }
  }
  let removed = 0;
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    if (scheduler.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      removed++;
    }
  }
  return { schedulers: wanted.size, removed };
}
