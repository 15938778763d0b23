import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import { loadPost, postOutput, toPostOutput } from './post-view.ts';

export const cancelPost = defineTool({
  name: 'cancel_post',
  title: 'Cancel a post',
  description: 'Takes a post off the calendar (draft, waiting for approval, scheduled or failed): it will not be published, and a pending approval of it fails if approved. Returns the post.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  hints: { destructive: true, idempotent: true },
  input: z.object({ post_id: z.string().uuid().describe('Post to cancel (list_posts).') }),
  output: postOutput,
  example: { post_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const post = await loadPost(ctx, input.post_id);
    if (post.status === 'PUBLISHED') throw conflict('This post is already published: remove it on the platform itself.');
    // Guarded by status: a worker that claimed it a moment ago (PUBLISHING) wins, and this says so.
    const cancelled = await ctx.db.scheduledPost.updateMany({ where: { id: post.id, status: { notIn: ['PUBLISHING', 'PUBLISHED'] } }, data: { status: 'CANCELLED' } });
    if (cancelled.count === 0) throw conflict('This post is being published right now and can no longer be cancelled.');
    return toPostOutput(await loadPost(ctx, post.id), ctx.org.timeZone);
  },
});
