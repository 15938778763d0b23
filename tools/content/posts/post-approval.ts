import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import type { ApprovalFacts } from '../../registry/define-tool.ts';
import type { ApprovalSummary } from '../../registry/approval-summary.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { captionWithHashtags, PLATFORM_LABELS } from '../connectors/publishing.ts';
import { contentHash, displayTime, fromPlatformColumn, publishablePost } from './post-fields.ts';
import { loadPost, type PostRow } from './post-view.ts';

/**
 * What schedule_post and publish_now share: the post as the approver sees it (its text as it will
 * read, its account, platform and time), the facts that send the request back to pending when
 * they move (content version, account, time), and what an approval does to the post.
 */

/** The job that publishes one approved post (defined in jobs/publishing; named here because tools do not import jobs). */
export const PUBLISH_POST_JOB = 'content.publish.post';

export type ApprovalMode = 'schedule' | 'now';

/** What an executed schedule_post or publish_now returns. */
export const approvedPostOutput = z.object({
  post_id: z.string(),
  platform: z.string(),
  account: z.string(),
  status: z.literal('scheduled'),
  scheduled_at: z.string(),
  local_time: z.string(),
  approved_version: z.number().int(),
  publishes_now: z.boolean(),
});
export type ApprovedPost = z.infer<typeof approvedPostOutput>;

/** The post an approval request may be filed for: content, a connected account, not out yet. */
export async function postForApproval(ctx: ToolContext, postId: string): Promise<PostRow & { socialAccount: NonNullable<PostRow['socialAccount']> }> {
  const post = await loadPost(ctx, postId);
  if (post.status === 'PUBLISHING' || post.status === 'PUBLISHED') throw conflict(`This post is already ${post.status.toLowerCase()}.`);
  if (!post.socialAccount) throw invalidInput('post_id', 'the post has no account to publish from: set social_account_id with update_post (list_social_accounts).');
  if (!post.caption.trim() && !(Array.isArray(post.thread) && post.thread.length)) throw invalidInput('post_id', 'the post has no caption.');
  return post as PostRow & { socialAccount: NonNullable<PostRow['socialAccount']> };
}

/** A rejected request sends its post back to draft, saying why; an approved (scheduled) post keeps its earlier approval. */
export async function returnToDraft(ctx: ToolContext, postId: string, comment: string | null): Promise<void> {
  await ctx.db.scheduledPost.updateMany({
    where: { id: postId, status: 'PENDING_APPROVAL' },
    data: { status: 'DRAFT', error: `Approval rejected${comment ? `: ${comment}` : ''}. Edit it and schedule it again.` },
  });
}

/** Filing (and a request returned to pending) puts the post in pending_approval; an approved post keeps its approval until the new one runs. */
export async function enterPendingApproval(ctx: ToolContext, post: PostRow, time?: { at: Date; timeZone: string }): Promise<PostRow> {
  const stillApproved = post.status === 'SCHEDULED';
  await ctx.db.scheduledPost.update({
    where: { id: post.id },
    data: { ...(time ? { scheduledAt: time.at, timeZone: time.timeZone } : {}), ...(stillApproved ? {} : { status: 'PENDING_APPROVAL', error: null }) },
  });
  return loadPost(ctx, post.id);
}

function whenText(post: PostRow, mode: ApprovalMode, organizationTimeZone: string): string {
  if (mode === 'now') return 'now, as soon as it is approved';
  return post.scheduledAt ? displayTime(post.scheduledAt, post.timeZone ?? organizationTimeZone) : 'no time set';
}

/** The post as it will appear, with where and when: what the approver reads. */
export function approvalPreview(post: PostRow, mode: ApprovalMode, organizationTimeZone: string): string {
  const platform = PLATFORM_LABELS[fromPlatformColumn(post.platform)];
  const content = publishablePost(post);
  const text = content.thread?.length ? content.thread.map((part, index) => `${index + 1}/${content.thread!.length} ${part}`).join('\n') : captionWithHashtags(content);
  const lines = [`Publish on ${platform} as ${post.socialAccount?.displayName ?? '(no account)'} (${post.contentType.toLowerCase()}), ${whenText(post, mode, organizationTimeZone)}:`, '', text, ''];
  if (content.title) lines.push(`Title: ${content.title}`);
  for (const item of content.media) lines.push(`${item.kind === 'image' ? 'Image' : 'Video'}: ${item.url}${item.altText ? ` (alt: ${item.altText})` : ''}`);
  if (content.link) lines.push(`Link: ${content.link}`);
  lines.push(`Content version ${post.contentVersion}.`);
  return lines.join('\n').trim();
}

/** Facts whose change after filing sends the request back to pending. */
export function approvalFacts(post: PostRow, mode: ApprovalMode, organizationTimeZone: string): ApprovalFacts {
  return { 'Content version': post.contentVersion, Account: post.socialAccount?.displayName ?? null, 'Publishes at': whenText(post, mode, organizationTimeZone) };
}

