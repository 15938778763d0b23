import type { PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * Claims one occurrence of an organisation's schedule: true for exactly one caller per occurrence,
 * and never for an occurrence older than the last one claimed. The row outlives the process, so a
 * restart (or a second embedded server on the same database) cannot fire the same period twice.
 */
export async function claimScheduleOccurrence(prisma: PrismaClient, organizationId: string, job: string, dueAt: Date): Promise<boolean> {
  const claimed = await prisma.$queryRaw<Array<{ job: string }>>`
    INSERT INTO "ScheduleRun" ("organizationId", "job", "lastDueAt", "updatedAt")
    VALUES (${organizationId}, ${job}, ${dueAt}, now())
    ON CONFLICT ("organizationId", "job") DO UPDATE SET "lastDueAt" = EXCLUDED."lastDueAt", "updatedAt" = now()
    WHERE "ScheduleRun"."lastDueAt" < EXCLUDED."lastDueAt"
    RETURNING "job"`;
  return claimed.length === 1;
}

/** The last occurrence claimed, or null when this schedule never fired for the organisation. */
export async function lastClaimedOccurrence(prisma: PrismaClient, organizationId: string, job: string): Promise<Date | null> {
  const row = await prisma.scheduleRun.findUnique({ where: { organizationId_job: { organizationId, job } }, select: { lastDueAt: true } });
  return row?.lastDueAt ?? null;
}
