import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { RUN_IMPORT_JOB } from '../tools/imports/big-import.ts';
import type { JobQueue } from '../tools/registry/context.ts';

/**
 * Re-enqueues big imports that had not finished when the process stopped (queued, checking or
 * storing). run_import resumes each after its last stored batch, and the job's key keeps one run
 * per import, so calling this from several processes at once is harmless.
 */
export async function resumeUnfinishedImports(prisma: PrismaClient, jobs: JobQueue): Promise<number> {
  const unfinished = await prisma.dataImport.findMany({ where: { status: { in: ['QUEUED', 'CHECKING', 'STORING'] } }, select: { id: true, organizationId: true } });
  for (const record of unfinished) {
    await jobs.enqueue({ name: RUN_IMPORT_JOB, payload: { organizationId: record.organizationId, importId: record.id } });
  }
  return unfinished.length;
}
