import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import { resolveScheduledAt, scheduledAtInput, timeZoneInput } from './post-fields.ts';
import { loadPost, postOutput, toPostOutput } from './post-view.ts';

export const reschedulePost = defineTool({
  name: 'reschedule_post',
  title: 'Move a post',
  description:
    "Moves a post to another time. An approved (scheduled) post keeps its approval: only its content needs one, so use update_post to change what it says. A post waiting for approval is decided again at its new time. Returns the post.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  input: z.object({
    post_id: z.string().uuid().describe('Post to move (list_posts).'),
    scheduled_at: scheduledAtInput,
    time_zone: timeZoneInput.optional(),
  }),
  output: postOutput.extend({ approval_kept: z.boolean().describe('True when the post stays approved at its new time.') }),
  keywords: ['move a post', 'change time', 'drag on calendar'],
  example: { post_id: '00000000-0000-7000-8000-000000000000', scheduled_at: '2026-12-13T09:00' },
  async handler(ctx, input) {
    const post = await loadPost(ctx, input.post_id);
    if (post.status === 'PUBLISHING' || post.status === 'PUBLISHED') throw conflict(`This post is ${post.status.toLowerCase()}; it cannot be moved.`);
    if (post.status === 'CANCELLED' || post.status === 'FAILED') throw conflict(`This post is ${post.status.toLowerCase()}: schedule it again with schedule_post (a new approval).`);
    const timeZone = input.time_zone ?? post.timeZone ?? ctx.org.timeZone;
    const scheduledAt = resolveScheduledAt(input.scheduled_at, timeZone);
    // A time change keeps the approval: the approver approved the content; the job publishes it at whatever time the row says.
    await ctx.db.scheduledPost.update({ where: { id: post.id }, data: { scheduledAt, timeZone, nextAttemptAt: null } });
    return { ...toPostOutput(await loadPost(ctx, post.id), ctx.org.timeZone), approval_kept: post.status === 'SCHEDULED' };
  },
});
