import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../registry/pagination.ts';

const STATUSES = ['running', 'succeeded', 'retrying', 'failed'] as const;
type Status = (typeof STATUSES)[number];
const toStored = (status: Status) => status.toUpperCase() as Uppercase<Status>;

/**
 * The organisation's own background jobs, from the JobRun rows the job runner writes. The
 * operator's /admin/queues spans every organisation; this is what an organisation may see. It
 * reads the audit-class permission (MANAGER, ADMIN, OWNER): like the audit log it is history of
 * what ran, and a read tool may not carry org:admin, which is a write-class permission.
 */
export const listJobs = defineTool({
  name: 'list_jobs',
  title: 'Background jobs',
  description:
    "This organisation's background jobs (approved actions, digests, alerts, weekly stats, imports of scraper drops), newest attempt first: status, attempt, when queued, started and finished, wait and duration in ms, and the error of a failed attempt.",
  area: 'access',
  access: 'read',
  permission: 'audit:read',
  input: z.object({
    status: z.enum(STATUSES).optional().describe('Only attempts in this state; "failed" means given up, "retrying" that another attempt follows.'),
    job: z.string().max(100).optional().describe('Only this job, e.g. "approvals.execute" or "digest.daily".'),
    since: z.iso.datetime({ offset: true }).optional().describe('Only attempts started at or after this time (ISO 8601).'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        job: z.string(),
        key: z.string().nullable().describe('What the job is about (an approval id, a day), when it has one: the same key never runs twice.'),
        status: z.enum(STATUSES),
        attempt: z.number().int(),
        max_attempts: z.number().int(),
        runner: z.enum(['in-process', 'redis']).describe('in-process: the embedded server; redis: a `crescendo worker`.'),
        queued_at: z.string(),
        started_at: z.string(),
        finished_at: z.string().nullable().describe('null while running.'),
        wait_ms: z.number().int().describe('From queued to this attempt starting (includes retry back-off).'),
        duration_ms: z.number().int().nullable().describe('null while running.'),
        error: z.string().nullable().describe('Why this attempt failed.'),
      }),
    ),
    next_cursor: nextCursorOutput,
  }),
  example: { status: 'failed', limit: 20 },
  async handler(ctx, input) {
    const query = pageQuery(input);
    const rows = await ctx.db.jobRun.findMany({
      where: {
        ...(input.status ? { status: toStored(input.status) } : {}),
        ...(input.job ? { job: input.job } : {}),
        ...(input.since ? { startedAt: { gte: new Date(input.since) } } : {}),
        ...query.idAfter,
      },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(rows, input.limit);
    return {
      rows: page.rows.map((row) => ({
        id: row.id,
        job: row.job,
        key: row.key,
        status: row.status.toLowerCase() as Status,
        attempt: row.attempt,
        max_attempts: row.maxAttempts,
        runner: row.runner === 'redis' ? ('redis' as const) : ('in-process' as const),
        queued_at: row.queuedAt.toISOString(),
        started_at: row.startedAt.toISOString(),
        finished_at: row.finishedAt?.toISOString() ?? null,
        wait_ms: Math.max(0, row.startedAt.getTime() - row.queuedAt.getTime()),
        duration_ms: row.durationMs,
        error: row.error,
      })),
      next_cursor: page.nextCursor,
    };
  },
});
