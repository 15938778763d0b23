import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { JobCatalogue, JOBS } from '../../jobs/catalogue.ts';
import { defineJob } from '../../jobs/define-job.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { createCatalogue } from '../index.ts';
import { silentLogger } from '../registry/context.ts';
import { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, type TestOrganization } from '../testing/fixtures.ts';

const payload = z.object({ organizationId: z.string(), label: z.string() });
const succeeds = defineJob({ name: 'test.succeeds', description: 'Succeeds.', payload, attempts: 1, backoffMs: 1, key: (input) => `test.succeeds.${input.label}`, run: async () => 'done' });
const alwaysFails = defineJob({
  name: 'test.fails',
  description: 'Fails every attempt.',
  payload,
  attempts: 2,
  backoffMs: 1,
  key: () => undefined,
  run: async (_deps, input) => {
    throw new Error(`vendor API answered 503 for ${input.label}`);
  },
});

type ListJobsOutput = { rows: Array<{ id: string; job: string; key: string | null; status: string; attempt: number; max_attempts: number; runner: string; started_at: string; finished_at: string | null; wait_ms: number; duration_ms: number | null; error: string | null }>; next_cursor: string | null };

/** list_jobs: each organisation sees the runs of its own jobs, as the job runner recorded them. */
describe('list_jobs', () => {
  let database: Database;
  let runner: ToolRunner;
  let orgA: TestOrganization;
  let orgB: TestOrganization;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgA = await createTestOrganization(database, 'jobs-list-a');
    orgB = await createTestOrganization(database, 'jobs-list-b');
    const jobs = new InProcessJobQueue({ catalogue: new JobCatalogue([...JOBS, succeeds, alwaysFails]), retryDelayMs: () => 1 });
    runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), jobs });
    jobs.bind({ prisma: database.prisma, runner, log: silentLogger });
    await jobs.enqueue({ name: 'test.succeeds', payload: { organizationId: orgA.id, label: 'a' } });
    await jobs.enqueue({ name: 'test.fails', payload: { organizationId: orgA.id, label: 'a' } });
    await jobs.enqueue({ name: 'test.succeeds', payload: { organizationId: orgB.id, label: 'b' } });
    await jobs.enqueue({ name: 'test.fails', payload: { organizationId: orgB.id, label: 'b' } });
    await jobs.drain();
  });
  afterAll(async () => {
    await database.close();
  });

  const listJobs = async (org: TestOrganization, input: Record<string, unknown> = {}, role: 'OWNER' | 'MANAGER' | 'VIEWER' = 'OWNER') => {
    const result = await runner.call('list_jobs', input, org.as(role));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.output as ListJobsOutput;
  };

  it('shows every attempt of the organisation\'s jobs with status, timings and errors', async () => {
    const { rows } = await listJobs(orgA);
    expect(rows.map((row) => [row.job, row.status, row.attempt])).toEqual([
      ['test.fails', 'failed', 2],
      ['test.fails', 'retrying', 1],
      ['test.succeeds', 'succeeded', 1],
    ]);
    const [failed, , succeeded] = rows;
    expect(failed).toMatchObject({ max_attempts: 2, runner: 'in-process', key: null, error: 'vendor API answered 503 for a' });
    expect(succeeded).toMatchObject({ key: 'test.succeeds.a', error: null, max_attempts: 1 });
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.duration_ms).toBeGreaterThanOrEqual(0);
      expect(row.wait_ms).toBeGreaterThanOrEqual(0);
      expect(Date.parse(row.finished_at!)).toBeGreaterThanOrEqual(Date.parse(row.started_at));
    }
  });

  it("never shows another organisation's rows, whatever the filter", async () => {
    const idsOfB = (await database.prisma.jobRun.findMany({ where: { organizationId: orgB.id } })).map((row) => row.id);
    expect(idsOfB).toHaveLength(3);
    for (const input of [{}, { status: 'failed' }, { job: 'test.succeeds' }, { since: '2000-01-01T00:00:00Z', limit: 200 }]) {
      const text = JSON.stringify(await listJobs(orgA, input));
      for (const id of [orgB.id, ...idsOfB]) expect(text).not.toContain(id);
      expect(text).not.toContain('for b');
    }
    expect((await listJobs(orgB)).rows.map((row) => row.error).filter(Boolean)).toEqual(['vendor API answered 503 for b', 'vendor API answered 503 for b']);
  });

  it('filters by status and job, and pages', async () => {
    expect((await listJobs(orgA, { status: 'failed' })).rows.map((row) => row.job)).toEqual(['test.fails']);
    expect((await listJobs(orgA, { job: 'test.succeeds' })).rows).toHaveLength(1);
    const first = await listJobs(orgA, { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await listJobs(orgA, { limit: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ rows: [{ job: 'test.succeeds' }], next_cursor: null });
  });

  it('is for MANAGER and above, like the audit log', async () => {
    expect((await listJobs(orgA, {}, 'MANAGER')).rows).toHaveLength(3);
    const viewer = await runner.call('list_jobs', {}, orgA.as('VIEWER'));
    expect(viewer.ok ? 'ok' : viewer.error.code).toBe('forbidden');
  });
});
