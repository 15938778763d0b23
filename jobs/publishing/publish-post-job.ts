import { z } from 'zod';
import { PUBLISH_POST_JOB, publishJobKey } from '../../tools/content/posts/index.ts';
import { defineJob } from '../define-job.ts';
import { callTool } from '../job-principal.ts';
import { notifyRequester, type PublishOutcome } from './publish-notice.ts';

/**
 * Publishes one approved post through `publish_scheduled_post`, which claims the row
 * (SCHEDULED -> PUBLISHING) so that a twice-enqueued, twice-delivered or concurrent job publishes
 * once, and tells the person who asked for it how it went. A transient platform failure is not a
 * job failure: the tool puts the post back with its next try's time and the sweep enqueues that
 * try; the job's own retries are for faults on our side (the database away).
 */
export const publishPostJob = defineJob({
  name: PUBLISH_POST_JOB,
  description: 'Publish one approved, due post exactly once and tell its requester.',
  payload: z.object({
    organizationId: z.string().min(1),
    postId: z.string().min(1),
    approvalId: z.string().min(1),
    attempt: z.number().int().min(0),
    dueAt: z.iso.datetime(),
  }),
  attempts: 3,
  backoffMs: 30_000,
  key: (payload) => publishJobKey(payload.approvalId, payload.attempt, new Date(payload.dueAt)),
  async run(deps, payload) {
    const outcome = await callTool<PublishOutcome>(deps, payload.organizationId, 'publish_scheduled_post', { post_id: payload.postId, approval_id: payload.approvalId });
    // Only the run that moved the post to published or failed tells anyone: a skipped re-delivery stays quiet.
    if (outcome.outcome === 'published' || outcome.outcome === 'failed') {
      await notifyRequester(deps, payload.organizationId, payload.approvalId, outcome).catch((error) =>
        deps.log.error('publish notification failed', { postId: payload.postId, error: String(error) }),
      );
    }
    return { outcome: outcome.outcome };
  },
});
