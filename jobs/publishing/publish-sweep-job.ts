import { z } from 'zod';
import { PUBLISH_LEASE_MS, PUBLISH_POST_JOB, publishJobPayload } from '../../tools/content/posts/index.ts';
import { defineJob, jobKey } from '../define-job.ts';

export const PUBLISH_SWEEP_JOB = 'content.publish.sweep';
/** Most posts one sweep hands out; the rest wait a minute for the next. */
const SWEEP_BATCH = 200;

/**
 * Every minute, per organisation: the approved posts that are due (their time has come and any
 * retry wait is over), and those whose worker died mid-publish (claim older than the lease), each
 * handed to the publish job under a key of its approval, try and due time. Reads the rows
 * directly, like the approval sweep: it decides nothing, the publish tool's claim does.
 */
export const publishSweepJob = defineJob({
  name: PUBLISH_SWEEP_JOB,
  description: 'Hand approved posts that are due to the publish job.',
  payload: z.object({ organizationId: z.string().min(1), minute: z.string().regex(/^\d{12}$/, 'YYYYMMDDhhmm (UTC)') }),
  attempts: 2,
  backoffMs: 10_000,
  key: (payload) => jobKey(PUBLISH_SWEEP_JOB, payload.organizationId, payload.minute),
  async run(deps, payload) {
    const now = deps.now();
    const due = await deps.prisma.scheduledPost.findMany({
      where: {
        organizationId: payload.organizationId,
        approvalRequestId: { not: null },
        OR: [
          { status: 'SCHEDULED', scheduledAt: { lte: now }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
          { status: 'PUBLISHING', publishClaimedAt: { lt: new Date(now.getTime() - PUBLISH_LEASE_MS) } },
        ],
      },
      select: { id: true, approvalRequestId: true, publishAttempts: true, scheduledAt: true, nextAttemptAt: true, publishClaimedAt: true, status: true },
      orderBy: { scheduledAt: 'asc' },
      take: SWEEP_BATCH,
    });
    for (const post of due) {
      // The due time names the try: the scheduled time, a retry's time, or the stale claim being resumed.
      const dueAt = post.status === 'PUBLISHING' ? post.publishClaimedAt! : (post.nextAttemptAt ?? post.scheduledAt!);
      await deps.jobs.enqueue({ name: PUBLISH_POST_JOB, payload: publishJobPayload(payload.organizationId, post.id, post.approvalRequestId!, post.publishAttempts, dueAt) });
    }
    return { enqueued: due.length };
  },
  recordsRun: (result) => (result as { enqueued: number }).enqueued > 0,
});

/** The sweep's minute, as its payload names it (UTC, no separators: keys may not hold ':'). */
export function sweepMinute(at: Date): string {
  return at.toISOString().slice(0, 16).replace(/[-T:]/g, '');
}
