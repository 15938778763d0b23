import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import { approvalPendingOutput } from '../../registry/approval-request.ts';
import { checkReferences, contentColumns, postContentFields } from './post-content-input.ts';
import { contentHash, fromPlatformColumn } from './post-fields.ts';
import { loadPost, postOutput, toPostOutput } from './post-view.ts';

const FINAL = new Set(['PUBLISHING', 'PUBLISHED']);

export const updatePost = defineTool({
  name: 'update_post',
  title: 'Edit a post',
  description:
    "Changes a post's content (caption, hashtags, media, link, account...). Editing an approved (scheduled) post withdraws its approval: it goes back to pending_approval and a new approval request is filed. Use reschedule_post to change only its time.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  escalatesTo: ['schedule_post'],
  input: z.object({ post_id: z.string().uuid().describe('Post to edit (list_posts).'), ...postContentFields }),
  output: postOutput.extend({ approval: approvalPendingOutput.nullable().describe('The new approval request, when an approved post was edited.') }),
  example: { post_id: '00000000-0000-7000-8000-000000000000', caption: 'Lowtide: out now everywhere' },
  async handler(ctx, input) {
    const { post_id: postId, ...fields } = input;
    const post = await loadPost(ctx, postId);
    if (FINAL.has(post.status)) throw conflict(`This post is ${post.status.toLowerCase()}; it can no longer be edited.`);
    await checkReferences(ctx, fromPlatformColumn(post.platform), fields);
    const edited = { ...post, ...contentColumns(fields) };
    const changed = contentHash(edited) !== contentHash(post);
    if (!changed) return { ...toPostOutput(post, ctx.org.timeZone), approval: null };
    const wasApproved = post.status === 'SCHEDULED';
    await ctx.db.scheduledPost.update({
      where: { id: postId },
      data: {
        ...contentColumns(fields),
        contentVersion: { increment: 1 },
        // What an approver said yes to is no longer what would go out.
        ...(wasApproved ? { status: 'PENDING_APPROVAL', approvalRequestId: null, approvedVersion: null, approvedContentHash: null } : {}),
      },
    });
    // A pending request re-checks the content version when approved, and returns to pending if it moved.
    const approval = wasApproved && post.scheduledAt ? await ctx.requestApproval!('schedule_post', { post_id: postId }) : null;
    return { ...toPostOutput(await loadPost(ctx, postId), ctx.org.timeZone), approval };
  },
});
