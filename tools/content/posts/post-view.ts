import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import { displayTime, fromPlatformColumn, fromStatusColumn, POST_STATUSES } from './post-fields.ts';

/** A post as the post tools return it: ids, where and when, status, and never a token. */
export const postOutput = z.object({
  post_id: z.string(),
  platform: z.string(),
  account: z.string().nullable().describe('The connected account it goes to (display name), or null.'),
  social_account_id: z.string().nullable(),
  release_id: z.string().nullable(),
  content_type: z.string(),
  caption: z.string(),
  hashtags: z.array(z.string()),
  media_count: z.number().int(),
  link: z.string().nullable(),
  scheduled_at: z.string().nullable().describe('UTC, ISO 8601.'),
  local_time: z.string().nullable().describe('scheduled_at in the time zone it was chosen in.'),
  status: z.enum(POST_STATUSES),
  content_version: z.number().int(),
  approved_version: z.number().int().nullable().describe('The content version an approver approved, while it stands.'),
  approval_id: z.string().nullable(),
  external_url: z.string().nullable(),
  error: z.string().nullable(),
});
export type PostOutput = z.infer<typeof postOutput>;

export const POST_INCLUDE = { socialAccount: { select: { id: true, displayName: true, platform: true, status: true } } } as const;

/** A post row with its account, as the post tools load it. */
export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export function findPost(ctx: Pick<ToolContext, 'db'>, postId: string) {
  return ctx.db.scheduledPost.findFirst({ where: { id: postId }, include: POST_INCLUDE });
}

export async function loadPost(ctx: Pick<ToolContext, 'db'>, postId: string): Promise<PostRow> {
  const post = await findPost(ctx, postId);
  if (!post) throw notFound('post', postId);
  return post;
}

export function toPostOutput(post: PostRow, organizationTimeZone: string): PostOutput {
  const zone = post.timeZone ?? organizationTimeZone;
  return {
    post_id: post.id,
    platform: fromPlatformColumn(post.platform),
    account: post.socialAccount?.displayName ?? null,
    social_account_id: post.socialAccountId,
    release_id: post.releaseId,
    content_type: post.contentType.toLowerCase(),
    caption: post.caption,
    hashtags: post.hashtags,
    media_count: Array.isArray(post.media) ? post.media.length : 0,
    link: post.link,
    scheduled_at: post.scheduledAt?.toISOString() ?? null,
    local_time: post.scheduledAt ? displayTime(post.scheduledAt, zone) : null,
    status: fromStatusColumn(post.status),
    content_version: post.contentVersion,
    approved_version: post.status === 'SCHEDULED' || post.status === 'PUBLISHING' || post.status === 'PUBLISHED' ? post.approvedVersion : null,
    approval_id: post.approvalRequestId,
    external_url: post.externalUrl,
    error: post.error,
  };
}