export async function approvalSummary(ctx: ToolContext, post: PostRow, mode: ApprovalMode): Promise<ApprovalSummary> {
  const platform = PLATFORM_LABELS[fromPlatformColumn(post.platform)];
  const release = post.releaseId ? await ctx.db.release.findFirst({ where: { id: post.releaseId }, select: { title: true, artistName: true } }) : null;
  const content = publishablePost(post);
  const warnings: string[] = [];
  if (mode === 'schedule' && post.scheduledAt && post.scheduledAt <= ctx.now()) warnings.push('Its time has passed: it publishes as soon as it is approved.');
  if (post.socialAccount && post.socialAccount.status !== 'CONNECTED') warnings.push(`The account is ${post.socialAccount.status.toLowerCase()}: reconnect it or publishing will fail.`);
  return {
    headline: `Publish a ${post.contentType.toLowerCase()} on ${platform} ${mode === 'now' ? 'now' : `on ${whenText(post, mode, ctx.org.timeZone)}`}`,
    amount: null,
    campaign: null,
    songs: release ? [{ title: release.title, artist: release.artistName }] : [],
    evidence: [
      { label: 'Platform', value: platform },
      { label: 'Account', value: post.socialAccount?.displayName ?? '(none)' },
      { label: 'When', value: whenText(post, mode, ctx.org.timeZone) },
      { label: 'Text', value: content.thread?.length ? content.thread.join('\n') : captionWithHashtags(content) },
      ...content.media.map((item) => ({ label: item.kind === 'image' ? 'Image' : 'Video', value: item.url })),
      ...(content.link ? [{ label: 'Link', value: content.link }] : []),
      { label: 'Content version', value: String(post.contentVersion) },
    ],
    warnings,
  };
}

/**
 * An approval ran: the post is scheduled under this approval, pinned to its content version and
 * hash. A post published, publishing or cancelled since the request is refused (nothing changes),
 * so two approvals of one post never publish it twice. A due post is handed to the publish job now;
 * later ones are found by the minute sweep.
 */
export async function approvePost(ctx: ToolContext, postId: string, mode: ApprovalMode): Promise<ApprovedPost> {
  if (!ctx.approvalId) throw new Error('an approval tool ran without an approval id');
  const post = await postForApproval(ctx, postId);
  if (post.status === 'CANCELLED') throw conflict('The post was cancelled after the request was filed; nothing was scheduled.');
  const scheduledAt = mode === 'now' ? ctx.now() : post.scheduledAt;
  if (!scheduledAt) throw invalidInput('post_id', 'the post has no time: give scheduled_at.');
  await ctx.db.scheduledPost.update({
    where: { id: post.id },
    data: {
      status: 'SCHEDULED',
      scheduledAt,
      approvalRequestId: ctx.approvalId,
      approvedVersion: post.contentVersion,
      approvedContentHash: contentHash(post),
      error: null,
      publishAttempts: 0,
      nextAttemptAt: null,
      publishClaimedAt: null,
    },
  });
  const due = scheduledAt.getTime() <= ctx.now().getTime();
  if (due) ctx.jobs.enqueue({ name: PUBLISH_POST_JOB, payload: publishJobPayload(ctx.orgId, post.id, ctx.approvalId, 0, scheduledAt) });
  return {
    post_id: post.id,
    platform: fromPlatformColumn(post.platform),
    account: post.socialAccount.displayName,
    status: 'scheduled',
    scheduled_at: scheduledAt.toISOString(),
    local_time: displayTime(scheduledAt, post.timeZone ?? ctx.org.timeZone),
    approved_version: post.contentVersion,
    publishes_now: due,
  };
}

/** The publish job's payload: which post, under which approval, which try, due when. */
export function publishJobPayload(organizationId: string, postId: string, approvalId: string, attempt: number, dueAt: Date) {
  return { organizationId, postId, approvalId, attempt, dueAt: dueAt.toISOString() };
}

/**
 * One key per approval, try and due time: a re-delivered job is dropped by the queue (and the row's
 * claim stops any that gets through), while a post moved to a later time, or retried, gets a new
 * key that the queue's memory of an earlier, skipped run cannot swallow.
 */
export function publishJobKey(approvalId: string, attempt: number, dueAt: Date): string {
  return `${PUBLISH_POST_JOB}.${approvalId}.${attempt}.${dueAt.getTime()}`;
}

export function approvedOutcome(result: ApprovedPost): string {
  const platform = PLATFORM_LABELS[result.platform as keyof typeof PLATFORM_LABELS] ?? result.platform;
  return result.publishes_now ? `Publishing on ${platform} as ${result.account} now.` : `Scheduled on ${platform} as ${result.account} for ${result.local_time}.`;
}
