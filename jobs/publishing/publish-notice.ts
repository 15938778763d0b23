import type { JobDeps } from '../define-job.ts';
import type { NotificationMessage } from '../notifier.ts';

/** What publish_scheduled_post answers. */
export interface PublishOutcome {
  post_id: string;
  outcome: 'published' | 'retrying' | 'failed' | 'skipped';
  platform: string;
  account: string | null;
  external_url: string | null;
  error: string | null;
  next_attempt_at: string | null;
  attempt: number;
}

/** The message the requester reads: posted (with its link) or failed (with the platform's words). */
export function publishMessage(outcome: PublishOutcome, caption: string): NotificationMessage {
  const where = `${outcome.platform}${outcome.account ? ` as ${outcome.account}` : ''}`;
  const excerpt = caption.length > 200 ? `${caption.slice(0, 199)}…` : caption;
  if (outcome.outcome === 'published') {
    return { title: `Posted on ${where}`, summary: `Your approved post is live on ${where}.`, sections: [{ heading: 'Post', lines: [excerpt] }], ...(outcome.external_url ? { link: outcome.external_url } : {}) };
  }
  return { title: `Post not published on ${where}`, summary: outcome.error ?? 'The platform refused it.', sections: [{ heading: 'Post', lines: [excerpt] }] };
}

/**
 * Tells the person who asked for the post, by direct message where the notifier can reach them;
 * else (no direct messages, or a requester without an email) the organisation's alert channels.
 */
export async function notifyRequester(deps: JobDeps, organizationId: string, approvalId: string, outcome: PublishOutcome): Promise<void> {
  const request = await deps.prisma.approvalRequest.findFirst({ where: { id: approvalId, organizationId }, select: { requestedById: true } });
  const requester = request ? await deps.prisma.user.findUnique({ where: { id: request.requestedById }, select: { email: true } }) : null;
  const post = await deps.prisma.scheduledPost.findFirst({ where: { id: outcome.post_id, organizationId }, select: { caption: true, thread: true } });
  const caption = post?.caption || (Array.isArray(post?.thread) ? String(post.thread[0] ?? '') : '');
  const message = publishMessage(outcome, caption);
  if (requester?.email && deps.notifier.direct) await deps.notifier.direct(organizationId, requester.email, message);
  else await deps.notifier.alerts(organizationId, message);
}
