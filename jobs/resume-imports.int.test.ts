import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { RUN_IMPORT_JOB } from '../tools/imports/big-import.ts';
import type { JobRequest } from '../tools/registry/context.ts';
import { createTestOrganization } from '../tools/testing/fixtures.ts';
import { resumeUnfinishedImports } from './resume-imports.ts';

describe('unfinished big imports after a restart', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('are queued again, and only those that had not finished', async () => {
    const org = await createTestOrganization(database, 'resume-imports');
    const create = (status: 'QUEUED' | 'CHECKING' | 'STORING' | 'DONE' | 'FAILED') =>
      database.prisma.dataImport.create({ data: { organizationId: org.id, tool: 'import_streams', status, dryRun: false } });
    const unfinished = [await create('QUEUED'), await create('CHECKING'), await create('STORING')];
    await create('DONE');
    await create('FAILED');
    const enqueued: JobRequest[] = [];
    expect(await resumeUnfinishedImports(database.prisma, { enqueue: async (job) => void enqueued.push(job) })).toBe(3);
    expect(enqueued.map((job) => job.name)).toEqual([RUN_IMPORT_JOB, RUN_IMPORT_JOB, RUN_IMPORT_JOB]);
    expect(enqueued.map((job) => job.payload.importId).sort()).toEqual(unfinished.map((record) => record.id).sort());
    expect(enqueued.every((job) => job.payload.organizationId === org.id)).toBe(true);
  });
});
